import { describe, expect, test } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  test.each([
    ['扎根社区的健康守门人', 'zha-gen-she-qu-de-jian-kang-shou-men-ren'],
    ['2022年度先进个人名单', '2022-nian-du-xian-jin-ge-ren-ming-dan'],
    ['WHO 合作中心', 'who-he-zuo-zhong-xin'],
    ['！！！', 'untitled'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('long titles are cut at a syllable boundary', () => {
    const slug = slugify('关于开展2022年度全区卫生健康系统先进单位和先进个人评选活动的通知');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
