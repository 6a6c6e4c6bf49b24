/**
 * The checks on the seed documents (real text from the wild, read as deed or announcement bodies):
 * the masks, spun words and broken years each seed is known to carry are found, and the clean
 * notices raise no privacy error (the empty recommendation form is not personal data).
 */
import { expect, test } from 'vitest';
import { remarkCheckPlaceholder } from '../../../src/pipeline/check/rules/placeholder.ts';
import { remarkCheckSpunText } from '../../../src/pipeline/check/rules/spun-text.ts';
import { describeSeeds, expectedSeeds, readSeed, type SeedFile } from '../../helpers/seeds.ts';
import { pluginMessages, run } from './harness.ts';

/** A seed as an MDX body: plain text, with what MDX would read as syntax escaped. */
function asBody(name: SeedFile): string {
  return readSeed(name).replace(/[<{}]/g, (char) => `\\${char}`);
}

function expected(name: SeedFile): Record<string, unknown> {
  return expectedSeeds().find((seed) => seed.file === name)!;
}

describeSeeds('checks on the seeds', () => {
  test.each(['deed-unit-traditional-template-site.txt', 'plan-doc-sharing-site-spun.txt'] as const)(
    'placeholder finds every mask expected.json lists in %s',
    (name) => {
      const messages = pluginMessages(remarkCheckPlaceholder, asBody(name));
      const found = messages.map((m) => m.message).join('\n');
      for (const mask of expected(name).placeholders as string[]) {
        const token = mask.match(/\*+|[xX]{2,}/)![0];
        expect(found).toContain(`“${token}”`);
      }
      expect(messages.every((m) => m.severity === 'error')).toBe(true);
    },
  );

  test('spun-text finds every pair and broken year of the spun plan', () => {
    const name = 'plan-doc-sharing-site-spun.txt';
    const found = pluginMessages(remarkCheckSpunText, asBody(name))
      .map((m) => m.message)
      .join('\n');
    const seed = expected(name) as { spunText: Record<string, string>; brokenYears: string[] };
    for (const [spun, original] of Object.entries(seed.spunText)) {
      const key = spun === '稳固提高' ? '稳固' : spun;
      expect(found).toContain(`“${key}”`);
      expect(found).toContain(`“${original === '巩固提高' ? '巩固' : original}”`);
    }
    for (const year of seed.brokenYears) expect(found).toContain(year);
  });

  test.each(['announcement-wujin-2023.txt', 'announcement-xuchang-2021.txt'] as const)(
    '%s as an announcement: no privacy error, no mask, no spun word',
    (name) => {
      const { file } = run(asBody(name), { collection: 'announcements' });
      const errors = file.messages.filter(
        (m) => ['privacy', 'placeholder', 'spun-text'].includes(m.ruleId ?? '') && m.fatal,
      );
      expect(errors.map((m) => m.reason)).toEqual([]);
    },
  );

  test('the filled-in form of a notice would be caught', () => {
    const form = asBody('announcement-wujin-2023.txt').replace(/\t性别\n\t\n/, '\t性别：女\n');
    const { file } = run(form, { collection: 'announcements' });
    expect(file.messages.some((m) => m.ruleId === 'privacy' && m.fatal)).toBe(true);
  });
});
