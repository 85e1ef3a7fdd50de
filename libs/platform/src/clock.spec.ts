import { localDate } from './clock';

describe('localDate', () => {
  it("gives the county's calendar date, turning at its own midnight", () => {
    expect(localDate(new Date('2026-11-23T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-23T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDate(new Date('2026-11-23T16:00:00.000Z'), 'UTC')).toBe('2026-11-23');
  });

  it('answers the same instant the same way, and a later second afresh', () => {
    const zone = 'Asia/Urumqi';
    expect(localDate(new Date('2026-12-31T17:59:59.100Z'), zone)).toBe('2026-12-31');
    expect(localDate(new Date('2026-12-31T17:59:59.900Z'), zone)).toBe('2026-12-31');
    expect(localDate(new Date('2026-12-31T18:00:00.000Z'), zone)).toBe('2027-01-01');
    expect(localDate(new Date('2026-12-31T17:59:59.500Z'), zone)).toBe('2026-12-31');
  });
});
