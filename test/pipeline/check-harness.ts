/**
 * Run one document through the pipeline with valid frontmatter for its collection, and return
 * its diagnostics: the table tests of the check rules use this.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { DEFAULT_CHECK_CONFIG, type CheckConfig } from '../../src/lib/rule-config.ts';
import { toDiagnostics, type Diagnostic } from '../../src/lib/report.ts';
import type { CheckContext } from '../../src/pipeline/checks.ts';
import { processDocument, type ProcessedDocument } from '../../src/pipeline/process-document.ts';
import type { Collection } from '../../src/pipeline/types.ts';

export const BASE_FRONTMATTER: Record<Collection, Record<string, unknown>> = {
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

export interface CheckOptions {
  collection?: Collection;
  /** Fields merged over the base frontmatter. */
  frontmatter?: Record<string, unknown>;
  /** Replace the frontmatter entirely. */
  rawFrontmatter?: string;
  path?: string;
  checks?: CheckConfig;
}

export function source(body: string, options: CheckOptions = {}): string {
  const collection = options.collection ?? 'deeds';
  const yaml =
    options.rawFrontmatter ?? stringify({ ...BASE_FRONTMATTER[collection], ...options.frontmatter }, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}`;
}

export function run(body: string, options: CheckOptions = {}): ProcessedDocument {
  const collection = options.collection ?? 'deeds';
  const context: CheckContext = {
    glossary: [],
    units: [],
    today: '2024-01-01',
    checks: options.checks ?? DEFAULT_CHECK_CONFIG,
  };
  return processDocument(
    { path: options.path ?? `content/${collection}/2023/test.mdx`, value: source(body, options), collection },
    context,
  );
}

export function diagnose(body: string, options: CheckOptions = {}): Diagnostic[] {
  return toDiagnostics([run(body, options).file]);
}

/** The diagnostics of one rule. */
export function ruleMessages(ruleId: string, body: string, options: CheckOptions = {}): Diagnostic[] {
  return diagnose(body, options).filter((d) => d.ruleId === ruleId);
}

/** Run one body rule alone on text that is not normalised first (for rules about what normalisation should remove). */
export function pluginMessages(plugin: Pluggable, body: string, collection: Collection = 'deeds'): Diagnostic[] {
  const file = new VFile({ path: 'test.mdx', value: body, data: { collection, frontmatter: {} } });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use([plugin]);
  processor.runSync(processor.parse(file), file);
  return toDiagnostics([file]);
}
