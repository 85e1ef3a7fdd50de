import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deadlineAfter, workingTimeBetween } from '@fangquan/domain';
import { ConfigError, loadAppConfig } from './app-config';
import { loadWorkingTime } from './working-time';

const EVERY_DAY = resolve(__dirname, '../../../../test/support/every-day-working.calendar.json');
const HOUR = 3_600_000;

function calendarFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'work-calendar-')), 'calendar.json');
  writeFileSync(file, text);
  return file;
}

describe('working time configuration', () => {
  it('defaults to the bundled Chinese calendar, 09:00-12:00,13:30-17:30 in Asia/Shanghai, and limits of 2h, 1d, 5d', () => {
    const config = loadAppConfig({});
    expect(config.workCalendarSource).toBe('bundled');
    expect(config.workCalendar.timeZone).toBe('Asia/Shanghai');
    expect(config.workCalendar.hours.dayMs).toBe(7 * HOUR);
    expect(config.whistleLimits).toEqual({
      accept: { amount: 2, unit: 'h' },
      arrive: { amount: 1, unit: 'd' },
      resolve: { amount: 5, unit: 'd' },
    });
    // The Friday before the 2026 Spring Festival, 16:00: one working day is the adjusted working Saturday, 16:00.
    expect(deadlineAfter(config.workCalendar, new Date('2026-02-13T08:00:00Z'), config.whistleLimits.arrive)).toEqual(
      new Date('2026-02-14T08:00:00Z'),
    );
  });

  it('takes WORK_HOURS, TZ_COUNTY and the whistle limits from the environment', () => {
    const config = loadAppConfig({
      WORK_HOURS: '08:00-12:00,14:00-18:00',
      TZ_COUNTY: 'Asia/Urumqi',
      WHISTLE_ACCEPT_WITHIN: '30m',
      WHISTLE_ARRIVE_WITHIN: '4h',
      WHISTLE_RESOLVE_WITHIN: '10d',
    });
    expect(config.workCalendar.hours.dayMs).toBe(8 * HOUR);
    expect(config.workCalendar.timeZone).toBe('Asia/Urumqi');
    expect(config.whistleLimits).toEqual({
      accept: { amount: 30, unit: 'm' },
      arrive: { amount: 4, unit: 'h' },
      resolve: { amount: 10, unit: 'd' },
    });
  });

  it('runs limits of seconds on plain time with the every-day calendar and all-day hours', () => {
    const config = loadAppConfig({ WORK_CALENDAR: EVERY_DAY, WORK_HOURS: '00:00-24:00', WHISTLE_ACCEPT_WITHIN: '10s' });
    const sundayOfAHoliday = new Date('2026-02-15T12:00:00Z');
    expect(deadlineAfter(config.workCalendar, sundayOfAHoliday, config.whistleLimits.accept)).toEqual(new Date('2026-02-15T12:00:10Z'));
    expect(workingTimeBetween(config.workCalendar, sundayOfAHoliday, new Date('2026-02-16T12:00:00Z'))).toBe(24 * HOUR);
    expect(config.workCalendarWarnings).toEqual([]);
  });

  it('refuses to start on a bad value, naming the variable', () => {
    const refusal = (env: Record<string, string>) => () => loadAppConfig(env);
    expect(refusal({ WORK_HOURS: '17:00-09:00' })).toThrow(ConfigError);
    expect(refusal({ WORK_HOURS: '17:00-09:00' })).toThrow(/^WORK_HOURS: "17:00-09:00" ends before it starts$/);
    expect(refusal({ TZ_COUNTY: 'Beijing' })).toThrow(/^TZ_COUNTY: "Beijing" is not a time zone/);
    for (const name of ['WHISTLE_ACCEPT_WITHIN', 'WHISTLE_ARRIVE_WITHIN', 'WHISTLE_RESOLVE_WITHIN'])
      expect(refusal({ [name]: '1.5d' })).toThrow(new RegExp(`^${name}: "1.5d" is not a time limit`));
  });

  it('refuses a WORK_CALENDAR file it cannot read or with a bad entry, naming the file and the line', () => {
    expect(() => loadAppConfig({ WORK_CALENDAR: '/nonexistent/calendar.json' })).toThrow(
      /^WORK_CALENDAR: cannot read \/nonexistent\/calendar.json \(ENOENT\)$/,
    );
    const file = calendarFile(
      [
        '{',
        '  "years": {',
        '    "2027": {',
        '      "source": "国务院办公厅通知",',
        '      "holidays": {',
        '        "2027-02-30": "春节"',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(() => loadAppConfig({ WORK_CALENDAR: file })).toThrow(
      `WORK_CALENDAR ${file}: line 6: years.2027.holidays.2027-02-30: is not a date YYYY-MM-DD`,
    );
  });

  it('uses a WORK_CALENDAR file instead of the bundled one', () => {
    const file = calendarFile(
      JSON.stringify({ years: { 2028: { source: '国务院办公厅关于2028年部分节假日安排的通知', holidays: { '2028-01-03': '元旦' } } } }),
    );
    const config = loadWorkingTime({ WORK_CALENDAR: file }, new Date('2028-12-10T00:00:00Z'));
    expect(config.workCalendarSource).toBe(file);
    // Monday 2028-01-03 is a holiday in this file: 1h from Friday 17:00 ends on Tuesday at 09:30.
    expect(deadlineAfter(config.workCalendar, new Date('2027-12-31T09:00:00Z'), { amount: 1, unit: 'h' })).toEqual(
      new Date('2028-01-04T01:30:00Z'),
    );
    expect(config.workCalendarWarnings).toEqual([
      `The working calendar (${file}) has no holidays for 2029: only weekends are rest days in 2029. Add the year to a WORK_CALENDAR file.`,
    ]);
  });

  it('warns at start about this year, and in December the next, when the calendar knows them only in part', () => {
    const warnings = (isoInstant: string) => loadWorkingTime({}, new Date(isoInstant)).workCalendarWarnings;
    const provisional2027 =
      "The working calendar (bundled) has only the statutory holidays of 2027, without its adjusted working days (调休), until the year's notice is added.";
    const missing2028 =
      'The working calendar (bundled) has no holidays for 2028: only weekends are rest days in 2028. Add the year to a WORK_CALENDAR file.';
    expect(warnings('2026-03-01T00:00:00Z')).toEqual([]);
    expect(warnings('2026-12-06T00:00:00Z')).toEqual([provisional2027]);
    // 23:00 and 00:30 in Beijing on either side of the new year.
    expect(warnings('2027-12-31T15:00:00Z')).toEqual([provisional2027, missing2028]);
    expect(warnings('2027-12-31T16:30:00Z')).toEqual([missing2028]);
  });
});
