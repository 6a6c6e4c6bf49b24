import { describe, expect, test } from 'vitest';
import { run, ruleMessages } from './harness.ts';

describe('mdx-safety', () => {
  test.each([
    ['import X from "./x.js"\n\n正文。', 'import/export'],
    ['export const a = 1\n\n正文。', 'import/export'],
    ['共有 {1 + 1} 人。', '表达式'],
    ['{alert(1)}', '表达式'],
    ['<script>alert(1)</script>', '<script>'],
    ['<style>{`body{}`}</style>', '<style>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe>'],
    ['<object data="x.swf"></object>', '<object>'],
    ['<embed src="x.swf" />', '<embed>'],
    ['<form action="/x"><input name="a" /></form>', '<form>'],
    ['<svg><script>alert(1)</script></svg>', '<svg>'],
    ['<Note title="说明" onClick="alert(1)">正文</Note>', 'onClick'],
    ['<Note title={alert(1)}>正文</Note>', '表达式'],
    ['<Note {...props}>正文</Note>', '展开表达式'],
    ['<Note title="说明" style="color:red">正文</Note>', '不支持属性 style'],
    ['<Quote by="url(https://evil.example/x.png)">正文</Quote>', 'url('],
    ['<Unknown>正文</Unknown>', '<Unknown>'],
    ['[点击](javascript:alert(1))', 'javascript:'],
    ['[点击](JaVaScRiPt:alert(1))', 'javascript:'],
    ['[点击](java&#x09;script:alert(1))', 'javascript:'],
    ['![图](data:image/svg+xml;base64,PHN2Zz4=)', 'data:'],
    ['[x]: vbscript:msgbox(1)\n\n[点击][x]', 'vbscript:'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '脚本'],
    ['&#60;img src=x onerror=alert(1)&#62;', '脚本'],
  ])('rejects %j', (body, found) => {
    const messages = ruleMessages('mdx-safety', body);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 'error' && m.line >= 10)).toBe(true);
    expect(messages.map((m) => m.message).join('\n')).toContain(found);
  });

  test.each([
    ['<Note title="编者按">本文据推荐材料整理。</Note>'],
    ['<Quote by="患者家属">她是我们的贴心人。</Quote>'],
    ['[卫健委网站](https://wjw.example.gov.cn/)'],
    ['[本站](/deeds/2023/li-jing/)'],
    ['网址 https://example.gov.cn 可查。'],
    ['一、（一）1. 干部队伍强。'],
    ['他说：“onion = 洋葱。”'],
  ])('accepts %j', (body) => {
    expect(ruleMessages('mdx-safety', body)).toEqual([]);
  });

  test('none of it reaches the HTML', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<iframe src="https://evil.example"></iframe>',
      '<Note title="x" onClick="alert(2)">正文</Note>',
      '[点击](javascript:alert(3))',
      '<svg><script>alert(4)</script></svg>',
    ].join('\n\n');
    const { html } = run(hostile);
    expect(html).not.toMatch(/<script|<iframe|<svg|onclick|javascript:/i);
  });
});
