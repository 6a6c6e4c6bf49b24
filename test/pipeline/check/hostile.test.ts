/**
 * The hostile fixture set (test/fixtures/hostile/): each file is rejected by `deeds check` with an
 * error at a line of its body, and nothing of it reaches the HTML the pipeline renders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { checkPaths } from '../../../src/project/check-command.ts';
import { processDocument } from '../../../src/pipeline/process-document.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';

const DIR = join(PROJECT_ROOT, 'test/fixtures/hostile');
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.mdx'))
  .sort();
/** The body starts after the 7 lines of frontmatter and a blank line. */
const BODY_LINE = 9;
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'svg',
  'math',
  'meta',
  'base',
  'link',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'poster',
  'background',
  'cite',
  'data',
]);

/** What in rendered HTML could run or load something: forbidden elements, event handlers, styles, foreign URLs. */
function executableParts(html: string): string[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) found.push(`${name}=`);
      if (name === 'style') found.push('style=');
      if (
        URL_ATTRIBUTES.has(name) &&
        /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(text) &&
        !/^https:\/\/[^/]*\.gov\.cn\//.test(text)
      ) {
        found.push(`${name}=${text}`);
      }
    }
  });
  return found;
}

describe('hostile fixtures', () => {
  test('the set covers every kind the issue names', () => {
    for (const kind of [
      'esm',
      'expression',
      'script',
      'event',
      'javascript',
      'data',
      'iframe',
      'svg',
      'entity',
      'css-url',
    ]) {
      expect(FIXTURES.some((name) => name.startsWith(kind))).toBe(true);
    }
  });

  test.each(FIXTURES)('deeds check rejects %s', async (name) => {
    const path = `test/fixtures/hostile/${name}`;
    const result = await checkPaths({ root: PROJECT_ROOT, paths: [path], format: 'json' });
    expect(result.exitCode).toBe(1);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.file).toBe(path);
      expect(['mdx-safety', 'mdx-syntax', 'images']).toContain(error.ruleId);
      expect(error.line).toBeGreaterThanOrEqual(BODY_LINE);
    }
    expect(JSON.parse(result.output)).toHaveLength(result.diagnostics.length);
  });

  test.each(FIXTURES)('nothing of %s reaches the rendered HTML', (name) => {
    const value = readFileSync(join(DIR, name), 'utf8');
    const { html } = processDocument(
      { path: name, value, collection: 'deeds' },
      { glossary: [], units: [], today: '2024-01-01' },
    );
    expect(executableParts(html)).toEqual([]);
    // Text that decodes to markup is shown escaped, never as markup.
    expect(html).not.toMatch(/<(?:script|iframe|svg|img[^>]*onerror)/i);
  });

  test('the HTML probe finds what it looks for', () => {
    expect(
      executableParts(
        '<p onclick="x"><script></script><a href="javascript:x">a</a><img src="https://evil.example/x.png"></p>',
      ),
    ).toEqual(['onClick=', '<script>', 'href=javascript:x', 'src=https://evil.example/x.png']);
  });
});
