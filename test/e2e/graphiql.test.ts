/**
 * GraphiQL in a real (headless) browser, against the real server and the bundled data set: the page and all
 * of its scripts, styles and editor workers come from this server, nothing is fetched from anywhere else,
 * the first example tab is the 低保 query, and running it shows real data in the response editor.
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';
import { isLocalRequest, launchBrowser, skipBrowserTests } from './browser.js';

const screenshotPath = fileURLToPath(new URL('../../test-results/graphiql.png', import.meta.url));

/** Generous: the first load parses ~5 MB of GraphiQL and starts three Monaco workers, maybe on a busy CI box. */
const uiTimeout = 30_000;

/** Monaco renders spaces as no-break spaces. */
const editorText = (text: string) => text.replace(/\u00a0/g, ' ');

/**
 * Monaco only renders the lines in view, so text further down a long response is not in the DOM yet:
 * scroll the response editor down step by step, collecting what it shows, until every needle was seen.
 */
async function findInResponse(page: Page, needles: string[]): Promise<{ seen: string; missing: string[] }> {
  const response = page.locator('.graphiql-response');
  const lines = response.locator('.view-lines');
  let seen = '';
  const missing = () => needles.filter((n) => !seen.includes(n));
  await response.hover();
  for (let step = 0; step < 60 && missing().length > 0; step++) {
    seen += '\n' + editorText(await lines.innerText());
    if (missing().length === 0) break;
    await page.mouse.wheel(0, 400);
    // Let Monaco render the newly scrolled-in lines (two frames), rather than sleeping.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  return { seen, missing: missing() };
}

describe.skipIf(skipBrowserTests)('GraphiQL in a browser (offline)', () => {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let server: Server | undefined;
  let origin = '';

  const requests: string[] = [];
  const blocked: string[] = [];
  const failedRequests: string[] = [];
  const badResponses: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The browser first: when it is required but missing, this fails with the install hint.
    browser = await launchBrowser();

    const store = await loadStore(defaultDataDir);
    const yoga = createPolicyYoga({ getStore: () => store });
    server = createServer(yoga);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(0, '127.0.0.1', resolve);
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // Anything not for this machine is aborted, so a CDN reference fails loudly here instead of hanging.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocalRequest(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    // Context-wide listeners also see requests made by workers.
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
    context.on('response', (response) => {
      if (response.status() >= 400) badResponses.push(`${response.status()} ${response.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
  });

  /** What the page did: appended when a UI wait times out, since a blocked or failed script is the usual cause. */
  const diagnostics = () =>
    [
      `blocked non-local requests: ${JSON.stringify(blocked)}`,
      `failed requests: ${JSON.stringify(failedRequests)}`,
      `HTTP errors: ${JSON.stringify(badResponses)}`,
      `console errors: ${JSON.stringify(consoleErrors)}`,
      `page errors: ${JSON.stringify(pageErrors)}`,
    ].join('\n');

  /** Waits for a locator; on timeout, saves a screenshot and fails with what the page did. */
  async function waitFor(page: Page, locator: Locator, what: string) {
    try {
      await locator.waitFor({ state: 'visible', timeout: uiTimeout });
    } catch (error) {
      await mkdir(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath }).catch(() => {});
      throw new Error(`GraphiQL never showed ${what} (screenshot: ${screenshotPath})\n${diagnostics()}`, { cause: error });
    }
  }

  it('loads everything from this server and runs the first example query', async () => {
    const page = await context!.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const loaded = await page.goto(`${origin}/graphql`);
    expect(loaded?.status()).toBe(200);

    // The editor is mounted, on the first example tab, showing that tab's query (not yoga's welcome text).
    const queryEditor = page.locator('.graphiql-query-editor .view-lines');
    await waitFor(page, queryEditor, 'the query editor');
    await waitFor(page, page.locator('.graphiql-tab-active', { hasText: 'MinimumLivingAllowance' }), 'the first example tab');
    await waitFor(page, queryEditor.filter({ hasText: 'query MinimumLivingAllowance' }), 'the first example query in the editor');
    expect(editorText(await queryEditor.innerText())).toContain('lookup(name: "低保")');

    // Run it with the ▶ button, and see the server answer.
    const execute = page.locator('.graphiql-execute-button');
    await waitFor(page, execute, 'the execute button');
    const answered = page.waitForResponse(
      (response) =>
        response.url() === `${origin}/graphql` &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('MinimumLivingAllowance'),
      { timeout: uiTimeout },
    );
    await execute.click();
    const answer = await answered;
    expect(answer.status()).toBe(200);

    // The response editor shows the program, and one of its figures further down (279.8万人).
    await waitFor(page, page.locator('.graphiql-response .view-lines', { hasText: '最低生活保障' }), 'the result');
    const { seen, missing } = await findInResponse(page, ['"name": "最低生活保障"', '279.8']);
    expect(missing, `response editor showed:\n${seen}`).toEqual([]);
    expect(seen).not.toContain('"errors"');

    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });

    // Offline: every request went to 127.0.0.1 (or was a data:/blob: URL the page made itself).
    expect(requests.filter((url) => !isLocalRequest(url)), 'requests that left the machine').toEqual([]);
    expect(blocked, 'requests aborted as non-local').toEqual([]);
    // The bundle, styles and the three Monaco workers were all served by this server.
    for (const asset of [
      '/graphiql/assets/graphiql.css',
      '/graphiql/assets/yoga-graphiql.umd.js',
      '/graphiql/assets/monacoeditorwork/editor.worker.bundle.js',
      '/graphiql/assets/monacoeditorwork/json.worker.bundle.js',
      '/graphiql/assets/monacoeditorwork/graphql.worker..bundle.js',
    ]) {
      expect(requests, asset).toContain(`${origin}${asset}`);
    }

    // Nothing failed to load, and the page logged no errors (a failed script load would show up here).
    expect(failedRequests, 'failed requests').toEqual([]);
    expect(badResponses, 'HTTP error responses').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  }, 90_000);
});
