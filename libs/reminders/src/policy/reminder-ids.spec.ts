import {
  certificateReminderId,
  deliveryJobId,
  gapReminderId,
  gapsClosedReminderId,
  gapUpdateReminderId,
  handoverRecordedReminderId,
  safeId,
  unansweredReminderId,
} from './reminder-ids';

const handoverId = '3f1c2a9e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';

describe('reminder ids', () => {
  it('are deterministic and free of ":" (BullMQ custom ids)', () => {
    const step = { handoverId, episode: 2, step: 3 };
    expect(gapReminderId(step)).toBe(`gap.${handoverId}.2.3`);
    expect(gapReminderId({ ...step })).toBe(gapReminderId(step));
    expect(gapReminderId({ ...step, episode: 3 })).not.toBe(gapReminderId(step));
    expect(gapUpdateReminderId(handoverId, 2, 'r7')).toBe(`gap.${handoverId}.2.update.r7`);
    expect(gapUpdateReminderId(handoverId, 2, 'after-1767225600000')).toBe(`gap.${handoverId}.2.update.after-1767225600000`);
    expect(handoverRecordedReminderId(handoverId)).toBe(`unanswered.${handoverId}.recorded`);
    expect(gapsClosedReminderId(handoverId, 2)).toBe(`closed.${handoverId}.2`);
    expect(unansweredReminderId(handoverId, 14)).toBe(`unanswered.${handoverId}.14`);
    // The township's notice at recording is an unanswered reminder apart from every threshold's.
    expect([14, 3, 0].map((days) => unansweredReminderId(handoverId, days))).not.toContain(handoverRecordedReminderId(handoverId));
    expect(certificateReminderId(handoverId, 'o-1', '2026-01-31', 30)).toBe(`certificate.${handoverId}.o-1.2026-01-31.30`);
  });

  it('gives each e-mail address its own delivery job', () => {
    const a = deliveryJobId('gap.x.1.1.f.0', 'email', 'a@example.org');
    expect(a).toMatch(/^email\.[0-9a-f]{16}\.gap\.x\.1\.1\.f\.0$/);
    expect(deliveryJobId('gap.x.1.1.f.0', 'email', 'b@example.org')).not.toBe(a);
  });

  it('refuses what BullMQ would refuse', () => {
    expect(() => safeId('a:b')).toThrow(RangeError);
    expect(() => safeId('42')).toThrow(RangeError);
  });
});
