/**
 * The same facts from every format: corpus notices turned into .doc, .docx and .pdf by LibreOffice,
 * and corpus rolls into .xlsx, read back and extracted, give what the .txt gives. The twins are made
 * at test time when LibreOffice (`soffice`) is installed, and cached under test-output/format-twins/
 * by the sha256 of their source; without LibreOffice the test is skipped (the committed samples in
 * test/fixtures/import-formats/ cover each reader without it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSource } from '../../../src/pipeline/import/read-source.ts';
import { extractSource } from '../../../src/pipeline/import/extract-source.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';
import { tempDir } from '../../helpers/temp.ts';
import { inCI } from '../../helpers/ci.ts';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const CORPUS = join(PROJECT_ROOT, 'test/corpus/docs');
const CACHE = join(PROJECT_ROOT, 'test-output/format-twins');

/** Notices with a 发文字号, dates, deadlines, word limits or quotas to compare; small, so the twins are quick. */
const NOTICES = [
  '01_announcement_baotou_yingji_2011.txt',
  '02_announcement_neimenggu_chuangxian_2013.txt',
  '09_announcement_hospital_xianjin_quotas.txt',
  '10_announcement_cuiping_zuimei_hushi_2017.txt',
  '101_announcement_liaoning_huli_jiechu_2022.txt',
  '102_announcement_taiyuan_fushanbei_zhongyi_2007.txt',
  '105_announcement_hebei_jiankang_tianshi_2013.txt',
  '110_announcement_xinyang_wenming_jiankang_gongshi_2023.txt',
];
/** Rolls the extractor reads with categories (some awardees without a unit). */
const ROLLS = [
  '123_roll_shanghai_zuoying_huli_pinyin_mixed_2012.txt',
  '133_roll_zhanjiang_huli_xianjin_2018.txt',
  '306_roll_longwan_zuimei_yisheng_hushi_2019.txt',
  '209_roll_shuozhou_youzhi_huli_fuwu.txt',
];

/** Convert `sources` with LibreOffice to `format`, cached by content; returns the twins' paths. */
function twins(sources: { name: string; bytes: Buffer; filter?: string }[], format: string, ext: string): string[] {
  const work = tempDir('deeds-twins-');
  const out: string[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    const key = createHash('sha256').update(source.bytes).update(format).digest('hex').slice(0, 16);
    const cached = join(CACHE, `${key}.${ext}`);
    out.push(cached);
    if (existsSync(cached)) continue;
    const input = join(work, `${key}.${source.name.split('.').pop()}`);
    writeFileSync(input, source.bytes);
    missing.push(input);
  }
  if (missing.length > 0) {
    mkdirSync(CACHE, { recursive: true });
    const filter = sources[0]!.filter;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        ...(filter ? [`--infilter=${filter}`] : []),
        '--convert-to',
        format,
        '--outdir',
        work,
        ...missing,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    for (const input of missing) {
      const made = input.replace(/\.[^.]+$/u, `.${ext}`);
      copyFileSync(made, join(CACHE, made.split('/').pop()!));
    }
  }
  return out;
}

async function factsOf(path: string, bytes: Buffer) {
  const { result } = extractSource(await readSource(path, bytes), { path });
  return result;
}

describe.skipIf(!hasSoffice && !inCI)('the same facts from every format (LibreOffice twins of the corpus)', () => {
  const notices = NOTICES.map((name) => ({
    name,
    bytes: readFileSync(join(CORPUS, name)),
    filter: 'Text (encoded):UTF8,LF,,,',
  }));

  test.each([
    ['doc', 'doc:MS Word 97', 'doc'],
    ['docx', 'docx:MS Word 2007 XML', 'docx'],
    ['pdf', 'pdf:writer_pdf_Export', 'pdf'],
  ])(
    'notices as .%s',
    async (_, format, ext) => {
      const paths = twins(notices, format, ext);
      for (const [i, notice] of notices.entries()) {
        const text = await factsOf(notice.name, notice.bytes);
        const twin = await factsOf(paths[i]!, readFileSync(paths[i]!));
        const facts = (r: typeof text) => ({
          kind: r.kind,
          title: r.title,
          docNumber: r.docNumber,
          issuer: r.issuer,
          date: r.date,
          deadline: r.deadline,
          wordLimits: r.wordLimits,
          quotas: r.quotas,
        });
        expect(facts(twin), `${notice.name} as .${ext}`).toEqual(facts(text));
      }
    },
    120_000,
  );

  test('rolls as .xlsx: every awardee with unit and category, nothing else', async () => {
    // The roll as a spreadsheet an office would make of it: title, header, a row each, signature and date.
    const rolls = await Promise.all(
      ROLLS.map(async (name) => {
        const bytes = readFileSync(join(CORPUS, name));
        const result = await factsOf(name, bytes);
        const cell = (text: string | null) => `"${(text ?? '').replace(/"/gu, '""')}"`;
        const csv = [
          cell(result.title ?? '获奖名单'), // a spreadsheet has its title row even where the text has none
          '序号,姓名,工作单位,奖项',
          ...result.awardees.map((a, i) => [i + 1, cell(a.name), cell(a.unit), cell(a.category)].join(',')),
          `,,,${cell(result.issuer)}`,
          `,,,${cell(result.date)}`,
        ].join('\n');
        return { name, result, bytes: Buffer.from(csv), filter: 'Text - txt - csv (StarCalc):44,34,76,1' };
      }),
    );
    const paths = twins(rolls, 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
    for (const [i, roll] of rolls.entries()) {
      expect(roll.result.awardees.length, roll.name).toBeGreaterThan(4);
      const twin = await factsOf(paths[i]!, readFileSync(paths[i]!));
      expect(twin.awardees, `${roll.name} as .xlsx`).toEqual(roll.result.awardees);
    }
  }, 120_000);
});
