/**
 * Run a rule's documented example (`RuleExample`) the way `deeds check` checks a project: the example
 * is written as an entry over a valid base entry of its collection, beside its `others`, with its
 * `units`, in a temporary project. Used by the examples' fixtures and by the editors' guide
 * (`npm run docs`), which prints the message each example really gives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { stringify } from 'yaml';
import type { RuleExample } from '../../src/pipeline/check/define-rule.ts';
import type { Collection } from '../../src/pipeline/types.ts';
import { runProject } from '../../src/project/run.ts';

/** A valid entry of each collection, which examples and the rules' table tests change field by field. */
export const BASE_FRONTMATTER: Readonly<Record<Collection, Record<string, unknown>>> = {
  deeds: {
    title: '扎根社区的健康守门人',
    subject: { name: '李静', type: 'person' },
    unit: '示例市第一人民医院',
    year: 2022,
  },
  announcements: { kind: 'notice', title: '关于开展评选的通知', issuer: '示例市卫生健康委员会', date: '2023-01-04' },
  rolls: {
    title: '先进个人名单',
    issuer: '示例市卫生健康委员会',
    year: 2022,
    date: '2023-02-01',
    categories: [{ name: '先进个人', awardees: [{ name: '李静', unit: '示例市第一人民医院' }] }],
  },
};

export function exampleEntry(example: RuleExample): { frontmatter: Record<string, unknown>; body: string } {
  const collection = example.collection ?? 'deeds';
  return { frontmatter: { ...BASE_FRONTMATTER[collection], ...example.frontmatter }, body: example.body ?? '正文。\n' };
}

function entryText(frontmatter: Record<string, unknown>, body = '正文。\n'): string {
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`;
}

export interface ExampleRun {
  /** Messages about the example entry. */
  messages: VFileMessage[];
  /** Messages of every file of the project (the example's others and registries too). */
  all: VFileMessage[];
}

export function runExample(example: RuleExample): ExampleRun {
  const root = mkdtempSync(join(tmpdir(), 'deeds-rule-example-'));
  try {
    const collection = example.collection ?? 'deeds';
    const path = `content/${collection}/2022/example.mdx`;
    const { frontmatter, body } = exampleEntry(example);
    const files: Record<string, string> = {
      [path]: entryText(frontmatter, body),
      'content/units.yaml': stringify(example.units ?? []),
      'content/glossary.yaml': '[]\n',
    };
    for (const [other, data] of Object.entries(example.others ?? {})) files[`content/${other}`] = entryText(data);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const result = runProject({ root, today: '2024-01-01' });
    return {
      messages: result.files.filter((file) => file.path.endsWith(path)).flatMap((file) => file.messages),
      all: result.files.flatMap((file) => file.messages),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
