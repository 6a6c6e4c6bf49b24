/**
 * Fixture cases (test/fixtures/check/<case>/input.mdx): the diagnostics of each whole document,
 * compared with its messages.json. `UPDATE=1 npx vitest run test/pipeline/check/fixtures.test.ts`
 * rewrites the expected files on purpose; review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { guessCollection } from '../../../src/project/check-command.ts';
import { DEFAULT_CHECK_CONFIG } from '../../../src/pipeline/check/rule-config.ts';
import { toDiagnostics } from '../../../src/lib/report.ts';
import type { CheckContext } from '../../../src/pipeline/check/checks.ts';
import { processDocument } from '../../../src/pipeline/process-document.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';

const DIR = join(PROJECT_ROOT, 'test/fixtures/check');
const CASES = readdirSync(DIR)
  .filter((name) => existsSync(join(DIR, name, 'input.mdx')))
  .sort();
const context: CheckContext = { glossary: [], units: [], today: '2024-01-01', checks: DEFAULT_CHECK_CONFIG };

describe('check fixtures', () => {
  test.each(CASES)('%s', (name) => {
    const path = `test/fixtures/check/${name}/input.mdx`;
    const value = readFileSync(join(PROJECT_ROOT, path), 'utf8');
    const { file, html } = processDocument({ path, value, collection: guessCollection(path, value) }, context);
    const actual = toDiagnostics([file]).map(({ file: _file, ...rest }) => rest);
    const expectedPath = join(DIR, name, 'messages.json');
    if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    expect(html).not.toMatch(/<script|<iframe|onclick|javascript:/i);
  });

  test('the clean case is clean and the others are not', () => {
    const messages = (name: string) => JSON.parse(readFileSync(join(DIR, name, 'messages.json'), 'utf8')) as unknown[];
    expect(messages('clean-deed')).toEqual([]);
    for (const name of CASES.filter((c) => c !== 'clean-deed')) expect(messages(name).length).toBeGreaterThan(0);
  });
});
