/**
 * Masked or template text that must not be published (rule `placeholder`): what template sites
 * put in place of names and years, and what `deeds new` leaves for the editor to fill in.
 */
import type { TextPattern } from '../../patterns.ts';

export const PLACEHOLDER_PATTERNS: readonly TextPattern[] = Object.freeze([
  {
    id: 'masked-asterisks',
    pattern: /\*{2,}/g,
    example: '**市卫生局',
    label: '星号打码',
  },
  {
    id: 'masked-x',
    // xx / XX / ×× standing alone (not inside an English word or a URL): 20xx年, XX省, xx地震
    pattern: /(?<![A-Za-z./:@_-])(?:[xX]{2,4}|×{2,4})(?![A-Za-z./:@_-])/g,
    example: 'XX省文明城市',
    label: '用 XX 代替的名称或数字',
  },
  {
    id: 'masked-underscores',
    pattern: /_{2,}/g,
    example: '20__年',
    label: '待填写的下划线',
  },
  {
    id: 'masked-circles',
    // ○ (U+25CB), □ and △ as masks; 〇 (U+3007) is the numeral zero of 二〇二三 and is not matched.
    pattern: /[○□△◯]{2,}/g,
    example: '○○医院',
    label: '用 ○○ 代替的名称',
  },
  {
    id: 'fill-in-note',
    pattern: /[（(]\s{0,2}(?:此处|请在此|请)?(?:填写|填入|输入)[^（）()\n]{0,40}[）)]/g,
    example: '（此处填写单位名称）',
    label: '模板中的填写说明',
  },
  {
    id: 'bracketed-field',
    pattern: /[[【［〔](?:姓名|名字|单位|单位名称|职务|职称|日期|时间|地点|标题|科室|医院名称)[\]】］〕]/g,
    example: '[姓名]同志',
    label: '模板中的字段名',
  },
  {
    id: 'to-be-filled',
    pattern: /待填写|待补充|此处填写|此处输入/g,
    example: 'issuer: 待填写',
    label: '“待填写”一类的模板文字',
  },
  {
    id: 'scaffold-body',
    // The body text `deeds new` writes, e.g. （事迹正文：写清做了什么…）
    pattern: /[（(](?:事迹正文|正文|名单说明)[：:，,]/g,
    example: '（事迹正文：写清做了什么、效果如何，用事实和数字说话。）',
    label: '新建模板的说明文字',
  },
]);

/**
 * Two masks on one line (`在**市的20**年`) pair up as Markdown bold. Bold text that starts with one of
 * these characters — what a masked place name leaves behind — or that ends in a bare year prefix before
 * 年, is reported as a mask, not taken for emphasis.
 */
export const MASK_AS_EMPHASIS = Object.freeze({
  /** A masked name's suffix at the start of the bold text: `**市卫生局…`. */
  leadingSuffix: /^[市省县区州盟旗镇乡村局院厅委]/u,
  /** A masked year: bold text ending in 19/20 right before 年 (`…20**年`). */
  trailingYear: /(?<!\d)(?:19|20)$/u,
  example: '他在**市的20**年里',
});
