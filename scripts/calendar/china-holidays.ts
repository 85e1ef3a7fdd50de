/**
 * Writes libs/domain/src/work-calendar/china-holidays.json, the bundled working calendar, from the
 * `chinese-days` package (its data follows the State Council General Office's yearly notices).
 * A year the package does not hold yet gets the statutory days of the 全国年节及纪念日放假办法 only,
 * marked provisional, until its notice is published and the package (or a hand edit) adds it.
 *
 *   node -r @swc-node/register scripts/calendar/china-holidays.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  getHolidaysInRange,
  getLunarFestivals,
  getSolarDateFromLunar,
  getSolarTermDate,
  getWorkdaysInRange,
  getDayDetail,
} from 'chinese-days';

const FIRST_YEAR = 2025;
const LAST_YEAR = 2027;

/** The notices behind each year the package holds. */
const NOTICES: Record<number, string> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社同日全文播发）',
};

const STATUTORY =
  '《全国年节及纪念日放假办法》（2024年11月10日修订）的法定假日：元旦1天、春节4天（农历除夕至正月初三）、清明节1天、劳动节2天、端午节1天、中秋节1天、国庆节3天。' +
  '本年度的放假调休通知发布前，调休上班日与补休日不明，只列法定假日；通知发布后请按其替换。';

interface YearEntry {
  readonly source: string;
  readonly provisional: boolean;
  readonly holidays: Record<string, string>;
  readonly workingDays: Record<string, string>;
}

/** `Spring Festival,春节,4` → `春节`. */
const chineseName = (detail: string): string => detail.split(',')[1] ?? detail;

function fromPackage(year: number): YearEntry {
  const holidays: Record<string, string> = {};
  const workingDays: Record<string, string> = {};
  for (const date of getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false)) holidays[date] = chineseName(getDayDetail(date).name);
  for (const date of getWorkdaysInRange(`${year}-01-01`, `${year}-12-31`, true)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) workingDays[date] = chineseName(getDayDetail(date).name);
  }
  return { source: NOTICES[year] ?? 'chinese-days', provisional: false, holidays, workingDays };
}

function statutoryOnly(year: number): YearEntry {
  const eve = getLunarFestivals(`${year}-01-01`, `${year}-02-28`).find((f) => f.name.includes('除夕'));
  if (!eve) throw new Error(`no 除夕 found in ${year}`);
  const newYear = getSolarDateFromLunar(`${year}-01-01`).date;
  const day = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const holidays: Record<string, string> = {
    [`${year}-01-01`]: '元旦',
    [eve.date]: '春节',
    [newYear]: '春节',
    [day(newYear, 1)]: '春节',
    [day(newYear, 2)]: '春节',
    [getSolarTermDate(year, 4, 'pure_brightness')]: '清明',
    [`${year}-05-01`]: '劳动节',
    [`${year}-05-02`]: '劳动节',
    [getSolarDateFromLunar(`${year}-05-05`).date]: '端午',
    [getSolarDateFromLunar(`${year}-08-15`).date]: '中秋',
    [`${year}-10-01`]: '国庆节',
    [`${year}-10-02`]: '国庆节',
    [`${year}-10-03`]: '国庆节',
  };
  const sorted = Object.fromEntries(Object.entries(holidays).sort(([a], [b]) => a.localeCompare(b)));
  return { source: STATUTORY, provisional: true, holidays: sorted, workingDays: {} };
}

const years: Record<string, YearEntry> = {};
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  const fromData = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
  years[String(year)] = fromData ? fromPackage(year) : statutoryOnly(year);
}

const file = {
  description:
    '中国工作日历：法定节假日（放假）与调休上班日。周末（weekend）为休息日，列入 workingDays 的周末为上班日，列入 holidays 的日期为休息日。' +
    '格式见 docs/operations.md「Working calendar」。',
  weekend: ['saturday', 'sunday'],
  years,
};
const target = resolve(__dirname, '../../libs/domain/src/work-calendar/china-holidays.json');
void (async () => {
  // Written as the repository's Prettier would, so that the check of formatting passes as generated.
  const options = { ...(await resolveConfig(target)), filepath: target };
  writeFileSync(target, await format(JSON.stringify(file, null, 2), options));
  console.log(`wrote ${target}`);
})();
