/**
 * The content checks, in order. Each rule is defined once in its own module under `rules/`
 * (`defineRule`: id, description, severity, examples) and reports through that definition, which
 * stamps its id and the source `deeds` on every vfile message (with a position and a Chinese message
 * saying what was found, what was expected and how to fix it).
 *
 * - `checkPlugins(context)`: the rules that read the body (the mdast of the normalised text);
 * - `checkFrontmatter(input, context)`: the rules that read frontmatter fields, with positions
 *   in the whole file;
 * - cross-file rules (references, duplicates, units, a deed's limit from its announcement) are
 *   in `cross-document.ts`.
 *
 * Severities come from `content/checks.yaml` (see `src/pipeline/check/rule-config.ts`) or, in tests and
 * tools, from `context.checks`.
 */
import type { Pluggable, PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { applyRuleConfig, isRuleOn, loadCheckConfig, type CheckConfig } from './rule-config.ts';
import type { Rule } from './define-rule.ts';
import type { FrontmatterCheck, FrontmatterInput } from './helpers.ts';
import { checkDatesFrontmatter, remarkCheckDates, rule as dates } from './rules/dates.ts';
import { checkDocNumberFrontmatter, remarkCheckDocNumber, rule as docNumber } from './rules/doc-number.ts';
import { checkImagesFrontmatter, remarkCheckImages, rule as images } from './rules/images.ts';
import { remarkCheckMdxSafety, rule as mdxSafety } from './rules/mdx-safety.ts';
import { checkPlaceholderFrontmatter, remarkCheckPlaceholder, rule as placeholder } from './rules/placeholder.ts';
import {
  checkInvisibleFrontmatter,
  checkPrivacyFrontmatter,
  invisibleCharactersRule,
  privacyRule,
  remarkCheckPrivacy,
} from './rules/privacy.ts';
import { checkQuotaSumFrontmatter, rule as quotaSum } from './rules/quota-sum.ts';
import { remarkCheckResidue, residueOptions, rule as residue } from './rules/residue.ts';
import { checkRollCountFrontmatter, rule as rollCount } from './rules/roll-count.ts';
import { remarkCheckSpunText, rule as spunText } from './rules/spun-text.ts';
import { remarkCheckWordLimit, rule as wordLimit } from './rules/word-limit.ts';
import type { PipelineContext } from '../types.ts';

export type { FrontmatterInput } from './helpers.ts';

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

/** The body rules, in order, each with its rule. */
function bodyRules(context: PipelineContext, config: CheckConfig): Array<[Rule, Pluggable]> {
  return [
    [mdxSafety, remarkCheckMdxSafety],
    [privacyRule, remarkCheckPrivacy],
    [placeholder, remarkCheckPlaceholder],
    [spunText, remarkCheckSpunText],
    [residue, [remarkCheckResidue, residueOptions(context)]],
    [dates, remarkCheckDates],
    [docNumber, remarkCheckDocNumber],
    [images, remarkCheckImages],
    [wordLimit, [remarkCheckWordLimit, { defaultLimit: config.wordLimit }]],
  ];
}

export function checkPlugins(context: PipelineContext): PluggableList {
  const config = checkConfigFor(context);
  return (
    bodyRules(context, config)
      // word-limit always runs: it also puts the count on `file.data.wordCount` for the deed's page
      // (its messages are dropped by `finishChecks` when it is off).
      .filter(([rule]) => rule === wordLimit || isRuleOn(config, rule.id))
      .map(([, plugin]) => plugin)
  );
}

const FRONTMATTER_RULES: ReadonlyArray<[Rule, FrontmatterCheck]> = [
  [privacyRule, checkPrivacyFrontmatter],
  [invisibleCharactersRule, checkInvisibleFrontmatter],
  [placeholder, checkPlaceholderFrontmatter],
  [dates, checkDatesFrontmatter],
  [docNumber, checkDocNumberFrontmatter],
  [images, checkImagesFrontmatter],
  [quotaSum, checkQuotaSumFrontmatter],
  [rollCount, checkRollCountFrontmatter],
];

/** Run the frontmatter rules on one file. */
export function checkFrontmatter(input: FrontmatterInput, context: PipelineContext): void {
  const config = checkConfigFor(context);
  for (const [rule, check] of FRONTMATTER_RULES) {
    if (isRuleOn(config, rule.id)) check(input);
  }
}

/** Apply the configured severities to every message of a file. */
export function finishChecks(file: VFile, context: PipelineContext): void {
  applyRuleConfig(file, checkConfigFor(context));
}
