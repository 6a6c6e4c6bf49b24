/**
 * Real Chromium for browser tests: Debian's `/usr/bin/chromium` driven by playwright-core.
 * Without Chromium the tests skip with a one-line message; with `CI=true` they fail instead.
 */
import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
const inCI = process.env.CI === 'true' || process.env.CI === '1';

if (!hasChromium && !inCI) {
  console.warn(`[browser] ${CHROMIUM_PATH} not found: browser tests are skipped (apt-get install chromium).`);
}

/** `describe` where Chromium exists or in CI (where its absence must fail), else `describe.skip`. */
export const describeBrowser = describe.skipIf(!hasChromium && !inCI);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium)
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium (CI=true makes this a failure).`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
