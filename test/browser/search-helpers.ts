/** Driving the search UI in tests: type a query, wait until its results are on screen, read them. */
import type { Page } from 'playwright-core';
import { SEARCH_PAGE, waitForResults } from '../../tools/search-ui.ts';

export { waitForResults };

/** The search page's results for `query`, as link paths in rank order. */
export async function searchOnPage(page: Page, query: string, root = SEARCH_PAGE): Promise<string[]> {
  await page.fill(`${root} input[name="q"]`, query);
  await waitForResults(page, query, root);
  return page.$$eval(`${root} [data-search-results] a`, (links) => links.map((a) => a.getAttribute('href') ?? ''));
}
