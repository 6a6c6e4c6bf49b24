/**
 * The editors' guide to the checks, written from the rule definitions (`src/pipeline/check/rules/`):
 * the README's rule table and `docs/rules.md`, each example with the message it really gives.
 * `npm run docs` writes both; `test/tools/docs.test.ts` fails when either is out of date.
 */
import { stringify } from 'yaml';
import type { Rule, RuleExample } from '../../src/pipeline/check/define-rule.ts';
import { RULES } from '../../src/pipeline/check/rules/index.ts';
import { runExample } from './rule-examples.ts';

const cell = (text: string) => text.replace(/([|*_])/g, '\\$1').replace(/\n/g, ' ');

/** The README's table: one row a rule. */
export function ruleTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map(
    (rule) => `| [\`${rule.id}\`](docs/rules.md#${rule.id}) | ${cell(rule.description)} | ${cell(rule.fix)} |`,
  );
  return ['| 规则 | 检查什么 | 怎么改 |', '| --- | --- | --- |', ...rows].join('\n');
}

const COLLECTION_NAMES = { deeds: '事迹', announcements: '公告', rolls: '名单' } as const;

function exampleSource(example: RuleExample): string {
  const parts: string[] = [];
  if (example.frontmatter) parts.push(`---\n${stringify(example.frontmatter, { lineWidth: 0 })}---`);
  if (example.body) parts.push(example.body.trimEnd());
  for (const [path, data] of Object.entries(example.others ?? {})) {
    parts.push(`# content/${path}\n---\n${stringify(data, { lineWidth: 0 })}---`);
  }
  if (example.units) parts.push(`# content/units.yaml\n${stringify(example.units, { lineWidth: 0 }).trimEnd()}`);
  return parts.join('\n\n') || '（只有必填字段的条目）';
}

function ruleSection(rule: Rule): string {
  const severity =
    rule.severity === 'default' ? '由规则按情况定（见下例）' : rule.severity === 'error' ? 'error' : rule.severity;
  const lines = [
    `## \`${rule.id}\``,
    '',
    rule.description,
    '',
    `- 怎么改：${rule.fix}`,
    `- 默认级别：${severity}${rule.required ? '；关系到安全和隐私，不能关闭' : '；可在 `content/checks.yaml` 中改级别或关闭'}`,
    '',
  ];
  for (const example of rule.examples) {
    const collection = COLLECTION_NAMES[example.collection ?? 'deeds'];
    const messages = runExample(example).messages.filter((message) => message.ruleId === rule.id);
    const fence = exampleSource(example).includes('```') ? '~~~' : '```';
    lines.push(`${collection}：`, '', `${fence}mdx`, exampleSource(example), fence, '');
    if (messages.length === 0) lines.push('→ 没有提示。', '');
    else {
      for (const message of messages.slice(0, 2)) {
        lines.push(`→ ${message.fatal ? 'error' : 'warning'}：${message.reason}`, '');
      }
    }
  }
  return lines.join('\n');
}

/** `docs/rules.md`. */
export function ruleGuide(rules: readonly Rule[] = RULES): string {
  return [
    '# 检查规则',
    '',
    '<!-- 本文件由 `npm run docs` 根据 src/pipeline/check/rules/ 中的规则定义生成，请勿手改。 -->',
    '',
    '`npm run deeds -- check` 和网站构建都按这些规则检查内容。每条提示一行：`文件:行:列  error|warning  说明  规则名`；',
    'error 必须改，否则网站构建会停止；warning 请核对。下面每个例子都是真实运行的结果。',
    '',
    ...rules.map(ruleSection),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

export const TABLE_START = '<!-- rules:start (npm run docs) -->';
export const TABLE_END = '<!-- rules:end -->';

/** The README with its rule table replaced by the current one. */
export function withRuleTable(readme: string, table = ruleTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README.md: markers ${TABLE_START} … ${TABLE_END} not found`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
