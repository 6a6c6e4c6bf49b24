/** `content/site.yaml`: the demo's is valid; problems name the file, line and field, in Chinese. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistries } from '../../../src/model/registries.ts';
import { describe, expect, test } from 'vitest';
import { loadSite, parseSite, siteAddress } from '../../../src/model/site-config.ts';
import { withBase, absoluteUrl, sitePath } from '../../../src/lib/base-path.ts';
import { PROJECT_ROOT } from '../../helpers/seeds.ts';

const FILE = 'content/site.yaml';
const VALID = `name: 卫生健康先进事迹
publisher: 示例市卫生健康委员会
icp:
  number: 示ICP备00000000号
  url: https://beian.miit.gov.cn/
license:
  name: CC BY 4.0
`;

describe('content/site.yaml', () => {
  test('the demo’s file is valid and holds the demo notice', () => {
    const { site, problems } = loadSite(join(PROJECT_ROOT, 'content'));
    expect(problems).toEqual([]);
    expect(site?.name).toBe('卫生健康先进事迹');
    expect(site?.notice).toContain('均为示例');
    expect(site?.icp?.url).toBe('https://beian.miit.gov.cn/');
  });

  test('a missing site name is reported with the file and the field', () => {
    const { site, problems } = parseSite(VALID.replace('name: 卫生健康先进事迹\n', ''), FILE);
    expect(site).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(FILE);
    expect(problems[0]!.message).toMatch(/字段 name/);
    expect(problems[0]!.message).toContain('缺少站点名称');
  });

  test('an ICP link that is not the filing site is reported at its line', () => {
    const { problems } = parseSite(VALID.replace('https://beian.miit.gov.cn/', 'https://example.com/beian'), FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 5 });
    expect(problems[0]!.message).toMatch(/字段 icp\.url/);
    expect(problems[0]!.message).toContain('https://beian.miit.gov.cn/');
  });

  test('the ICP link defaults to the filing site', () => {
    const { site } = parseSite(VALID.replace('  url: https://beian.miit.gov.cn/\n', ''), FILE);
    expect(site?.icp?.url).toBe('https://beian.miit.gov.cn/');
  });

  test('unknown fields and bad identifiers are named', () => {
    const { problems } = parseSite(`${VALID}site_code: 12\ncolour: red\n`, FILE);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain('不认识的字段 colour');
    expect(messages).toMatch(/字段 site_code.*10 位/);
  });

  test('deeds check reports it with the registries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeds-site-'));
    try {
      writeFileSync(join(dir, 'site.yaml'), 'publisher: 某委\nlicense:\n  name: CC BY 4.0\n');
      const { problems } = loadRegistries(dir);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.file).toBe(join(dir, 'site.yaml'));
      expect(problems[0]!.message).toContain('缺少站点名称');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('broken YAML is reported, not thrown', () => {
    const { problems } = parseSite('name: [unclosed\n', FILE);
    expect(problems[0]!.message).toMatch(/YAML 格式有误/);
  });
});

describe('site address', () => {
  test('DEEDS_SITE_URL overrides site.yaml; its path is the base', () => {
    expect(siteAddress({ DEEDS_SITE_URL: 'https://wjw.example.gov.cn/honours' }, 'https://a.example/')).toEqual({
      site: 'https://wjw.example.gov.cn/honours/',
      base: '/honours/',
    });
    expect(siteAddress({}, 'https://a.example/x/')).toEqual({ site: 'https://a.example/x/', base: '/x/' });
    expect(siteAddress({})).toEqual({ site: 'https://honours.example.gov.cn/', base: '/' });
    expect(() => siteAddress({ DEEDS_SITE_URL: 'wjw.example.gov.cn/honours/' })).toThrow(/完整网址/);
  });

  test('withBase, absoluteUrl and sitePath', () => {
    expect(withBase('/rolls/', '/honours/')).toBe('/honours/rolls/');
    expect(withBase('/', '/honours/')).toBe('/honours/');
    expect(withBase('https://beian.miit.gov.cn/', '/honours/')).toBe('https://beian.miit.gov.cn/');
    expect(withBase('/rolls/')).toBe('/rolls/');
    expect(absoluteUrl('/rolls/', 'https://wjw.example.gov.cn/honours/')).toBe(
      'https://wjw.example.gov.cn/honours/rolls/',
    );
    expect(sitePath('/honours/rolls/', '/honours/')).toBe('/rolls/');
    expect(sitePath('/honours', '/honours/')).toBe('/');
  });
});

describe('share_images', () => {
  const site = (value: string) =>
    parseSite(`name: 站\npublisher: 委\nlicense:\n  name: 许可\nshare_images: ${value}\n`, 'content/site.yaml');

  test.each([
    ['auto', 'auto'],
    ['"each "', 'each'],
    ['"\u200bsite\u200b"', 'site'],
    ['NONE', 'none'],
  ])('%s, as an editor may paste it, reads as %s', (value, policy) => {
    expect(site(value).problems).toEqual([]);
    expect(site(value).site?.share_images).toBe(policy);
  });

  test('anything else is refused with the file, line and the values it may take', () => {
    const { problems } = site('每人一张');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/site.yaml', line: 5 });
    expect(problems[0]!.message).toContain('auto、each、site 或 none');
  });

  test('left out, it is auto', () => {
    const { site: read } = parseSite('name: 站\npublisher: 委\nlicense:\n  name: 许可\n', 'content/site.yaml');
    expect(read?.share_images).toBe('auto');
  });
});
