/**
 * Dates as the site shows them. All dates are calendar dates (`YYYY-MM-DD`) in China Standard Time;
 * "today" is the build date, injectable with `DEEDS_TODAY=2023-01-10` for tests and previews.
 */

/** The build date, `YYYY-MM-DD`: `DEEDS_TODAY` if set, else today in Asia/Shanghai. */
export function siteToday(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const injected = env.DEEDS_TODAY?.trim();
  if (injected) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(injected)) {
      throw new Error(`DEEDS_TODAY=${injected} is not a date; write it as YYYY-MM-DD, e.g. DEEDS_TODAY=2023-01-10`);
    }
    return injected;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** `2023-01-04` → `2023年1月4日`; `2021-05` → `2021年5月`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!m) return `${y}年`;
  if (!d) return `${y}年${Number(m)}月`;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** One formatter for the whole build: making one costs more than rendering a page's numbers. */
const COUNT = new Intl.NumberFormat('zh-CN');

/** `1234` → `1,234`, as counts are shown on pages. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}
