import * as chineseDays from 'chinese-days';
import { addDays } from '../calendar';
import bundled from './china-holidays.json';
import { chinaCalendarData } from './china-calendar';
import { parseCalendarData, parseCalendarText, type CalendarData } from './calendar-file';
import { china } from '../testing/work-calendars';
import { isWorkingDay, yearCoverage } from './work-calendar';

const errorsOf = (text: string): string[] => {
  const parsed = parseCalendarText(text);
  if (parsed.ok) throw new Error('expected the calendar to be refused');
  return parsed.error;
};

const fileWith = (year: string, holidays: string, workingDays = '{}') =>
  [
    '{',
    '  "weekend": ["saturday", "sunday"],',
    '  "years": {',
    `    "${year}": {`,
    '      "source": "国务院办公厅通知",',
    `      "holidays": ${holidays},`,
    `      "workingDays": ${workingDays}`,
    '    }',
    '  }',
    '}',
  ].join('\n');

describe('the bundled calendar', () => {
  const data: CalendarData = chinaCalendarData();
  const cal = china();

  it('covers 2025 to 2027, each year naming its source', () => {
    expect(Object.keys(data.years)).toEqual(expect.arrayContaining(['2025', '2026', '2027']));
    expect(data.years['2025']?.source).toContain('国办发明电〔2024〕12号');
    expect(data.years['2026']?.source).toContain('2026年部分节假日安排');
    for (const year of Object.values(data.years)) expect(year.source.length).toBeGreaterThan(10);
    expect([2025, 2026, 2027].map((y) => yearCoverage(cal, y))).toEqual(['listed', 'listed', 'provisional']);
  });

  it('agrees with chinese-days on every day of the years it holds', () => {
    for (const year of ['2025', '2026']) {
      for (let date = `${year}-01-01`; date.startsWith(year); date = addDays(date, 1)) {
        expect([date, isWorkingDay(cal, date)]).toEqual([date, chineseDays.isWorkday(date)]);
      }
    }
  });

  it('holds the 2026 schedule of the State Council notice: 33 days off, 6 adjusted working days', () => {
    expect(Object.keys(data.years['2026']?.holidays ?? {})).toHaveLength(33);
    expect(Object.keys(data.years['2026']?.workingDays ?? {})).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('gives 2027 its statutory days, placed by the lunar calendar, until its notice is out', () => {
    const y2027 = data.years['2027'];
    expect(y2027?.provisional).toBe(true);
    const lunar = (monthDay: string) => chineseDays.getSolarDateFromLunar(`2027-${monthDay}`).date;
    const eve = chineseDays.getLunarFestivals('2027-01-01', '2027-02-28').find((f) => f.name.includes('除夕'))?.date;
    expect(Object.keys(y2027?.holidays ?? {}).sort()).toEqual(
      [
        '2027-01-01',
        eve,
        lunar('01-01'),
        addDays(lunar('01-01'), 1),
        addDays(lunar('01-01'), 2),
        chineseDays.getSolarTermDate(2027, 4, 'pure_brightness'),
        '2027-05-01',
        '2027-05-02',
        lunar('05-05'),
        lunar('08-15'),
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
      ].sort(),
    );
    expect(lunar('01-01')).toBe('2027-02-06');
  });

  it('is itself a valid calendar file, line by line', () => {
    expect(parseCalendarText(JSON.stringify(bundled, null, 2)).ok).toBe(true);
  });
});

describe('a calendar file', () => {
  it('accepts a file with no years (weekends only) or with no weekend (every day a working day)', () => {
    expect(parseCalendarText('{ "years": {} }')).toEqual({ ok: true, value: { weekend: [6, 7], years: {} } });
    expect(parseCalendarText('{ "weekend": [], "years": {} }')).toEqual({ ok: true, value: { weekend: [], years: {} } });
  });

  it('refuses a malformed date, naming its line and its place', () => {
    const text = fileWith('2026', '{\n        "2026-02-15": "春节",\n        "2026-02-30": "春节"\n      }');
    expect(errorsOf(text)).toEqual(['line 8: years.2026.holidays.2026-02-30: is not a date YYYY-MM-DD']);
  });

  it('refuses a date of another year, a weekday as adjusted working day and a day both off and worked', () => {
    expect(errorsOf(fileWith('2026', '{ "2025-12-31": "元旦" }'))).toEqual(['line 6: years.2026.holidays.2025-12-31: is not in 2026']);
    expect(errorsOf(fileWith('2026', '{}', '{ "2026-02-13": "春节" }'))).toEqual([
      'line 7: years.2026.workingDays.2026-02-13: is not a weekend day (list only weekend days that are worked)',
    ]);
    expect(errorsOf(fileWith('2026', '{ "2026-02-14": "春节" }', '{ "2026-02-14": "春节" }'))).toEqual([
      'line 7: years.2026.workingDays.2026-02-14: is also listed as a holiday',
    ]);
  });

  it('reports every bad entry at once', () => {
    expect(errorsOf(fileWith('2026', '{ "2026-13-01": "元旦" }', '{ "2026-02-13": "春节", "2026-02-31": "春节" }'))).toEqual([
      'line 6: years.2026.holidays.2026-13-01: is not a date YYYY-MM-DD',
      'line 7: years.2026.workingDays.2026-02-31: is not a date YYYY-MM-DD',
      'line 7: years.2026.workingDays.2026-02-13: is not a weekend day (list only weekend days that are worked)',
    ]);
  });

  it('refuses a year without a source, a bad year, a bad weekend and text that is not JSON', () => {
    expect(errorsOf('{ "years": { "2026": { "holidays": {} } } }')[0]).toMatch(/years\.2026\.source: must name where the dates come from/);
    expect(errorsOf('{ "years": { "26": { "source": "x", "holidays": {} } } }')).toEqual(['line 1: years.26: is not a four-digit year']);
    expect(errorsOf('{ "weekend": ["sat"], "years": {} }')[0]).toMatch(/^line 1: weekend: must list distinct day names/);
    expect(errorsOf('{ "weekend": ["saturday"] }')).toEqual(['years: must be an object keyed by year ({} for none)']);
    expect(errorsOf('{\n  "years": {\n    2026: {}\n  }\n}')[0]).toMatch(/^line 3: not valid JSON/);
    expect(errorsOf('{ "years": ')[0]).toMatch(/not valid JSON/);
    expect(parseCalendarData([])).toEqual({ ok: false, error: ['the calendar must be a JSON object with "weekend" and "years"'] });
  });

  it('refuses holiday names that are not text and a provisional flag that is not true or false', () => {
    expect(errorsOf(fileWith('2026', '{ "2026-10-01": 1 }'))[0]).toMatch(/holidays\.2026-10-01: must have the holiday name as a string/);
    expect(errorsOf('{ "years": { "2026": { "source": "x", "provisional": "yes", "holidays": {} } } }')[0]).toMatch(
      /provisional: must be true or false/,
    );
  });
});
