/**
 * Severity per rule, remark-lint style: `off`, `warning` or `error`, set in `content/checks.yaml`:
 *
 *   wordLimit: 1000        # 字数 limit when neither a deed nor its announcement gives one
 *   rules:
 *     spun-text: error     # make a rule stricter
 *     residue: off         # or switch it off
 *
 * A rule not named keeps its own severities (privacy is an error in a deed, a warning for an
 * office's contact line). `privacy` and `mdx-safety` cannot be switched off.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { parse } from 'yaml';
import { CHECK_DEFAULTS } from './data/rules.ts';
import type { RuleSeverity } from './define-rule.ts';
import { RULES, RULE_IDS } from './rules/index.ts';

export interface CheckConfig {
  /** Severity overrides by rule id. */
  rules: Readonly<Record<string, RuleSeverity>>;
  /** The site's default 字数 limit. */
  wordLimit: number;
}

export const DEFAULT_CHECK_CONFIG: CheckConfig = Object.freeze({
  rules: Object.freeze({}),
  wordLimit: CHECK_DEFAULTS.wordLimit,
});

const SEVERITIES = new Set<RuleSeverity>(['off', 'warning', 'error']);
const REQUIRED = new Set(RULES.filter((rule) => rule.required).map((rule) => rule.id));

/** Parse and validate a `checks.yaml`; throws with a hint on a mistake (configuration is not content). */
export function parseCheckConfig(text: string, path = 'content/checks.yaml'): CheckConfig {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw new Error(
      `${path}：YAML 格式有误（${(error as Error).message.split('\n')[0]}）；请按“rules: { 规则名: off|warning|error }”填写`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${path}：应是“字段: 值”的形式，如 rules: { spun-text: error }`);
  }
  const { rules = {}, wordLimit = CHECK_DEFAULTS.wordLimit, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0) throw new Error(`${path}：未知字段 ${extra.join('、')}；可用的字段是 rules 和 wordLimit`);
  if (typeof wordLimit !== 'number' || !Number.isInteger(wordLimit) || wordLimit <= 0) {
    throw new Error(`${path}：wordLimit 应为正整数，如 1000`);
  }
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    throw new Error(`${path}：rules 应是“规则名: off|warning|error”的列表`);
  }
  const out: Record<string, RuleSeverity> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (!RULE_IDS.has(id)) throw new Error(`${path}：没有规则 ${id}；可用的规则：${[...RULE_IDS].join('、')}`);
    const severity = value === false ? 'off' : value;
    if (!SEVERITIES.has(severity as RuleSeverity)) {
      throw new Error(`${path}：规则 ${id} 的级别“${String(value)}”无效；只能是 off、warning 或 error`);
    }
    if (severity === 'off' && REQUIRED.has(id)) throw new Error(`${path}：规则 ${id} 关系到安全和隐私，不能关闭`);
    out[id] = severity as RuleSeverity;
  }
  return Object.freeze({ rules: Object.freeze(out), wordLimit });
}

const cache = new Map<string, { mtimeMs: number; config: CheckConfig }>();

/** The configuration of the project at `root` (default: the working directory); defaults when there is no file. */
export function loadCheckConfig(root: string = process.cwd()): CheckConfig {
  const path = join(root, 'content', 'checks.yaml');
  if (!existsSync(path)) return DEFAULT_CHECK_CONFIG;
  const mtimeMs = statSync(path).mtimeMs;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.config;
  const config = parseCheckConfig(readFileSync(path, 'utf8'), path);
  cache.set(path, { mtimeMs, config });
  return config;
}

/** Whether a rule runs at all. */
export function isRuleOn(config: CheckConfig, ruleId: string): boolean {
  return config.rules[ruleId] !== 'off';
}

/** Apply the configured severities to a file's messages: drop what is off, set the rest. */
export function applyRuleConfig(file: VFile, config: CheckConfig): void {
  if (Object.keys(config.rules).length === 0) return;
  file.messages = file.messages.filter((message) => {
    const severity = message.ruleId ? config.rules[message.ruleId] : undefined;
    if (severity === undefined) return true;
    if (severity === 'off') return false;
    message.fatal = severity === 'error';
    return true;
  });
}
