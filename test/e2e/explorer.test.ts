/**
 * The explorer in a real (headless) browser, against the real server and the bundled data set, offline: search
 * for 低保 and open it, read its figures, see its neighbourhood drawn, expand a node with a double-click, find a
 * path between two entities, reload from the address and get the same view back, go back and forward, switch
 * to English, and look at it at phone width. Screenshots go to test-results/.
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/server/config.js';
import { createPolicyYoga } from '../../src/server/yoga.js';
import { loadStore } from '../../src/store/load.js';
import { isLocalRequest, launchBrowser, skipBrowserTests } from './browser.js';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const shot = (name: string) => `${resultsDir}${name}`;

/** Generous, for a busy CI box; every wait is on a condition, so a fast machine never waits this long. */
const uiTimeout = 30_000;

const dibao = 'program:minimum-living-allowance';
const socialAssistance = 'program:social-assistance';
const dataSharing = 'policy:gx-social-assistance-data-sharing-measures';

/** What the page exposes for tests (src/explorer/test-hook.ts), as read from the page. */
type Hook = { order: number; nodes: string[]; labels: number; loading: boolean; version: number; path: string[] | null; state: Record<string, unknown> };

const readHook = (page: Page) =>
  page.evaluate((): Hook | null => {
    const hook = window.__explorer;
    if (!hook?.graph || !hook.sigma) return null;
    return {
      order: hook.graph.order,
      nodes: hook.graph.nodes().sort(),
      labels: hook.sigma.getNodeDisplayedLabels().size,
      loading: hook.loading,
      version: hook.graphVersion,
      path: hook.highlightedPath,
      state: hook.state as unknown as Record<string, unknown>,
    };
  });

/** Waits until the page is idle (nothing loading, the graph drawn) and `check` holds; returns what it read. */
async function waitForExplorer(page: Page, what: string, check: (hook: Hook) => boolean): Promise<Hook> {
  let last: Hook | null = null;
  try {
    await expect
      .poll(async () => {
        last = await readHook(page);
        return last !== null && !last.loading && last.version > 0 && check(last);
      }, { timeout: uiTimeout, interval: 100 })
      .toBe(true);
  } catch (error) {
    await page.screenshot({ path: shot('explorer-failure.png') }).catch(() => {});
    throw new Error(`the explorer never showed ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`, { cause: error });
  }
  return last!;
}

/**
 * Where a node is on screen, from sigma's own graphToViewport, once it has stopped moving (two frames apart).
 */
function nodeOnScreen(page: Page, id: string) {
  return page.evaluate(async (node) => {
    const sigma = window.__explorer!.sigma!;
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let previous: { x: number; y: number } | null = null;
    for (let i = 0; i < 100; i++) {
      await frames();
      const point = sigma.graphToViewport(sigma.getGraph().getNodeAttributes(node) as { x: number; y: number });
      if (previous && Math.abs(previous.x - point.x) < 0.5 && Math.abs(previous.y - point.y) < 0.5) {
        const box = sigma.getContainer().getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y, inside: point.x > 0 && point.y > 0 && point.x < box.width && point.y < box.height };
      }
      previous = point;
    }
    throw new Error(`node ${node} never stopped moving`);
  }, id);
}

describe.skipIf(skipBrowserTests)('the explorer in a browser (offline)', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let origin = '';
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const requests: string[] = [];

  /** A fresh browser context of the given size, offline, recording anything that went wrong. */
  async function open(viewport: { width: number; height: number }, path: string, options: { isMobile?: boolean } = {}) {
    const context = await browser!.newContext({ viewport, isMobile: options.isMobile, hasTouch: options.isMobile });
    contexts.push(context);
    await context.route('**/*', (route) => (isLocalRequest(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    context.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()} ${response.url()}`));
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser(); // when required but missing, this fails with the install hint
    const store = await loadStore(defaultDataDir);
    server = createServer(createPolicyYoga({ getStore: () => store }));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(0, '127.0.0.1', resolve);
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await mkdir(resultsDir, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
  });

  it('finds 低保, shows its figures and graph, expands a node, finds a path, and restores it all from the address', async () => {
    const page = await open({ width: 1440, height: 900 }, '/explore');

    // Keyboard: a few Tabs reach the search box (after the skip link and the title); type, and Enter chooses
    // the best suggestion.
    const search = page.getByRole('combobox', { name: '搜索' });
    await search.waitFor({ timeout: uiTimeout });
    const tabs: string[] = [];
    while (!(await search.evaluate((input) => input === document.activeElement))) {
      expect(tabs.length, `Tab went through ${tabs.join(' → ')}`).toBeLessThan(4);
      await page.keyboard.press('Tab');
      tabs.push(await page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.tagName || ''));
    }
    await page.keyboard.type('低保');
    await page.getByRole('option', { name: /最低生活保障/ }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Enter');

    // The panel: kind, name, and the figures that measure it.
    await page.locator('#entity-name', { hasText: '最低生活保障' }).waitFor({ timeout: uiTimeout });
    expect(new URL(page.url()).searchParams.get('id')).toBe(dibao);
    await expect.poll(() => page.locator('.entity .kind-badge').innerText()).toBe('项目');
    const recipients = page.locator('tr[data-id="metric:gx-minimum-living-allowance-recipients-2023"]');
    await recipients.waitFor({ timeout: uiTimeout });
    expect(await recipients.locator('td.printed').innerText()).toBe('279.8万人');
    expect(await recipients.innerText()).toContain('截至 2023-12-29');
    // Evidence and relations grouped by type.
    expect(await page.locator('.figures .citations').first().innerText()).toContain('279.8万人');
    await page.locator('.relation-group[data-relation="GOVERNS"] button[data-id="policy:gx-minimum-living-allowance-review-measures"]').waitFor();
    await page.locator('.figures-chart canvas').waitFor();

    // The graph: the neighbourhood, drawn with labels.
    const drawn = await waitForExplorer(page, 'the neighbourhood of 低保', (h) => h.nodes.includes(socialAssistance) && h.labels > 3);
    expect(drawn.order).toBeGreaterThanOrEqual(10);

    // Filters: hiding figures (a kind) or PART_OF (a relation type) hides those nodes, and says so in the address.
    const shown = () => page.evaluate(() => {
      const sigma = window.__explorer!.sigma!;
      return sigma.getGraph().filterNodes((node) => !sigma.getNodeDisplayData(node)?.hidden);
    });
    const metrics = drawn.nodes.filter((id) => id.startsWith('metric:'));
    expect(metrics).toHaveLength(4);
    await page.locator('.filters label[data-kind="METRIC"] input').uncheck();
    await expect.poll(async () => (await shown()).filter((id) => id.startsWith('metric:')), { timeout: uiTimeout }).toEqual([]);
    expect(new URL(page.url()).searchParams.get('hideKind')).toBe('METRIC');
    await page.locator('.filters label[data-relation="PART_OF"] input').uncheck();
    await expect.poll(async () => (await shown()).includes(socialAssistance), { timeout: uiTimeout }).toBe(false);
    await page.locator('.filters label[data-kind="METRIC"] input').check();
    await page.locator('.filters label[data-relation="PART_OF"] input').check();
    await expect.poll(async () => (await shown()).length, { timeout: uiTimeout }).toBe(drawn.order);
    expect(new URL(page.url()).search).toBe(`?id=${dibao}`);

    // Double-click 社会救助 where sigma draws it: it opens in the panel and its neighbourhood joins the graph.
    const target = await nodeOnScreen(page, socialAssistance);
    expect(target.inside).toBe(true);
    await page.mouse.dblclick(target.x, target.y);
    await page.locator('#entity-name', { hasText: '社会救助' }).waitFor({ timeout: uiTimeout });
    const expanded = await waitForExplorer(page, 'the expanded graph', (h) => h.order > drawn.order);
    expect(expanded.state).toMatchObject({ id: socialAssistance, roots: [dibao, socialAssistance] });
    expect(new URL(page.url()).searchParams.get('x')).toBe(`${dibao},${socialAssistance}`);

    // The path finder: both ends chosen by search, the shortest path listed with evidence and highlighted.
    await page.locator('.path-finder summary').click();
    await page.getByRole('combobox', { name: '路径查找: 起点' }).fill('社会救助信息共享');
    await page.getByRole('option', { name: /广西社会救助信息共享和数据利用管理办法/ }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: '路径查找: 终点' }).fill('低保');
    await page.getByRole('option', { name: /最低生活保障/ }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Enter');
    const firstPath = page.locator('.path[data-index="0"]');
    await firstPath.waitFor({ timeout: uiTimeout });
    expect(await firstPath.locator('.step').count()).toBe(2);
    expect(await firstPath.innerText()).toContain('低保等社会救助'); // the evidence of PART_OF
    const withPath = await waitForExplorer(page, 'the highlighted path', (h) => h.path !== null);
    expect(withPath.path).toEqual([dataSharing, socialAssistance, dibao]);
    for (const id of withPath.path!) expect(withPath.nodes).toContain(id);
    await page.screenshot({ path: shot('explorer-laptop.png') });

    // A reload from the address restores the same view: entity, expanded graph, path.
    const address = page.url();
    expect(address).toContain(`from=${dataSharing}`);
    await page.reload();
    await page.locator('#entity-name', { hasText: '社会救助' }).waitFor({ timeout: uiTimeout });
    await page.locator('.path[data-index="0"] .step').first().waitFor({ timeout: uiTimeout });
    const reloaded = await waitForExplorer(page, 'the same view after a reload', (h) => h.path !== null && h.order === withPath.order);
    expect(page.url()).toBe(address);
    expect(reloaded.nodes).toEqual(withPath.nodes);
    expect(reloaded.path).toEqual(withPath.path);

    // Back: the path's end is gone (and the highlight with it); forward: it is back.
    await page.goBack();
    await waitForExplorer(page, 'the view before the path’s end was chosen', (h) => h.path === null && h.state.to === null);
    expect(await page.locator('.path').count()).toBe(0);
    await page.goForward();
    await waitForExplorer(page, 'the path again', (h) => h.path !== null);

    // English names, on the panel and the graph's labels.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#entity-name', { hasText: 'Social assistance' }).waitFor({ timeout: uiTimeout });
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('#entity-name', { hasText: '社会救助' }).waitFor({ timeout: uiTimeout });

    // The README's picture: 低保, its neighbourhood and its figures.
    await page.goto(`${origin}/explore?id=${dibao}`);
    await page.locator('tr[data-id="metric:gx-minimum-living-allowance-recipients-2023"]').waitFor({ timeout: uiTimeout });
    await waitForExplorer(page, 'the README view', (h) => h.path === null && h.order >= 10 && h.labels > 3);
    await nodeOnScreen(page, dibao); // drawn and still
    await page.screenshot({ path: shot('explorer.png') });
  }, 120_000);

  it('puts the panel below the graph at phone width', async () => {
    const page = await open({ width: 390, height: 844 }, `/explore?id=${dibao}`, { isMobile: true });
    await page.locator('#entity-name', { hasText: '最低生活保障' }).waitFor({ timeout: uiTimeout });
    await waitForExplorer(page, 'the graph at phone width', (h) => h.order >= 10 && h.labels > 3);
    const graph = (await page.locator('.graph-stage').boundingBox())!;
    const panel = (await page.locator('#panel').boundingBox())!;
    expect(graph.width).toBeGreaterThan(350);
    expect(panel.y).toBeGreaterThanOrEqual(graph.y + graph.height);
    // Nothing is wider than the screen, but the figures table, which scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await nodeOnScreen(page, dibao);
    await page.screenshot({ path: shot('explorer-phone.png'), fullPage: true });
  }, 60_000);

  it('loaded everything from this server, with no errors', () => {
    expect(requests.filter((url) => !isLocalRequest(url)), 'requests that left the machine').toEqual([]);
    expect(requests.some((url) => /\/explore\/assets\/explorer-[A-Z0-9]+\.js$/.test(url))).toBe(true);
    expect(problems).toEqual([]);
  });
});
