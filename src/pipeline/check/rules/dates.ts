/**
 * Rule `dates`: dates that cannot be (2月30日), a deadline before its announcement, a phase that
 * ends before it starts, and 成文日期 not in GB/T 9704-2012 form (§7.3.5.3: 2023年1月4日, no
 * leading zeros). Impossible dates are errors; form is a warning with the fix.
 *
 *   2023年2月30日前报送   →   error: 日期“2023年2月30日”不存在…
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { placeInText, visitText, type FrontmatterCheck } from '../helpers.ts';
import { CHINESE_DATE } from '../data/doc-numbers.ts';
import { matchAll } from '../../patterns.ts';
import { defineRule } from '../define-rule.ts';

export const rule = defineRule({
  id: 'dates',
  description: '日期存在（没有 2 月 30 日），截止日期不早于发文日期，成文日期按 GB/T 9704 书写（2023年1月4日）',
  fix: '对照原件改正日期',
  severity: 'default',
  examples: [
    { body: '请于2023年2月30日前报送推荐材料。\n', message: '日期“2023年2月30日”不存在' },
    {
      collection: 'announcements',
      frontmatter: { date: '2023-03-01', deadline: '2023-02-01' },
      message: '截止日期 2023-02-01 早于发文日期 2023-03-01',
    },
    { body: '请于2023年3月1日前报送推荐材料。\n' },
  ],
});

/** Whether year-month-day exists; without a year, 2月29日 is allowed. */
export function isPossibleDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  return day <= days;
}

export function remarkCheckDates() {
  return (tree: Root, file: VFile) => {
    visitText(tree, (node) => {
      for (const match of matchAll(CHINESE_DATE.pattern, node.value)) {
        const [found, yearText, monthText, dayText] = match as unknown as [string, string | undefined, string, string];
        const year = yearText ? Number(yearText) : undefined;
        const month = Number(monthText);
        const day = Number(dayText);
        const place = placeInText(node, match.index, match.index + found.length);
        if (!isPossibleDate(year, month, day)) {
          rule.report(
            file,
            `日期“${found}”不存在（${month > 12 || month < 1 ? '没有这个月份' : `${month}月没有${day}日`}）；请对照原件改正`,
            {
              place,
              fatal: true,
            },
          );
          continue;
        }
        const canonical = `${year !== undefined ? `${year}年` : ''}${month}月${day}日`;
        if (yearText && found !== canonical) {
          rule.report(
            file,
            `日期“${found}”不合 GB/T 9704 写法（月、日不加前导零，中间不留空格）；应写作“${canonical}”`,
            {
              place,
              fatal: false,
              actual: found,
              expected: [canonical],
            },
          );
        }
      }
    });
  };
}

/** Dates in an announcement's frontmatter that contradict each other. */
export const checkDatesFrontmatter: FrontmatterCheck = ({ file, data, collection, locate, valid }) => {
  if (collection !== 'announcements' || !valid) return;
  const a = data as {
    date?: string;
    deadline?: string;
    printedDate?: string;
    phases?: Array<{ name: string; start: string | null; end: string | null }>;
    publicityPeriod?: { start: string; end: string };
  };
  if (a.date && a.deadline && a.deadline < a.date) {
    rule.report(file, `截止日期 ${a.deadline} 早于发文日期 ${a.date}：截止日期应在发文之后；请核对 deadline 或 date`, {
      place: locate(['deadline']),
      fatal: true,
    });
  }
  if (a.date && a.printedDate && a.printedDate < a.date) {
    rule.report(
      file,
      `印发日期 ${a.printedDate} 早于成文日期 ${a.date}：印发不会早于成文；请核对 printedDate 或 date`,
      {
        place: locate(['printedDate']),
        fatal: false,
      },
    );
  }
  (a.phases ?? []).forEach((phase, index) => {
    if (phase.start && phase.end && phase.end < phase.start.slice(0, phase.end.length)) {
      rule.report(file, `阶段“${phase.name}”的结束日期 ${phase.end} 早于开始日期 ${phase.start}；请核对`, {
        place: locate(['phases', index, 'end']),
        fatal: true,
      });
    }
  });
  if (a.publicityPeriod && a.publicityPeriod.end < a.publicityPeriod.start) {
    rule.report(file, `公示期结束日期 ${a.publicityPeriod.end} 早于开始日期 ${a.publicityPeriod.start}；请核对`, {
      place: locate(['publicityPeriod', 'end']),
      fatal: true,
    });
  }
};
