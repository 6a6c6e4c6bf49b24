/**
 * The rules, with their default severity. Editors may change a rule's severity in
 * `content/checks.yaml` (`rules: { spun-text: error, residue: off }`), the way remark-lint is configured.
 */
export type RuleSeverity = 'off' | 'warning' | 'error';

export interface RuleInfo {
  /** The rule id as printed in diagnostics. */
  id: string;
  /** What the rule looks for, for the editors' guide. */
  description: string;
  /**
   * `default`: the rule decides per message (privacy is an error in a deed, a warning for an
   * office's contact line); otherwise the severity every message of the rule gets.
   */
  severity: RuleSeverity | 'default';
  /** Whether the rule may be switched off. Safety and privacy may not. */
  required?: boolean;
}

export const RULES: readonly RuleInfo[] = Object.freeze([
  { id: 'word-limit', description: '事迹材料字数不超过限制（按 Word 的字数统计）', severity: 'default' },
  { id: 'placeholder', description: '不得有打码或模板文字（**市、20**年、XX省、待填写）', severity: 'default' },
  { id: 'spun-text', description: '文库网站“伪原创”替换的词（效劳→服务、细那么→细则）和残缺年份', severity: 'default' },
  {
    id: 'privacy',
    description: '不得发布个人信息（身份证号、手机号、性别年龄等表格字段）',
    severity: 'default',
    required: true,
  },
  {
    id: 'invisible-characters',
    description: '字段（姓名、标题、单位等）里不得有看不见的字符（零宽字符、改变文字方向的控制符）',
    severity: 'default',
    required: true,
  },
  {
    id: 'mdx-safety',
    description: '正文是文档不是代码：不得有 import、表达式、脚本、事件属性、危险链接',
    severity: 'default',
    required: true,
  },
  { id: 'quota-sum', description: '名额分配表各行之和等于合计，分配到单位的名额之和等于该行', severity: 'default' },
  { id: 'roll-count', description: '名单写明的人数与列出的人数一致', severity: 'default' },
  { id: 'references', description: '引用的公告、名单存在；名单中有事迹的人能链接到事迹', severity: 'default' },
  { id: 'unknown-unit', description: '单位在 content/units.yaml 中登记', severity: 'default' },
  { id: 'duplicates', description: '同一名单中同一人不重复；同一人同一年不重复写事迹', severity: 'default' },
  { id: 'year-mismatch', description: '事迹的年度（year）与其表彰名单的年度一致', severity: 'default' },
  {
    id: 'unattached-deed',
    description: '事迹至少有荣誉（honours）、表彰名单（roll）或评选通知（announcement）之一',
    severity: 'default',
  },
  { id: 'dates', description: '日期存在（没有 2 月 30 日），截止日期不早于发文日期', severity: 'default' },
  {
    id: 'doc-number',
    description: '发文字号和成文日期符合 GB/T 9704（〔〕括年份，序号无前导零、不加“第”）',
    severity: 'default',
  },
  { id: 'images', description: '图片有替代文字和图片说明，图片文件存在，不引用外站图片', severity: 'default' },
  { id: 'residue', description: '规范化后不应残留繁体字、拼音注音或乱码', severity: 'default' },
]);

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

/** Settings that are not per rule. */
export const CHECK_DEFAULTS = Object.freeze({
  /** 字数 limit of a deed when neither its frontmatter nor its announcement gives one. */
  wordLimit: 1000,
});
