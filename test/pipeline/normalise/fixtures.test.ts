/**
 * Fixtures per stage: test/fixtures/normalise/<stage>/<case>/input.txt (or input.mdx), with the
 * expected output.txt, changes.json (rule, before, after, line and column of each change) and
 * messages.json. Each stage runs on its own; `text` and `markdown` run the whole normaliser.
 * Regenerate the expected files on purpose with UPDATE=1 and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PluggableList } from 'unified';
import { convertScript } from '../../../src/pipeline/normalise/convert-script.ts';
import { normaliseCharacters } from '../../../src/pipeline/normalise/characters.ts';
import { normalisePunctuation } from '../../../src/pipeline/normalise/punctuation.ts';
import { normalisePlugins, normaliseWith, restore } from '../../../src/pipeline/normalise/normalise.ts';
import { stripHtml } from '../../../src/pipeline/normalise/strip-html.ts';
import { stripPinyin } from '../../../src/pipeline/normalise/strip-pinyin.ts';
import { stripScrapeNoise } from '../../../src/pipeline/normalise/strip-scrape-noise.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/normalise');
const UPDATE = process.env.UPDATE === '1';

const STAGES: Record<string, { plugins: PluggableList; mode: 'text' | 'markdown' }> = {
  characters: { plugins: [normaliseCharacters], mode: 'text' },
  html: { plugins: [stripHtml], mode: 'text' },
  pinyin: { plugins: [stripPinyin], mode: 'text' },
  'scrape-noise': { plugins: [stripScrapeNoise], mode: 'text' },
  script: { plugins: [convertScript], mode: 'text' },
  punctuation: { plugins: [normalisePunctuation], mode: 'text' },
  text: { plugins: normalisePlugins('text'), mode: 'text' },
  markdown: { plugins: normalisePlugins('markdown'), mode: 'markdown' },
};

function compare(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`${file} was missing and has been written: review it, then run again`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

test('every fixture folder belongs to a stage', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(STAGES).sort());
});

for (const [stage, { plugins, mode }] of Object.entries(STAGES)) {
  describe(stage, () => {
    const cases = readdirSync(join(FIXTURES, stage)).sort();
    test.each(cases)('%s', (name) => {
      const dir = join(FIXTURES, stage, name);
      const inputFile = existsSync(join(dir, 'input.mdx')) ? 'input.mdx' : 'input.txt';
      const input = readFileSync(join(dir, inputFile), 'utf8');
      const result =
        mode === 'markdown' && stage === 'markdown'
          ? normaliseWith(input, plugins, mode)
          : normaliseWith(input, plugins, mode);
      expect(restore(result.value, result.changes)).toBe(input);
      compare(join(dir, inputFile.replace('input', 'output')), result.value);
      const changes = result.changes.map((c) => ({
        rule: c.rule,
        line: c.start.line,
        column: c.start.column,
        before: c.before,
        after: c.after,
      }));
      compare(join(dir, 'changes.json'), JSON.stringify(changes, null, 2) + '\n');
      const messages = result.messages.map((m) => ({
        ruleId: m.ruleId,
        line: m.line,
        column: m.column,
        fatal: m.fatal,
        reason: m.reason,
      }));
      compare(join(dir, 'messages.json'), JSON.stringify(messages, null, 2) + '\n');
      // A stage on its own is idempotent too.
      expect(normaliseWith(result.value, plugins, mode).value).toBe(result.value);
    });
  });
}
