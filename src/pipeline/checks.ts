/**
 * The content checks, in order. Each rule is a lint-style unified plugin in its own
 * `remark-check-*.ts` file that adds vfile messages (`source: 'deeds'`, a `ruleId`, a position
 * and a Chinese message saying what was found, what was expected and how to fix it).
 *
 * - `checkPlugins(context)`: the rules that read the body (the mdast of the normalised text);
 * - `checkFrontmatter(input, context)`: the rules that read frontmatter fields, with positions
 *   in the whole file;
 * - cross-file rules (references, duplicates, units, a deed's limit from its announcement) are
 *   in `project-checks.ts`.
 *
 * Severities come from `content/checks.yaml` (see `src/lib/rule-config.ts`) or, in tests and
 * tools, from `context.checks`.
 */
import type { Pluggable, PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { applyRuleConfig, isRuleOn, loadCheckConfig, type CheckConfig } from '../lib/rule-config.ts';
import type { FrontmatterCheck, FrontmatterInput } from './check-helpers.ts';
import { checkDatesFrontmatter, remarkCheckDates } from './remark-check-dates.ts';
import { checkDocNumberFrontmatter, remarkCheckDocNumber } from './remark-check-doc-number.ts';
import { checkImagesFrontmatter, remarkCheckImages } from './remark-check-images.ts';
import { remarkCheckMdxSafety } from './remark-check-mdx-safety.ts';
import { checkPlaceholderFrontmatter, remarkCheckPlaceholder } from './remark-check-placeholder.ts';
import { checkInvisibleFrontmatter, checkPrivacyFrontmatter, remarkCheckPrivacy } from './remark-check-privacy.ts';
import { checkQuotaSumFrontmatter } from './remark-check-quota-sum.ts';
import { remarkCheckResidue, residueOptions } from './remark-check-residue.ts';
import { checkRollCountFrontmatter } from './remark-check-roll-count.ts';
import { remarkCheckSpunText } from './remark-check-spun-text.ts';
import { remarkCheckWordLimit } from './remark-check-word-limit.ts';
import type { PipelineContext } from './types.ts';

export type { FrontmatterInput } from './check-helpers.ts';

/** A pipeline context that may carry its own check configuration (tests, tools). */
export interface CheckContext extends PipelineContext {
  /** Severities and defaults; default: `content/checks.yaml` of the working directory. */
  checks?: CheckConfig;
}

const configs = new WeakMap<PipelineContext, CheckConfig>();

/** The check configuration for a pipeline run. */
export function checkConfigFor(context: PipelineContext): CheckConfig {
  const own = (context as CheckContext).checks;
  if (own) return own;
  let config = configs.get(context);
  if (!config) {
    config = loadCheckConfig();
    configs.set(context, config);
  }
  return config;
}

/** The body rules, in order, each with the rule id it reports under. */
function bodyRules(context: PipelineContext, config: CheckConfig): Array<[string, Pluggable]> {
  return [
    ['mdx-safety', remarkCheckMdxSafety],
    ['privacy', remarkCheckPrivacy],
    ['placeholder', remarkCheckPlaceholder],
    ['spun-text', remarkCheckSpunText],
    ['residue', [remarkCheckResidue, residueOptions(context)]],
    ['dates', remarkCheckDates],
    ['doc-number', remarkCheckDocNumber],
    ['images', remarkCheckImages],
    // Always runs: it also puts the count on `file.data.wordCount` for the deed's page.
    ['word-count', [remarkCheckWordLimit, { defaultLimit: config.wordLimit }]],
  ];
}

export function checkPlugins(context: PipelineContext): PluggableList {
  const config = checkConfigFor(context);
  return bodyRules(context, config)
    .filter(([ruleId]) => isRuleOn(config, ruleId))
    .map(([, plugin]) => plugin);
}

const FRONTMATTER_RULES: ReadonlyArray<[string, FrontmatterCheck]> = [
  ['privacy', checkPrivacyFrontmatter],
  ['invisible-characters', checkInvisibleFrontmatter],
  ['placeholder', checkPlaceholderFrontmatter],
  ['dates', checkDatesFrontmatter],
  ['doc-number', checkDocNumberFrontmatter],
  ['images', checkImagesFrontmatter],
  ['quota-sum', checkQuotaSumFrontmatter],
  ['roll-count', checkRollCountFrontmatter],
];

/** Run the frontmatter rules on one file. */
export function checkFrontmatter(input: FrontmatterInput, context: PipelineContext): void {
  const config = checkConfigFor(context);
  for (const [ruleId, check] of FRONTMATTER_RULES) {
    if (isRuleOn(config, ruleId)) check(input);
  }
}

/** Apply the configured severities to every message of a file. */
export function finishChecks(file: VFile, context: PipelineContext): void {
  applyRuleConfig(file, checkConfigFor(context));
}
