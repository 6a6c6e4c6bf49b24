/**
 * Every rule, in the order of the editors' guide. The configuration (`content/checks.yaml`), the rule
 * table and the guide (`npm run docs`) and the examples' fixtures read this list; adding a rule means
 * defining it in its module (`defineRule`) and naming it here.
 */
import type { Rule } from '../define-rule.ts';
import {
  duplicatesRule,
  referencesRule,
  unattachedDeedRule,
  unknownUnitRule,
  yearMismatchRule,
} from './cross-document.ts';
import { rule as dates } from './dates.ts';
import { rule as docNumber } from './doc-number.ts';
import { rule as images } from './images.ts';
import { rule as mdxSafety } from './mdx-safety.ts';
import { rule as placeholder } from './placeholder.ts';
import { invisibleCharactersRule, privacyRule } from './privacy.ts';
import { rule as quotaSum } from './quota-sum.ts';
import { rule as residue } from './residue.ts';
import { rule as rollCount } from './roll-count.ts';
import { rule as spunText } from './spun-text.ts';
import { rule as wordLimit } from './word-limit.ts';

export const RULES: readonly Rule[] = Object.freeze([
  wordLimit,
  placeholder,
  spunText,
  privacyRule,
  invisibleCharactersRule,
  mdxSafety,
  quotaSum,
  rollCount,
  referencesRule,
  unknownUnitRule,
  duplicatesRule,
  yearMismatchRule,
  unattachedDeedRule,
  dates,
  docNumber,
  images,
  residue,
]);

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));
