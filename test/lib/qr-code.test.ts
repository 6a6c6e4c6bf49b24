import { describe, expect, test } from 'vitest';
import { qrMatrix, qrSvg } from '../../src/lib/qr-code.ts';
import { svgModules } from '../helpers/qr.ts';

describe('qrSvg', () => {
  const url = 'https://wjw.example.gov.cn/honours/announcements/2024/shi-2024-pingxuan-tongzhi/';

  test('draws exactly the modules of the code, quiet zone included', () => {
    const svg = qrSvg(url, { label: '二维码' });
    const modules = qrMatrix(url);
    expect(svgModules(svg)).toEqual(modules);
    // A quiet zone of four light modules on every side.
    expect(modules.slice(0, 4).flat().some(Boolean)).toBe(false);
    expect(
      modules
        .map((row) => row.slice(0, 4))
        .flat()
        .some(Boolean),
    ).toBe(false);
  });

  test('is small, and names itself', () => {
    const svg = qrSvg(url, { label: '本页网址的"二维码"' });
    expect(svg.length).toBeLessThan(3000);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="本页网址的&#34;二维码&#34;"');
  });

  test('another address, another code', () => {
    expect(qrMatrix(`${url}x`)).not.toEqual(qrMatrix(url));
  });
});
