/**
 * Shared by the browser tests: finds Debian's Chromium and launches it headless, never downloading one.
 *
 * Without /usr/bin/chromium the browser tests are skipped under `npm test` (with a warning), but fail under
 * `npm run test:e2e`, whose config sets REQUIRE_BROWSER=1: CI must not pass by skipping them.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export const browserMissingMessage = `browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium fonts-noto-cjk)`;

/** True when REQUIRE_BROWSER=1 (`npm run test:e2e`): a missing browser is then a failure. */
export const browserRequired = process.env.REQUIRE_BROWSER === '1';

export const browserAvailable = existsSync(chromiumPath);

/** For `describe.skipIf(skipBrowserTests)`. */
export const skipBrowserTests = !browserAvailable && !browserRequired;

// Evaluated once per test file that imports this module (vitest isolates files), not once per test.
if (skipBrowserTests) console.warn(browserMissingMessage);

/** Flags for a quiet, offline headless Chromium; playwright-core manages the user-data-dir. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches the system Chromium, or throws the install hint when it is missing (only reached when required). */
export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable) {
    throw new Error(browserMissingMessage.replace('browser tests skipped', 'browser tests required (REQUIRE_BROWSER=1) but cannot run'));
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Whether a request the page made stays on this machine: the test server, or data:/blob: URLs it created. */
export function isLocalRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return true;
    // A blob: URL's origin is the page that made it, e.g. blob:http://127.0.0.1:PORT/uuid.
    const origin = parsed.protocol === 'blob:' ? new URL(parsed.origin) : parsed;
    return (origin.protocol === 'http:' || origin.protocol === 'https:') && origin.hostname === '127.0.0.1';
  } catch {
    return false; // unparsable, or a blob: with an opaque origin
  }
}
