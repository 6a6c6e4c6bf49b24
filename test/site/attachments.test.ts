import { describe, expect, test } from 'vitest';
import { attachmentKey, linkAttachments } from '../../src/site/attachments.ts';

describe('linkAttachments', () => {
  const targets = [
    { title: '2022年度示例市卫生健康系统先进集体和先进个人名单', href: '/rolls/2023/shi-2022-xianjin-mingdan/' },
    { title: '2022年度示例市卫生健康系统先进集体和先进个人名单', href: '/rolls/elsewhere/' },
  ];

  test('links an attachment that is another entry, by its title', () => {
    expect(linkAttachments(['2022年度示例市卫生健康系统先进集体和先进个人名单'], targets)).toEqual([
      { text: '2022年度示例市卫生健康系统先进集体和先进个人名单', href: '/rolls/2023/shi-2022-xianjin-mingdan/' },
    ]);
  });

  test('ignores numbering, book-title marks and a file extension', () => {
    expect(linkAttachments(['1．《2022年度示例市卫生健康系统先进集体和先进个人名单》.docx'], targets)[0]!.href).toBe(
      '/rolls/2023/shi-2022-xianjin-mingdan/',
    );
  });

  test('leaves other attachments plain', () => {
    expect(linkAttachments(['2023年度全市卫生健康系统先进个人推荐表'], targets)).toEqual([
      { text: '2023年度全市卫生健康系统先进个人推荐表' },
    ]);
  });

  test('keeps digits that belong to the title', () => {
    expect(attachmentKey('2023年度名单')).toBe('2023年度名单');
    expect(attachmentKey('2．2023年度名单')).toBe('2023年度名单');
  });
});
