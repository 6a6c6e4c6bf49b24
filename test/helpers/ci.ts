/** Whether this run is CI, where a missing tool (Chromium, nginx, LibreOffice) must fail its tests, not skip them. */
export const inCI = process.env.CI === 'true' || process.env.CI === '1';
