/** Driving the search UI in tests: type a query, wait until its results are on screen, read them. */
import type { Page } from 'playwright-core';

/** The search page's results for `query`, as link paths in rank order. */
export async function searchOnPage(page: Page, query: string, root = '[data-search-page]'): Promise<string[]> {
  await page.fill(`${root} input[name="q"]`, query);
  await waitForResults(page, query, root);
  return page.$$eval(`${root} [data-search-results] a`, (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Wait until the UI under `root` shows the results for `query`. */
export async function waitForResults(page: Page, query: string, root = '[data-search-page]'): Promise<void> {
  await page.waitForFunction(
    ([selector, q]) => {
      const element = document.querySelector<HTMLElement>(selector!);
      return element?.dataset.searchState === 'done' && element.dataset.searchFor === q;
    },
    [root, query] as const,
    { timeout: 15_000 },
  );
}
