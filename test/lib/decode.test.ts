import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeFile, DecodeError, tryDecodeFile } from '../../src/lib/decode.ts';
import { describeSeeds, readSeed, SEED_FILES } from '../helpers/seeds.ts';

const SIMPLIFIED =
  '关于开展2022年度全区卫生健康系统先进单位和先进个人评选活动的通知\n各直属医疗卫生单位：现将有关事项通知如下。';
const TRADITIONAL = '衛生健康委員會召開表彰大會，我院黨支部榮獲先進基層黨組織稱號。\n';

const bytes = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));

describe('decodeFile', () => {
  test.each([
    ['UTF-8', () => bytes(SIMPLIFIED, 'utf8'), SIMPLIFIED, false],
    [
      'UTF-8 with BOM',
      () => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(SIMPLIFIED, 'utf8')]),
      '\uFEFF' + SIMPLIFIED,
      true,
    ],
    [
      'UTF-16LE with BOM',
      () => new Uint8Array([0xff, 0xfe, ...bytes(SIMPLIFIED, 'utf16le')]),
      '\uFEFF' + SIMPLIFIED,
      true,
    ],
    [
      'UTF-16BE with BOM',
      () => new Uint8Array([0xfe, 0xff, ...bytes(SIMPLIFIED, 'utf16be')]),
      '\uFEFF' + SIMPLIFIED,
      true,
    ],
    ['UTF-16LE without BOM', () => bytes(SIMPLIFIED, 'utf16le'), SIMPLIFIED, false],
    ['UTF-16BE without BOM', () => bytes(SIMPLIFIED, 'utf16be'), SIMPLIFIED, false],
    ['GB18030', () => bytes(SIMPLIFIED, 'gb18030'), SIMPLIFIED, false],
    ['GBK', () => bytes(SIMPLIFIED, 'gbk'), SIMPLIFIED, false],
    ['Big5', () => bytes(TRADITIONAL, 'big5'), TRADITIONAL, false],
  ])('%s', (name, make, text, bom) => {
    const decoded = decodeFile(make(), 'x.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.bom).toBe(bom);
    const family = name.replace(/ .*/, '') === 'GBK' ? 'GB18030' : name.replace(/ .*/, '');
    expect(decoded.encoding).toBe(family);
  });

  test('pure Chinese UTF-16 without BOM or ASCII', () => {
    const text = '卫生健康委员会召开表彰大会我院党支部荣获先进基层党组织称号';
    expect(decodeFile(bytes(text, 'utf16le'), 'x.txt')).toMatchObject({ text, encoding: 'UTF-16LE' });
    expect(decodeFile(bytes(text, 'utf16be'), 'x.txt')).toMatchObject({ text, encoding: 'UTF-16BE' });
  });

  test('an empty file is empty UTF-8 text', () => {
    expect(decodeFile(new Uint8Array(), 'x.txt')).toEqual({ text: '', encoding: 'UTF-8', bom: false });
  });

  test.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'PNG'],
    ['docx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], 'Word'],
    ['NUL-heavy', [0x41, 0, 0, 0, 0x42, 0, 0, 0, 0x43, 0, 0, 0, 0, 0x44, 0, 0], '二进制'],
  ])('refuses %s with a message naming the file', (_name, raw, words) => {
    const result = tryDecodeFile(new Uint8Array(raw), 'content/附件.txt');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(DecodeError);
    expect(result.error.message).toContain('content/附件.txt');
    expect(result.error.message).toContain(words);
    expect(result.error.message).not.toContain('\n');
  });

  test('refuses random bytes', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 200, maxLength: 400 }), (raw) => {
        const result = tryDecodeFile(raw, 'x.bin');
        if (!result.ok) refused++;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(refused).toBeGreaterThan(190);
  });

  test('never throws anything but DecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        const result = tryDecodeFile(raw, 'x');
        if (result.ok) expect(typeof result.text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});

describeSeeds('decodeFile on the seeds', () => {
  test.each(SEED_FILES)('%s in GB18030 and UTF-16 decodes back to the same text', (name) => {
    const text = readSeed(name);
    expect(decodeFile(bytes(text, 'gb18030'), name)).toMatchObject({ text, encoding: 'GB18030' });
    expect(decodeFile(bytes(text, 'utf16le'), name)).toMatchObject({ text, encoding: 'UTF-16LE' });
    expect(decodeFile(bytes(text, 'utf8'), name)).toMatchObject({ text, encoding: 'UTF-8' });
  });

  test('the traditional seed in Big5', () => {
    // Big5 cannot write every character of the seed; drop the ones it cannot.
    const text = readSeed('deed-unit-traditional-template-site.txt');
    const encodable = [...text].filter((c) => iconv.decode(iconv.encode(c, 'big5'), 'big5') === c).join('');
    expect(decodeFile(bytes(encodable, 'big5'), 'deed.txt')).toMatchObject({ text: encodable, encoding: 'Big5' });
  });
});
