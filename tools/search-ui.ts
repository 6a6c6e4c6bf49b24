/**
 * Driving the site's search UI in Chromium (the search bench and the browser tests): the UI marks its
 * root with `data-search-state="done"` and `data-search-for` once the results for a query are on screen.
 */
import type { Page } from 'playwright-core';

/** The search page's root; the header box is `form[data-search-box]`. */
export const SEARCH_PAGE = '[data-search-page]';

/** Wait until the UI under `root` shows the results for `query`. */
export async function waitForResults(page: Page, query: string, root = SEARCH_PAGE, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([selector, q]) => {
      const element = document.querySelector<HTMLElement>(selector!);
      return element?.dataset.searchState === 'done' && element.dataset.searchFor === q;
    },
    [root, query] as const,
    { timeout },
  );
}
