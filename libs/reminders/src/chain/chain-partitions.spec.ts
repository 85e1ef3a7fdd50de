import { randomUUID } from 'node:crypto';
import { ALL_PARTITIONS, partitionOf, partitionSubscription, REMINDER_PARTITIONS } from './chain-partitions';

describe('chain partitions', () => {
  it('puts a handover in the same partition every time, by the first byte of its id’s MD5', () => {
    // md5('a') = 0cc175b9…: first byte 0x0c = 12.
    expect(partitionOf('a', 2)).toBe(0);
    expect(partitionOf('a', 5)).toBe(2);
    // md5('b') = 92eb5ffe…: first byte 0x92 = 146.
    expect(partitionOf('b', 4)).toBe(2);
    const id = randomUUID();
    expect(partitionOf(id)).toBe(partitionOf(id));
  });

  it('spreads handovers over every partition', () => {
    const counts = new Array<number>(REMINDER_PARTITIONS).fill(0);
    for (let i = 0; i < 2000; i += 1) counts[partitionOf(randomUUID())]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(2000 / REMINDER_PARTITIONS / 2);
  });

  it('names one subscription per partition, the first keeping the name it had before partitions', () => {
    expect(ALL_PARTITIONS.map(partitionSubscription)).toEqual([
      'reminders',
      ...Array.from({ length: REMINDER_PARTITIONS - 1 }, (_, i) => `reminders.${i + 1}`),
    ]);
  });
});
