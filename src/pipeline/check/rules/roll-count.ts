/**
 * Rule `roll-count`: a category of a roll that says N名 but lists M names, M ≠ N. A warning:
 * either a name is missing or the count was mistyped.
 *
 *   先进个人（declaredCount: 63）with 62 awardees   →   warning: 类别“先进个人”写明 63 名，实际列出 62 名…
 */
import { type FrontmatterCheck } from '../helpers.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'roll-count',
  description: '名单写明的人数与列出的人数一致',
  fix: '补全名单，或改正写明的人数（declaredCount）',
  severity: 'default',
  examples: [
    {
      collection: 'rolls',
      frontmatter: {
        categories: [{ name: '先进个人', declaredCount: 2, awardees: [{ name: '李静', unit: '示例市第一人民医院' }] }],
      },
      message: '类别“先进个人”写明 2 名，实际列出 1 名',
      severity: 'warning',
    },
  ],
});

interface RollCategory {
  name?: unknown;
  declaredCount?: unknown;
  awardees?: unknown;
}

export const checkRollCountFrontmatter: FrontmatterCheck = ({ file, data, locate, collection }) => {
  if (collection !== 'rolls' || !Array.isArray(data.categories)) return;
  (data.categories as RollCategory[]).forEach((category, index) => {
    if (!category || typeof category.declaredCount !== 'number' || !Array.isArray(category.awardees)) return;
    const listed = category.awardees.length;
    if (listed === category.declaredCount) return;
    rule.report(
      file,
      `类别“${String(category.name)}”写明 ${category.declaredCount} 名，实际列出 ${listed} 名：${
        listed < category.declaredCount
          ? `少了 ${category.declaredCount - listed} 名，请补全名单`
          : `多了 ${listed - category.declaredCount} 名，请核对名单`
      }，或改正 declaredCount`,
      { place: locate(['categories', index, 'declaredCount']), fatal: false },
    );
  });
};
