import { instantAt, isKnownTimeZone, localWallTime, zoneOffsetMs } from './time-zone';

const HOUR = 3_600_000;

describe('time zones', () => {
  it('knows the zones of the runtime and nothing else', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Etc/GMT-8')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('+08:00')).toBe(false);
  });

  it('keeps China at UTC+8 all year', () => {
    expect(zoneOffsetMs('Asia/Shanghai', Date.UTC(2026, 0, 15))).toBe(8 * HOUR);
    expect(zoneOffsetMs('Asia/Shanghai', Date.UTC(2026, 6, 15))).toBe(8 * HOUR);
    expect(zoneOffsetMs('Etc/GMT-8', Date.UTC(2026, 6, 15))).toBe(8 * HOUR);
  });

  it('turns instants into local dates and times, and back', () => {
    expect(localWallTime('Asia/Shanghai', Date.parse('2026-02-14T16:30:00.250Z'))).toEqual({
      date: '2026-02-15',
      msOfDay: 0.5 * HOUR + 250,
    });
    expect(instantAt('Asia/Shanghai', '2026-02-15', 0.5 * HOUR)).toBe(Date.parse('2026-02-14T16:30:00Z'));
    expect(instantAt('Asia/Shanghai', '2026-02-15', 24 * HOUR)).toBe(Date.parse('2026-02-15T16:00:00Z'));
  });

  it('maps a skipped local time after the shift and a repeated one to its first occurrence', () => {
    // Berlin: 2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00.
    expect(instantAt('Europe/Berlin', '2026-03-29', 2.5 * HOUR)).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(instantAt('Europe/Berlin', '2026-10-25', 2.5 * HOUR)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(instantAt('Europe/Berlin', '2026-10-25', 4 * HOUR)).toBe(Date.parse('2026-10-25T03:00:00Z'));
  });
});
