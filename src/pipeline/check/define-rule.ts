/**
 * A check rule, the remark-lint way: one definition names the rule once — its id, what it looks for and
 * how to fix it (for editors, in Chinese), its default severity, whether it may be switched off, and
 * examples — and the rule reports through it, so every message carries the rule's id and the
 * project's source. The rule table (`RULES`), the editors' guide (`docs/rules.md` and the README's
 * table, written by `npm run docs`) and the examples' fixtures (`test/pipeline/check/examples.test.ts`)
 * are all read from these definitions.
 *
 *   export const rule = defineRule({ id: 'roll-count', description: '…', fix: '…', severity: 'default', examples });
 *   rule.report(file, '类别“先进个人”写明 63 名，实际列出 62 名…', { place, fatal: false });
 */
import type { VFile } from 'vfile';
import type { Collection } from '../types.ts';
import { report, type Place, type PointLike } from './helpers.ts';

export type RuleSeverity = 'off' | 'warning' | 'error';

/**
 * A documented example, run as a fixture: an entry of `collection` (default `deeds`) with `frontmatter`
 * merged over a valid entry and `body`, checked in a project with `others` beside it and `units` as
 * its unit registry. An example with `message` must give a message of the rule containing it; one
 * without must give none.
 */
export interface RuleExample {
  collection?: Collection;
  frontmatter?: Record<string, unknown>;
  body?: string;
  /** Other entries of the project: path under `content/` → frontmatter. */
  others?: Readonly<Record<string, Record<string, unknown>>>;
  /** The unit registry (`content/units.yaml`), as its entries. */
  units?: ReadonlyArray<Record<string, unknown>>;
  /** A part of the message the example gives; omitted when the example passes the rule. */
  message?: string;
  /** The severity the message gets; default: whatever the rule decides. */
  severity?: 'error' | 'warning';
}

export interface RuleDefinition {
  /** The rule id as printed in diagnostics and written in `content/checks.yaml`: kebab-case. */
  id: string;
  /** What the rule looks for, for the editors' guide. */
  description: string;
  /** What an editor does about a message, for the editors' guide. */
  fix: string;
  /**
   * `default`: the rule decides per message (privacy is an error in a deed, a warning for an
   * office's contact line); otherwise the severity every message of the rule gets.
   */
  severity: RuleSeverity | 'default';
  /** Whether the rule may be switched off. Safety and privacy may not. */
  required?: boolean;
  /** At least one example that gives a message. */
  examples: readonly RuleExample[];
}

export interface ReportOptions {
  place: Place | PointLike;
  /** `true` for an error, `false` for a warning. */
  fatal: boolean | undefined;
  actual?: string;
  expected?: string[];
}

export interface Rule extends Readonly<RuleDefinition> {
  /** Add a message of this rule to `file` (its id and the project's source stamped on it). */
  report(file: VFile, reason: string, options: ReportOptions): void;
}

export function defineRule(definition: RuleDefinition): Rule {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(definition.id)) throw new Error(`rule id ${definition.id} is not kebab-case`);
  if (!definition.examples.some((example) => example.message !== undefined)) {
    throw new Error(`rule ${definition.id} has no example that gives a message`);
  }
  const id = definition.id;
  return Object.freeze({
    ...definition,
    examples: Object.freeze([...definition.examples]),
    report(file: VFile, reason: string, options: ReportOptions) {
      report(file, reason, { ...options, ruleId: id });
    },
  });
}
