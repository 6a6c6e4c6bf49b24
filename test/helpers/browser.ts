/**
 * Real Chromium for browser tests: Debian's `/usr/bin/chromium` driven by playwright-core
 * (`tools/chromium.ts`). Without Chromium the tests skip with a one-line message; with `CI=true`
 * they fail instead.
 */
import { describe } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../tools/chromium.ts';
import { inCI } from './ci.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from '../../tools/chromium.ts';

if (!hasChromium && !inCI) {
  console.warn(`[browser] ${CHROMIUM_PATH} not found: browser tests are skipped (apt-get install chromium).`);
}

/** `describe` where Chromium exists or in CI (where its absence must fail), else `describe.skip`. */
export const describeBrowser = describe.skipIf(!hasChromium && !inCI);

export function launchBrowser() {
  return launchChromium().catch((error: Error) => {
    throw new Error(`${error.message} (CI=true makes this a failure)`);
  });
}
