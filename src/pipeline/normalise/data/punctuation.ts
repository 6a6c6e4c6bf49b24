/**
 * Punctuation in Chinese text (GB/T 15834-2011): which half-width marks have full-width forms, and the
 * brackets of document numbers (GB/T 9704-2012 §7.2.4: 武卫字〔2023〕4号).
 */

/** Half-width marks written full-width in Chinese context, and their full-width forms. */
export const FULL_WIDTH: Readonly<Record<string, string>> = Object.freeze({
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
});

/** Examples for the table test: input, output. */
export const PUNCTUATION_EXAMPLES: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ['近年来,我们', '近年来，我们'],
  ['要求:认真', '要求：认真'],
  ['是否完成?', '是否完成？'],
  ['县(市、区)卫健委', '县（市、区）卫健委'],
  ['共1,000人', '共1,000人'],
  ['上午9:30开会', '上午9:30开会'],
  ['见 https://example.com/a?b=1,2 网站', '见 https://example.com/a?b=1,2 网站'],
  ['Hello, world', 'Hello, world'],
  ['说Hello, world! 然后', '说Hello, world! 然后'],
  ['加入WHO,中国', '加入WHO，中国'],
  ['他说"你好"', '他说“你好”'],
  ['武卫字[2023]4号', '武卫字〔2023〕4号'],
  ['许卫函（2021）3号', '许卫函〔2021〕3号'],
  ['武卫字【2023】4号', '武卫字〔2023〕4号'],
  ['提升医疗服务 十大举措', '提升医疗服务十大举措'],
  ['李 静、王 芳', '李 静、王 芳'],
  ['(一) 活动开展阶段', '（一）活动开展阶段'],
]);

/** A document number's year in the wrong brackets, before the serial number and 号. */
export const DOC_NUMBER_YEAR = /[[(（【［〔]((?:19|20)\d{2})[\])）】］〕](?=[ \t]{0,2}\d{1,5}[ \t]{0,2}号)/y;
