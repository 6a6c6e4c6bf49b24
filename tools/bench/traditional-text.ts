/**
 * A fixed traditional-script text of a given size for timing script conversion: the seed write-up
 * `deed-unit-traditional-template-site.txt` repeated when it is available (real prose, real noise),
 * otherwise the traditional deeds of a generated corpus. The same inputs give the same text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { prng } from './corpus.ts';

export const SEED_TEXT = 'deed-unit-traditional-template-site.txt';

/** Default size of the text: 7 MB (7,000,000 bytes of UTF-8). */
export const TEXT_BYTES = 7_000_000;

const FALLBACK_SENTENCES = [
  '近年來，全市衛生健康系統堅持以人民健康為中心，紮實推進基本公共衛生服務均等化。',
  '各級醫療機構認真落實分級診療制度，基層首診、雙向轉診的就醫格局逐步形成。',
  '疾病預防控制中心加強傳染病監測預警，及時處置突發公共衛生事件，保障了群眾生命安全。',
  '婦幼保健機構持續開展孕產婦和兒童健康管理，各項指標保持在較好水平。',
  '衛生監督所依法開展公共場所和醫療機構監督檢查，規範了醫療服務行為。',
  '廣大醫務人員發揚救死扶傷精神，在平凡的崗位上作出了不平凡的貢獻。',
];

/**
 * Text of at least `bytes` UTF-8 bytes (whole copies of the unit text), in traditional script.
 * `seedsDir` is `/work/shared/seeds` or wherever the seed documents are.
 */
export function traditionalText(bytes: number = TEXT_BYTES, seedsDir?: string): { text: string; source: string } {
  const seedFile = seedsDir ? join(seedsDir, SEED_TEXT) : undefined;
  let unit: string;
  let source: string;
  if (seedFile && existsSync(seedFile)) {
    unit = readFileSync(seedFile, 'utf8');
    source = seedFile;
  } else {
    // Deterministic prose: the fallback sentences in a seeded order, converted to be safe.
    const random = prng(7);
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) lines.push(FALLBACK_SENTENCES[Math.floor(random() * FALLBACK_SENTENCES.length)]!);
    unit = Converter({ from: 'cn', to: 't' })(lines.join('\n'));
    source = 'generated';
  }
  if (!unit.endsWith('\n')) unit += '\n';
  const unitBytes = Buffer.byteLength(unit);
  const copies = Math.max(1, Math.ceil(bytes / unitBytes));
  return { text: unit.repeat(copies), source };
}
