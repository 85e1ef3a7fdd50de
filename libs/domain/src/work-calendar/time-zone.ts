/**
 * Local wall time ↔ instants in an IANA time zone, through Intl (the zone rules of the runtime).
 * China keeps one offset all year (UTC+8, no daylight saving since 1991), so for `Asia/Shanghai` both
 * directions are exact. In a zone with daylight saving a local time that does not exist (the hour
 * skipped in spring) maps to the instant the same distance after the shift, and one that exists twice
 * (autumn) to the earlier instant; a fixed offset is written as `Etc/GMT-8` (POSIX sign: UTC+8).
 */
const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** True when the runtime knows the zone (`Asia/Shanghai`, `UTC`, `Etc/GMT-8`, …). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  // Intl has whole seconds; the instant's milliseconds are the same on both sides.
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The local date (YYYY-MM-DD) and the ms since local midnight of an instant. */
export function localWallTime(timeZone: string, instantMs: number): { readonly date: string; readonly msOfDay: number } {
  const wall = instantMs + zoneOffsetMs(timeZone, instantMs);
  const msOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(wall - msOfDay).toISOString().slice(0, 10), msOfDay };
}

/** The instant at `msOfDay` after local midnight of `date` (`msOfDay` may be 24 h: the next midnight). */
export function instantAt(timeZone: string, date: string, msOfDay: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + msOfDay;
  // The offsets half a day either side: equal unless the clocks change around this wall time (they never do in China).
  const before = zoneOffsetMs(timeZone, wall - DAY_MS / 2);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS / 2);
  if (before === after) return wall - before;
  const readsBack = [wall - before, wall - after].filter((instant) => instant + zoneOffsetMs(timeZone, instant) === wall);
  // Twice (autumn): the first; never (the skipped hour in spring): as far after the shift as the time is after it.
  return readsBack.length > 0 ? Math.min(...readsBack) : wall - before;
}
