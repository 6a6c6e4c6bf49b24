/**
 * Rule `roll-count`: a category of a roll that says N名 but lists M names, M ≠ N. A warning:
 * either a name is missing or the count was mistyped.
 *
 *   先进个人（declaredCount: 63）with 62 awardees   →   warning: 类别“先进个人”写明 63 名，实际列出 62 名…
 */
import { report, type FrontmatterCheck } from './check-helpers.ts';

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
    report(
      file,
      `类别“${String(category.name)}”写明 ${category.declaredCount} 名，实际列出 ${listed} 名：${
        listed < category.declaredCount
          ? `少了 ${category.declaredCount - listed} 名，请补全名单`
          : `多了 ${listed - category.declaredCount} 名，请核对名单`
      }，或改正 declaredCount`,
      { place: locate(['categories', index, 'declaredCount']), ruleId: 'roll-count', fatal: false },
    );
  });
};
