/**
 * The readers of binary formats (.doc, .wps, .pdf, .xlsx, .xls) and of old saved pages (GBK .htm), on
 * the samples in test/fixtures/import-formats/ (made by tools/import-samples/make.sh with pandoc and
 * LibreOffice), and on hostile files made here: formulas, a huge sheet, a zip bomb, corrupt files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { readSource, readSourceBytes, SourceError } from '../../../src/pipeline/import/read-source.ts';
import { dropFurniture, type Line } from '../../../src/pipeline/import/read-pdf.ts';
import { MAX_SHEET_ROWS } from '../../../src/pipeline/import/read-sheet.ts';
import { extractSource } from '../../../src/pipeline/import/extract-source.ts';
import type { Source } from '../../../src/pipeline/import/read-source.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';
import { tempDir } from '../../helpers/temp.ts';
import { invisibleCharacters } from '../../../src/pipeline/check/privacy-fold.ts';

const SAMPLES = join(PROJECT_ROOT, 'test/fixtures/import-formats');
const sample = (name: string) => readFileSync(join(SAMPLES, name));
const read = (name: string) => readSource(join(SAMPLES, name), sample(name));
const facts = (source: Source | string, path: string) => {
  const read: Source = typeof source === 'string' ? { text: source, format: 'text', encoding: 'UTF-8' } : source;
  const { result } = extractSource(read, { path });
  return {
    kind: result.kind,
    title: result.title,
    docNumber: result.docNumber,
    issuer: result.issuer,
    date: result.date,
    deadline: result.deadline,
    quotas: result.quotas,
    wordLimits: result.wordLimits,
    awardees: result.awardees,
  };
};

/** The notice as pandoc's Markdown source, read as plain text: the facts every format must give. */
const noticeText = readFileSync(join(SAMPLES, 'sources/notice.md'), 'utf8').replace(/^\|---.*\n/mu, '');

describe('Word 97–2003 and WPS', () => {
  test.each(['notice.doc', 'notice.wps'])('%s gives the facts of the same notice as text', async (name) => {
    const source = await read(name);
    expect(source.format).toBe('doc');
    expect(source.text).toContain('关于开展2023年度全市卫生健康系统先进集体和先进个人评选活动的通知');
    // Table cells become tab-separated lines; Chinese quotes are kept as they are.
    expect(source.text).toContain('东区卫生健康局\t4\t12');
    expect(facts(source.text, name)).toEqual(facts(noticeText, 'notice.txt'));
  });

  test.each([
    ['an RTF file named .doc', 'x.doc', Buffer.from('{\\rtf1\\ansi 关于}'), /RTF 文件.*另存为 \.docx/u],
    [
      'an old WPS file',
      'x.wps',
      Buffer.from('WPS 97 format \u0000\u0001\u0002 binary'),
      /旧版 WPS.*用 WPS 打开后另存为 \.docx/u,
    ],
    ['a damaged .doc', 'x.doc', Buffer.concat([sample('notice.doc').subarray(0, 600)]), /x\.doc：无法读取 \.doc/u],
  ])('%s is refused in one line naming the file', async (_, path, bytes, message) => {
    const error = await readSource(path, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  test('a web page saved under a .doc name is read as the page it is', async () => {
    const source = await readSource('x.doc', Buffer.from('<html><body><p>关于表彰的决定</p></body></html>'));
    expect(source.format).toBe('html');
    expect(source.text).toBe('关于表彰的决定');
  });
});

describe('PDF', () => {
  test('a text PDF: lines rebuilt, running head and page numbers dropped, paragraphs joined across pages', async () => {
    const { text, format } = await read('decision.pdf');
    expect(format).toBe('pdf');
    // The running head printed on both pages is gone; the letterhead line is the title's start.
    expect(text).not.toMatch(/^示例市卫生健康委员会文件$/mu);
    expect(text).not.toMatch(/—\s*[0-9]+\s*—/u);
    // A centred title broken over two lines is one line again.
    expect(text.split('\n')[0]).toBe('示例市卫生健康委员会关于表彰2023年度全市卫生健康系统先进集体和先进个人的决定');
    // No spaces where the PDF switched fonts between Chinese and digits.
    expect(text).toContain('示卫发〔2024〕2号');
    // Every paragraph is one line, the one that runs over the page break too.
    const paragraphs = text.split('\n\n');
    expect(paragraphs.filter((p) => p.startsWith('希望受表彰的集体和个人珍惜荣誉'))).toHaveLength(1);
    expect(paragraphs.every((p) => !p.includes('\n'))).toBe(true);
    expect(facts(text, 'decision.pdf')).toMatchObject({
      docNumber: '示卫发〔2024〕2号',
      issuer: '示例市卫生健康委员会',
      date: '2024-01-05',
    });
  });

  test('the notice as PDF gives the facts of the notice as .doc and as text', async () => {
    const pdf = await read('notice.pdf');
    expect(pdf.text).toContain('东区卫生健康局\t4\t12\n西区卫生健康局\t3\t9');
    expect(facts(pdf, 'notice.pdf')).toEqual(facts(await read('notice.doc'), 'notice.doc'));
    expect(facts(pdf, 'notice.pdf')).toEqual(facts(noticeText, 'notice.txt'));
  });

  test('margins: page numbers and lines on most pages go; a date that happens to sit low on two pages stays', () => {
    const line = (text: string, y: number): Line => ({ text, left: 80, right: 500, y, size: 16 });
    const page = (n: number, ...low: string[]) => ({
      height: 842,
      lines: [
        line('示例市卫生健康委员会文件', 820),
        line(`正文第${n}页`, 400),
        ...low.map((t) => line(t, 40)),
        line(`— ${n} —`, 20),
      ],
    });
    const pages = [page(1, '2023年11月10日'), page(2), page(3, '2023年12月15日'), page(4)];
    expect(dropFurniture(pages).map((lines) => lines.map((l) => l.text))).toEqual([
      ['正文第1页', '2023年11月10日'],
      ['正文第2页'],
      ['正文第3页', '2023年12月15日'],
      ['正文第4页'],
    ]);
  });

  test('a scan is refused as a scan, in one line naming the file', async () => {
    const error = await read('scan.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).reason).toBe('scan');
    expect((error as Error).message).toMatch(/scan\.pdf：这是扫描件（PDF 1 页，没有文字层）/u);
    expect((error as Error).message).not.toContain('\n');
  });

  test('a scan of 20 MB is refused as a scan; a PDF over 64 MB as too large, before it is read', async () => {
    const dir = tempDir('deeds-big-pdf-');
    const padded = (megabytes: number) =>
      Buffer.concat([sample('scan.pdf'), Buffer.from(`\n%${' '.repeat(megabytes * 1024 * 1024)}\n`)]);
    const scan = join(dir, 'big-scan.pdf');
    writeFileSync(scan, padded(20));
    const error = await readSource(scan, readSourceBytes(scan)).catch((e: unknown) => e);
    expect((error as SourceError).reason).toBe('scan');
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, padded(65));
    expect(() => readSourceBytes(huge)).toThrow(/huge\.pdf：文件有 65\.2 MB，超过 64 MB 的上限/u);
  });

  test.each([
    ['not a PDF at all', Buffer.from('关于表彰的决定'), /不是有效的 PDF 文件/u],
    ['a PDF cut off after its header', sample('decision.pdf').subarray(0, 400), /无法读取 PDF|没有文字层/u],
  ])('%s is refused in one line naming the file', async (_, bytes, message) => {
    const error = await readSource('broken.pdf', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^broken\.pdf：/u);
    expect((error as Error).message).toMatch(message);
  });
});

describe('spreadsheets', () => {
  const ROLL = [
    { name: '李静', unit: '示例市第一人民医院', category: '先进个人' },
    { name: '王芳', unit: '示例市中医医院', category: '先进个人' },
    { name: '张伟', unit: '示例市疾病预防控制中心', category: '先进个人' },
    { name: '刘洋', unit: '东区社区卫生服务中心', category: '优秀护士' },
    { name: '陈敏', unit: '西区妇幼保健院', category: '优秀护士' },
    { name: '示例市急救中心', unit: null, category: '先进集体' },
    { name: '示例市第二人民医院感染科', unit: null, category: '先进集体' },
    { name: '东区卫生健康局', unit: null, category: '先进集体' },
  ];

  test.each(['roll.xlsx', 'roll.xls'])(
    '%s: every row an awardee with unit and category, nothing else',
    async (name) => {
      const source = await read(name);
      expect(source.format).toBe('sheet');
      const result = facts(source, name);
      expect(result.kind).toBe('roll');
      expect(result.awardees).toEqual(ROLL);
      expect(result).toMatchObject({
        title: '2023年度示例市卫生健康系统先进个人和优秀护士名单',
        issuer: '示例市卫生健康委员会',
        date: '2024-01-05',
      });
      // The 性别 column and the 制表人 line are not read; the formula in 序号 gives its value only.
      expect(source.text).not.toMatch(/[男女]|制表人|赵某|of:=|\[\.A/u);
    },
  );

  function workbook(rows: unknown[][], name = '名单'): Buffer {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  }

  test('invisible characters pasted into cells do not reach the awardees (李\\u200b静 is 李静)', async () => {
    const bytes = workbook([
      ['序号', '姓名', '工作单位', '奖项'],
      [1, '李\u200b静', '示例市第一\u2060人民医院', '先进\u202e个人'],
      [2, '\ufeff王芳', '示例市疾病预防控制中心', '先进个人'],
    ]);
    const source = await readSource('invisible.xlsx', bytes);
    expect(source.awardees?.map((a) => [a.name, a.unit, a.category])).toEqual([
      ['李静', '示例市第一人民医院', '先进个人'],
      ['王芳', '示例市疾病预防控制中心', '先进个人'],
    ]);
    expect(invisibleCharacters(source.text)).toEqual([]);
  });

  test('formula cells give the value the file holds; nothing is evaluated', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['序号', '姓名', '工作单位', '奖项'],
      [1, '李静', '示例市第一人民医院', '先进个人'],
    ]);
    sheet['A3'] = { t: 'n', v: 2, f: 'A2+1' };
    sheet['B3'] = { t: 's', v: '王芳', f: 'HYPERLINK("http://evil.example/","王芳")' };
    sheet['C3'] = { t: 's', v: "=cmd|' /C calc'!A0" };
    sheet['D3'] = { t: 's', v: '先进个人' };
    sheet['!ref'] = 'A1:D3';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '名单');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const { text } = await readSource('formula.xlsx', bytes);
    expect(text).toContain('| 王芳 |');
    expect(text).not.toContain('HYPERLINK');
    expect(text).not.toContain('evil.example');
    // A text cell that looks like a formula stays text (the entry escapes it like any other text).
    expect(text).toContain("=cmd\\|' /C calc'!A0");
  });

  test('a huge sheet is refused quickly, without reading past the limit', async () => {
    const rows: unknown[][] = [['序号', '姓名', '工作单位']];
    for (let i = 1; i <= MAX_SHEET_ROWS * 4; i++) rows.push([i, `李${i}`, '示例市第一人民医院']);
    const bytes = workbook(rows);
    const started = performance.now();
    const error = await readSource('huge.xlsx', bytes).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/huge\.xlsx：工作表“名单”超过 5000 行/u);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('a zip bomb .xlsx is refused before SheetJS sees it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const error = await readSource('bomb.xlsx', bytes).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/bomb\.xlsx：\.xlsx 解压后超过 24 MB（可能是“zip 炸弹”）/u);
  });

  test.each([
    ['text under an .xlsx name', Buffer.from('姓名,单位\n李静,示例医院'), /不是有效的 Excel 文件/u],
    ['a cut-off .xlsx', sample('roll.xlsx').subarray(0, 2000), /已损坏|无法读取表格/u],
  ])('%s is refused in one line naming the file', async (_, bytes, message) => {
    const error = await readSource('broken.xlsx', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^broken\.xlsx：/u);
    expect((error as Error).message).toMatch(message);
  });

  test('categories are read from their column, whatever words they use; a ward in the name column has no unit', async () => {
    const bytes = workbook([
      ['优质护理服务表彰名单'],
      ['序号', '姓名', '单位', '奖项'],
      [1, '李玉兰', '朔州市人民医院心肾科', '优质护理服务标兵'],
      [2, '平鲁区人民医院妇产科', '', '优质护理服务先进病区'],
      [3, '孟桂兰', '朔州市人民医院手术科', '优质护理服务标兵'],
      ['', '', '', '朔州市卫生局'],
    ]);
    const source = await readSource('mixed.xlsx', bytes);
    expect(facts(source, 'mixed.xlsx').awardees).toEqual([
      { name: '李玉兰', unit: '朔州市人民医院心肾科', category: '优质护理服务标兵' },
      { name: '平鲁区人民医院妇产科', unit: null, category: '优质护理服务先进病区' },
      { name: '孟桂兰', unit: '朔州市人民医院手术科', category: '优质护理服务标兵' },
    ]);
  });

  test('a damaged .xlsx is refused before SheetJS, whose inflater never returns on it', async () => {
    // One byte changed in the compressed _rels/.rels of the sample: found by fuzzing, SheetJS 0.20.3 hangs on it.
    const bytes = Buffer.from(sample('roll.xlsx'));
    bytes[76] = 84;
    const started = performance.now();
    const error = await readSource('damaged.xlsx', bytes).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^damaged\.xlsx：\.xlsx 文件已损坏（压缩数据校验不符）/u);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a quota table (no name column) stays a table', async () => {
    const bytes = workbook([['2023年度名额分配表'], ['单位', '先进集体', '先进个人'], ['东区卫生健康局', 4, 12]]);
    const { text } = await readSource('quota.xlsx', bytes);
    expect(text).toBe(
      '2023年度名额分配表\n\n| 单位 | 先进集体 | 先进个人 |\n| --- | --- | --- |\n| 东区卫生健康局 | 4 | 12 |',
    );
  });
});

describe('saved web pages', () => {
  test('a GB2312 page is read in the charset its meta declares, without its furniture', async () => {
    const source = await read('gbk-page.htm');
    expect(source).toMatchObject({ format: 'html', encoding: 'GB18030' });
    expect(source.text.split('\n')[0]).toBe('关于2023年度全市卫生健康系统先进集体和先进个人拟表彰对象的公示');
    expect(source.text).not.toMatch(/首页|政务公开|请输入关键字|搜索|版权所有|备案号|访问量|_hmt/u);
    expect(source.text).toContain('公示时间：2023年12月20日至2023年12月26日。');
  });
});
