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
import { DEFAULT_CHECK_CONFIG, type CheckConfig } from '../../../src/pipeline/check/rule-config.ts';
import { toDiagnostics, type Diagnostic } from '../../../src/lib/report.ts';
import type { CheckContext } from '../../../src/pipeline/check/checks.ts';
import { processDocument, type ProcessedDocument } from '../../../src/pipeline/process-document.ts';
import type { Collection } from '../../../src/pipeline/types.ts';
import { BASE_FRONTMATTER } from '../../../tools/docs/rule-examples.ts';

export { BASE_FRONTMATTER };

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
