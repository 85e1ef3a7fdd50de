import { UnrecoverableError } from 'bullmq';
import { parseDeliveryJob, parseReminderJob, parseSweep } from './job-data';

describe('job data', () => {
  it('reads a well-formed reminder job', () => {
    const data = { kind: 'gap', handoverId: 'h-1', episode: 1, revision: 2, step: 0 };
    expect(parseReminderJob('gap', data)).toEqual(data);
    const update = { kind: 'gap-update', handoverId: 'h-1', episode: 1, revision: 3, after: '2026-03-01T02:00:00.000Z' };
    expect(parseReminderJob('gap-update', update)).toEqual(update);
    expect(parseReminderJob('handover-recorded', { kind: 'handover-recorded', handoverId: 'h-1' })).toEqual({
      kind: 'handover-recorded',
      handoverId: 'h-1',
    });
    expect(
      parseReminderJob('unanswered', { kind: 'unanswered', handoverId: 'h', effectiveOn: '2026-07-01', daysBefore: 14 }),
    ).toMatchObject({ daysBefore: 14 });
  });

  it('fails malformed data at once, naming what is wrong', () => {
    expect(() => parseReminderJob('gap', 'garbage')).toThrow(UnrecoverableError);
    expect(() => parseReminderJob('gap', { kind: 'gap', handoverId: 'h', episode: 0, revision: 1, fingerprint: 'f', step: 0 })).toThrow(
      /episode must be a whole number from 1/,
    );
    expect(() => parseReminderJob('gap', { kind: 'unanswered', handoverId: 'h' })).toThrow(/does not match the job name/);
    expect(() => parseReminderJob('x', { kind: 'x', handoverId: 'h' })).toThrow(/unknown kind/);
    expect(() =>
      parseReminderJob('gap-update', { kind: 'gap-update', handoverId: 'h', episode: 1, revision: 1, after: 'yesterday' }),
    ).toThrow(/after must be an ISO-8601 time/);
    expect(() => parseReminderJob('unanswered', { kind: 'unanswered', handoverId: 'h', effectiveOn: '2026-02-30', daysBefore: 3 })).toThrow(
      /effectiveOn/,
    );
    expect(() => parseDeliveryJob({ reminderId: 'r', channel: 'sms', recipient: 'x' })).toThrow(/channel/);
    expect(() => parseDeliveryJob({ reminderId: 'r', channel: 'inbox', recipient: 'x' })).toThrow(/channel/);
    expect(parseDeliveryJob({ reminderId: 'r', channel: 'wecom', recipient: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' })).toEqual({
      reminderId: 'r',
      channel: 'wecom',
      recipient: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
    });
    expect(() => parseSweep({ sweep: 'everything' })).toThrow(/unknown sweep/);
  });
});
