/**
 * What is generated from code stays in step with it: the README's rule table and docs/rules.md are
 * what `npm run docs` writes from the rule definitions today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../src/pipeline/check/rules/index.ts';
import { generatedDocs } from '../../tools/docs/write.ts';

describe('generated documentation', () => {
  test('README.md and docs/rules.md are up to date (run npm run docs)', async () => {
    for (const { path, text } of await generatedDocs()) {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), path).toBe(text);
    }
  }, 60_000);

  test('the guide names every rule, and the README links each to it', () => {
    const guide = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const rule of RULES) {
      expect(guide).toContain(`## \`${rule.id}\``);
      expect(readme).toContain(`(docs/rules.md#${rule.id})`);
    }
  });
});
