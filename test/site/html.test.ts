/** Every built page is valid HTML and passes html-validate's accessibility rules. */
import { beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { buildBasePathSite, buildSite } from '../helpers/site.ts';
import { pages, type Page } from './dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:document', 'html-validate:a11y'],
  rules: {
    // Assets are same-origin files of the site itself; subresource integrity is for third-party hosts.
    'require-sri': 'off',
    // ARIA patterns with no native element: scrollable table regions and the search box's combobox and listbox.
    'prefer-native-element': ['error', { exclude: ['region', 'combobox', 'listbox'] }],
  },
});

// Once on the demo as built by default, once built under a base path (`DEEDS_SITE_URL=…/honours/`).
describe.each([
  ['at the root', buildSite],
  ['under a base path', buildBasePathSite],
])('HTML, %s', (_where, build) => {
  let all: Page[] = [];

  beforeAll(async () => {
    all = pages((await build()).dir);
  });

  test('every page validates', async () => {
    expect(all.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const page of all) {
      const report = await validator.validateString(page.html, page.url);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${page.url}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems.slice(0, 30)).toEqual([]);
  }, 120_000);
});
