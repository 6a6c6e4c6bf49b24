import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ruleMessages } from './harness.ts';
import { tempDir } from '../../helpers/temp.ts';

const dir = tempDir('deeds-images-');
writeFileSync(join(dir, 'photo.jpg'), 'jpg');
const path = join(dir, 'deed.mdx');

describe('images', () => {
  test.each([
    ['![](./photo.jpg)', 'warning', '说明文字'],
    ['![李静在社区](./missing.jpg)', 'error', '找不到'],
    ['![李静](https://cdn.example.com/x.jpg)', 'error', '外站'],
  ])('%j → %s', (body, severity, found) => {
    const messages = ruleMessages('images', body, { path });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(severity);
    expect(messages[0]!.message).toContain(found);
  });

  test('an image with alt text that exists passes', () => {
    expect(ruleMessages('images', '![李静在社区为老人测量血压](./photo.jpg)', { path })).toEqual([]);
  });

  test('frontmatter photos: caption missing is a warning, a missing file an error', () => {
    const photos = [
      { src: './photo.jpg', alt: '李静为老人测量血压', caption: '2022年3月，李静在社区义诊' },
      { src: './photo.jpg', alt: '李静' },
      { src: './gone.jpg', alt: '李静', caption: '说明' },
    ];
    const messages = ruleMessages('images', '正文。', { path, frontmatter: { photos } });
    expect(messages.map((m) => m.severity).sort()).toEqual(['error', 'warning']);
  });
});
