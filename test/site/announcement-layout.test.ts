import { describe, expect, test } from 'vitest';
import { layOutAnnouncementBody } from '../../src/site/announcement-layout.ts';

const parts = {
  issuer: '示例市卫生健康委员会',
  date: '2024-12-03',
  recipients: ['各区卫生健康局', '委属各医疗卫生单位'],
  attachments: ['名额分配表', '推荐表'],
  publicity: '此件公开发布',
};

describe('layOutAnnouncementBody', () => {
  test('takes recipients, attachments, signature, date and annotation off a full document', () => {
    const html = [
      '<p>各区卫生健康局，委属各医疗卫生单位：</p>',
      '<p>正文第一段。</p>',
      '<h2>一、要求</h2>',
      '<p>正文第二段。</p>',
      '<p>附件：1.名额分配表</p>',
      '<p>2.推荐表</p>',
      '<p>示例市卫生健康委员会</p>',
      '<p>2024年12月3日</p>',
      '<p>（此件公开发布）</p>',
    ].join('\n');
    const out = layOutAnnouncementBody(html, parts);
    expect(out.html).toBe('<p>正文第一段。</p>\n<h2>一、要求</h2>\n<p>正文第二段。</p>');
    expect(out.removed).toEqual([
      '各区卫生健康局，委属各医疗卫生单位：',
      '（此件公开发布）',
      '2024年12月3日',
      '示例市卫生健康委员会',
      '2.推荐表',
      '附件：1.名额分配表',
    ]);
  });

  test('handles the closing lines inside one paragraph and a date in Chinese numerals', () => {
    const html = '<p>正文。</p>\n<p>示例市卫生健康委员会\n二〇二四年十二月三日</p>';
    expect(layOutAnnouncementBody(html, { ...parts, attachments: [], publicity: undefined }).html).toBe(
      '<p>正文。</p>',
    );
  });

  test('keeps everything when the frontmatter does not have the part', () => {
    const html = '<p>各单位：</p>\n<p>正文。</p>\n<p>1.第一条</p>\n<p>2.第二条</p>';
    const out = layOutAnnouncementBody(html, { ...parts, recipients: [], publicity: undefined });
    expect(out.html).toBe(html);
    expect(out.removed).toEqual([]);
  });

  test('numbered lines without a 附件 head stay', () => {
    const html = '<p>正文。</p>\n<p>1.第一条</p>\n<p>2.第二条</p>';
    const out = layOutAnnouncementBody(html, { ...parts, recipients: [], publicity: undefined });
    expect(out.html).toBe('<p>正文。</p>\n<p>1.第一条</p>\n<p>2.第二条</p>');
  });
});
