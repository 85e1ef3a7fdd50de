/** Time comes in through a clock so that tests can set it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

const dateFormats = new Map<string, { readonly format: Intl.DateTimeFormat; last?: { readonly second: number; readonly date: string } }>();

/** The calendar date (YYYY-MM-DD) of an instant in the county's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let zone = dateFormats.get(timeZone);
  if (!zone) {
    // en-CA formats as YYYY-MM-DD. Building a formatter is costly: one per time zone, kept.
    zone = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }) };
    dateFormats.set(timeZone, zone);
  }
  // Every command asks for today: formatting it (Intl, in the county's zone) once per second of the clock is enough.
  const second = Math.floor(instant.getTime() / 1000);
  if (zone.last?.second === second) return zone.last.date;
  const date = zone.format.format(instant);
  zone.last = { second, date };
  return date;
}
