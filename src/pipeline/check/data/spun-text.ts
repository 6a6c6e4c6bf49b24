/**
 * Artefacts of synonym-spinning tools on document-sharing sites (rule `spun-text`): the spun
 * word and the word it most likely replaced. Each pair is a warning, not an error, because some
 * spun words are real words too (稳固, 创立): the editor decides.
 */
import type { TextPattern } from '../../patterns.ts';

export interface SpunPair {
  /** A stable id: `xiaolao-fuwu`. */
  id: string;
  /** The spun text as it appears: `效劳`. */
  spun: string;
  /** The likely original: `服务`. */
  original: string;
  /** A sentence where the pair was seen. */
  example: string;
}

export const SPUN_PAIRS: readonly SpunPair[] = Object.freeze([
  { id: 'kexue-kaizhanguan', spun: '科学开展观', original: '科学发展观', example: '牢固树立科学开展观' },
  { id: 'xiaolao-fuwu', spun: '效劳', original: '服务', example: '提高效劳质量和效劳水平' },
  { id: 'chuangli-chuangjian', spun: '创立', original: '创建', example: '创立省级文明城市' },
  { id: 'gendi-jichu', spun: '根底', original: '基础', example: '夯实工作根底' },
  { id: 'xinamo-xize', spun: '细那么', original: '细则', example: '考核测评细那么' },
  { id: 'yuannamo-yuanze', spun: '原那么', original: '原则', example: '坚持自愿原那么' },
  { id: 'guinamo-guize', spun: '规那么', original: '规则', example: '工作规那么' },
  { id: 'founamo-fouze', spun: '否那么', original: '否则', example: '否那么取消资格' },
  { id: 'zhunnamo-zhunze', spun: '准那么', original: '准则', example: '行为准那么' },
  { id: 'wengu-gonggu', spun: '稳固', original: '巩固', example: '稳固提高创建成果' },
  { id: 'kaizhan-xietiao', spun: '协调开展', original: '协调发展', example: '全面推进卫生事业健康协调开展' },
  { id: 'kechixu-kaizhan', spun: '可持续开展', original: '可持续发展', example: '实现可持续开展' },
]);

/** Years broken by the spinning tools' page chunking: 202223年 for 2023年. */
export const BROKEN_YEAR: TextPattern = Object.freeze({
  id: 'broken-year',
  pattern: /(?<!\d)((?:19|20)\d{2})(\d{1,3})(?=年)/g,
  example: '要在202223年年底前后建成',
  label: '残缺的年份',
});
