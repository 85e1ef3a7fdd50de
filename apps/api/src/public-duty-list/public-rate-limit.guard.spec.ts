import { AddressWindows } from './public-rate-limit.guard';

describe('AddressWindows (the public endpoints rate limit)', () => {
  const minute = 60_000;
  const start = 100 * minute;

  it('lets each address make `limit` requests a minute, then says how many seconds are left of the minute', () => {
    const windows = new AddressWindows(2);
    expect(windows.take('10.0.0.1', start)).toBe(0);
    expect(windows.take('10.0.0.1', start + 1_000)).toBe(0);
    expect(windows.take('10.0.0.1', start + 15_500)).toBe(45);
    // Another address has its own allowance.
    expect(windows.take('10.0.0.2', start + 16_000)).toBe(0);
  });

  it('starts counting afresh in the next minute', () => {
    const windows = new AddressWindows(1);
    expect(windows.take('10.0.0.1', start + 59_000)).toBe(0);
    expect(windows.take('10.0.0.1', start + 59_900)).toBe(1);
    expect(windows.take('10.0.0.1', start + minute)).toBe(0);
  });
});
