import { dueThreshold } from './notice-thresholds';

describe('dueThreshold', () => {
  it('is the most urgent threshold reached, until the date has passed', () => {
    expect(dueThreshold(20, [14, 3])).toBeUndefined();
    expect(dueThreshold(14, [14, 3])).toBe(14);
    expect(dueThreshold(5, [14, 3])).toBe(14);
    expect(dueThreshold(3, [14, 3])).toBe(3);
    expect(dueThreshold(0, [14, 3])).toBe(3);
    expect(dueThreshold(-1, [14, 3])).toBeUndefined();
  });

  it('sends the 180-day certificate notice, then the 30-day one', () => {
    expect(dueThreshold(181, [180, 30])).toBeUndefined();
    expect(dueThreshold(100, [180, 30])).toBe(180);
    expect(dueThreshold(30, [180, 30])).toBe(30);
  });
});
