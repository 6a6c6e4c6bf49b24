/**
 * The build meets the second round of hostile input (issue 18) as `deeds check` does: a photo that is a
 * symlink (to /etc/passwd), a deed over 10 MB, a `javascript:` source URL, 5,000 nested `<Note>` and
 * 200 KB of nested emphasis each fail the build with file:line and rule, in bounded time, and nothing of
 * the linked file is printed.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, fixtureRoot, type FixtureRoot } from '../helpers/fixture-site.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';

const DEED = (extra = '', body = '她在社区门诊工作多年。') =>
  `---\ntitle: 一位社区医生\nsubject:\n  name: 钟乾\n  type: person\nunit: 示例市第一人民医院\nhonours: [先进个人]\nyear: 2022\nroll: 2023/mingdan\nannouncement: 2023/tongzhi\n${extra}---\n\n${body}\n`;

/** Each hostile file, the line it must be reported at and the rule. */
const HOSTILE: Record<string, { text: string; line: number; rule: string }> = {
  'content/deeds/2023/photo-link.mdx': {
    text: DEED('photos:\n  - src: ./passwd.jpg\n    alt: 照片\n    caption: 说明\n'),
    line: 12,
    rule: 'symlink',
  },
  'content/deeds/2023/huge.mdx': {
    text: DEED('', '她在社区门诊工作多年。'.repeat(640_000)),
    line: 1,
    rule: 'file-size',
  },
  'content/deeds/2023/source-url.mdx': {
    text: DEED('source:\n  url: "javascript://honours.example.gov.cn/%0aalert(1602)"\n'),
    line: 12,
    rule: 'frontmatter-schema',
  },
  'content/deeds/2023/notes.mdx': {
    text: DEED('', '<Note>\n'.repeat(5000) + '字\n' + '</Note>\n'.repeat(5000)),
    line: 113,
    rule: 'mdx-nesting',
  },
  'content/deeds/2023/emphasis.mdx': {
    text: DEED('', '*_'.repeat(50_000) + '字' + '_*'.repeat(50_000)),
    line: 13,
    rule: 'mdx-nesting',
  },
};

describe('a build with the second round of hostile content', () => {
  let fixture: FixtureRoot;
  beforeAll(() => {
    fixture = fixtureRoot(join(PROJECT_ROOT, 'test/fixtures/sites/minimal/content'));
  });
  afterAll(() => fixture.remove());

  test('fails, naming every file with its line and rule, and prints nothing of a linked file', () => {
    for (const [path, { text }] of Object.entries(HOSTILE)) writeFileSync(join(fixture.root, path), text);
    symlinkSync('/etc/passwd', join(fixture.root, 'content/deeds/2023/passwd.jpg'));
    const started = performance.now();
    const result = buildFixture(fixture.root);
    const output = result.stdout + result.stderr;
    expect(result.status, output).not.toBe(0);
    expect(performance.now() - started).toBeLessThan(240_000);
    for (const [path, { line, rule }] of Object.entries(HOSTILE)) {
      expect(output, path).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:${line}:\\d+ {2}error {2}.+ {2}${rule}`));
    }
    expect(output).toContain('超过 10 MB');
    expect(output).not.toContain('root:x:0:0');
    expect(output).not.toMatch(/Maximum call stack|structuredClone|^\s+at /m);
  }, 300_000);
});
