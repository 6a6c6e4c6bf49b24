/**
 * What the loader keeps of each document for the pages: small, and enough for the deed page to say
 * the same thing about the normaliser's work as the full record would.
 */
import { describe, expect, test } from 'vitest';
import { describeNormalisation } from '../../src/site/provenance.ts';
import { pipelineSummary } from '../../src/model/loader.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';

const FRONTMATTER = '---\ntitle: 测试\nsubject:\n  name: 王小明\n  type: person\nyear: 2022\n---\n\n';

describe('pipelineSummary', () => {
  test.each([
    ['traditional', '王小明同志紮根社區二十年，為群眾健康服務，醫德醫風受到廣泛好評。'],
    ['traditional with pinyin', '南陽市衛(wèi)健委召開會(huì)議，表彰先進集體和個人。'],
    ['simplified', '王小明同志扎根社区二十年，为群众健康服务。'],
  ])('keeps what the page says about a %s write-up', (_kind, body) => {
    const document = processDocument(
      { path: 'content/deeds/2023/x.mdx', value: FRONTMATTER + body, collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    const summary = pipelineSummary(document.file.data as Record<string, unknown>);
    expect(describeNormalisation(summary.normalise as never)).toBe(describeNormalisation(document.normalised));
    expect(summary).not.toHaveProperty('frontmatter');
    expect(JSON.stringify(summary.normalise)).not.toContain(document.body.slice(0, 10));
  });

  test('keeps one record of the script conversion, not one per character run', () => {
    const body = '紮根社區，為群眾服務。醫德醫風好。衛生健康系統。'.repeat(20);
    const document = processDocument(
      { path: 'content/deeds/2023/x.mdx', value: FRONTMATTER + body, collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    expect(document.normalised.changes.filter((c) => c.rule === 'script').length).toBeGreaterThan(10);
    const { changes } = pipelineSummary(document.file.data as Record<string, unknown>).normalise as {
      changes: { rule: string }[];
    };
    expect(changes.filter((c) => c.rule === 'script')).toEqual([{ rule: 'script' }]);
  });
});
