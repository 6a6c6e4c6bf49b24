/**
 * What the loader keeps of each document for the pages. Astro's content store holds every entry for
 * the whole build, and twice more as text in the server bundle; what the pipeline derives is kept
 * only where a page reads it, and the entry's digest covers all of it (an entry whose digest is
 * unchanged keeps what it stored before).
 */
import { describe, expect, test } from 'vitest';
import { summaryOf } from '../../src/lib/deed-summary.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import { digestedData, pipelineSummary } from '../../src/project/run.ts';
import { EMPTY_CONTEXT } from '../../src/pipeline/types.ts';

const FRONTMATTER = '---\ntitle: 测试\nsubject:\n  name: 王小明\n  type: person\nyear: 2022\n---\n\n';

describe('pipelineSummary', () => {
  test.each([
    ['traditional', '王小明同志紮根社區二十年，為群眾健康服務，醫德醫風受到廣泛好評。'],
    ['traditional with pinyin', '南陽市衛(wèi)健委召開會(huì)議，表彰先進集體和個人。'],
    ['simplified', '王小明同志扎根社区二十年，为群众健康服务。'],
  ])('keeps of a %s write-up what its pages show, and nothing of the normaliser’s record', (_kind, body) => {
    const document = processDocument(
      { path: 'content/deeds/2023/x.mdx', value: FRONTMATTER + body, collection: 'deeds' },
      EMPTY_CONTEXT,
    );
    const data = document.file.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['normalise', 'wordCount']));
    const summary = pipelineSummary(data);
    // The pages read the summary line (src/lib/deed-summary.ts) and nothing else of it.
    expect(Object.keys(summary)).toEqual(['summary']);
    expect(summaryOf({ data: {}, rendered: { metadata: { pipeline: summary } } })).toBe(data.summary);
    // All of it is covered by the digest.
    expect(digestedData(document)).toEqual({ frontmatter: document.frontmatter, ...summary });
  });

  test('an entry without a summary stores nothing of the pipeline', () => {
    expect(pipelineSummary({ wordCount: { count: 3 }, rollEntry: { name: '王小明' }, normalise: {} })).toEqual({});
  });
});
