import { LABEL_MAX, LIST_MAX, TEXT_MAX } from '../limits';
import {
  parseAcceptHandover,
  parseAmendCommitments,
  parseContestHandover,
  parseHandoverCommand,
  parseRecordHandover,
  parseRecordReminderSent,
  parseRevokeHandover,
} from './parse';

const record = {
  handoverId: 'handover-1',
  countyId: 'county-zhanyi',
  powerCode: 'CF-SC-0006',
  powerCategory: 'penalty',
  teamId: 'team-xiping',
  townshipId: 'township-xiping',
  department: '市场监管局',
  mode: 'transfer',
  instrument: '  沾政发〔2025〕12号 ',
  effectiveOn: '2025-04-01',
};
const gap = { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: '市场监管局' };

const fields = (result: { ok: boolean; error?: Array<{ field: string }> }): string[] =>
  result.ok ? [] : result.error!.map((e) => e.field);

describe('parsing handover commands', () => {
  it('parses a recording, trimming text and counting missing commitments as empty', () => {
    expect(parseRecordHandover(record)).toEqual({
      ok: true,
      value: {
        type: 'RecordHandover',
        data: { ...record, instrument: '沾政发〔2025〕12号', committed: { officers: [], equipment: [], training: [] } },
      },
    });
  });

  it('names every bad field of a recording, within the limits the API states', () => {
    const result = parseRecordHandover({
      ...record,
      powerCategory: 'fine',
      mode: 'delegation',
      instrument: 'x'.repeat(TEXT_MAX + 1),
      department: 'x'.repeat(LABEL_MAX + 1),
      effectiveOn: '2025-02-30',
      endsOn: 'soon',
      committed: { equipment: Array.from({ length: LIST_MAX + 1 }, (_, index) => ({ kind: `kind-${index}`, quantity: 1 })) },
    });
    expect(fields(result)).toEqual(['powerCategory', 'department', 'mode', 'instrument', 'effectiveOn', 'endsOn', 'committed.equipment']);
    expect(result).toMatchObject({
      ok: false,
      error: expect.arrayContaining([{ field: 'instrument', message: `must be at most ${TEXT_MAX} characters` }]),
    });
  });

  it('names every field of something that is not a recording at all', () => {
    expect(fields(parseRecordHandover(null))).toEqual([
      'handoverId',
      'countyId',
      'powerCode',
      'powerCategory',
      'teamId',
      'townshipId',
      'department',
      'mode',
      'instrument',
      'effectiveOn',
    ]);
  });

  it('leaves the entrustment term and art. 17 to decide: an entrusted coercive measure without an end date parses', () => {
    expect(parseRecordHandover({ ...record, powerCategory: 'coercion', mode: 'entrustment' }).ok).toBe(true);
  });

  it('parses an acceptance: not conditional by default, a blank reason is no reason, gaps checked for shape', () => {
    expect(parseAcceptHandover({ reason: '   ', gaps: [gap] })).toEqual({
      ok: true,
      value: { type: 'AcceptHandover', data: { conditional: false, gaps: [gap] } },
    });
    expect(fields(parseAcceptHandover({ conditional: 'yes', gaps: [{ ...gap, resource: 'money', missing: 0 }] }))).toEqual([
      'conditional',
      'gaps[0].resource',
      'gaps[0].missing',
    ]);
  });

  it('needs a reason to contest and to revoke', () => {
    expect(parseContestHandover({ reason: ' 缺少执法记录仪 ', gaps: [] })).toEqual({
      ok: true,
      value: { type: 'ContestHandover', data: { reason: '缺少执法记录仪', gaps: [] } },
    });
    expect(fields(parseContestHandover({ reason: '', gaps: 'none' }))).toEqual(['reason', 'gaps']);
    expect(fields(parseRevokeHandover({}))).toEqual(['reason']);
    expect(parseRevokeHandover({ reason: '收回' })).toEqual({ ok: true, value: { type: 'RevokeHandover', data: { reason: '收回' } } });
  });

  it('parses amended commitments, refusing duplicates and numbers out of range', () => {
    const officer = { name: '王强', certificateNumber: '53030021000103', certificateExpiresOn: '2028-03-31' };
    expect(
      fields(
        parseAmendCommitments({
          committed: {
            officers: [officer, officer],
            equipment: [{ kind: 'body-camera', quantity: 100_001 }],
            training: [{ course: '执法实务', hours: 10_001, scheduledOn: '2025-03-20' }],
            budgetYuan: 2e12,
          },
        }),
      ),
    ).toEqual([
      'committed.officers[1].certificateNumber',
      'committed.equipment[0].quantity',
      'committed.training[0].hours',
      'committed.budgetYuan',
    ]);
    expect(fields(parseAmendCommitments({ committed: [] }))).toEqual(['committed']);
  });

  it('parses a reminder sent, which names at least one recipient', () => {
    expect(parseRecordReminderSent({ reminderId: 'r-1', kind: 'gap', step: 0, recipients: ['zy.sc'] })).toEqual({
      ok: true,
      value: { type: 'RecordReminderSent', data: { reminderId: 'r-1', kind: 'gap', step: 0, recipients: ['zy.sc'] } },
    });
    expect(fields(parseRecordReminderSent({ reminderId: 'r-1', kind: 'nag', step: -1, recipients: [] }))).toEqual([
      'kind',
      'step',
      'recipients',
    ]);
  });

  it('dispatches each command to its parser', () => {
    expect(parseHandoverCommand({ type: 'ActivateHandover', data: {} })).toEqual({
      ok: true,
      value: { type: 'ActivateHandover', data: {} },
    });
    expect(parseHandoverCommand({ type: 'RevokeHandover', data: { reason: ' ' } })).toMatchObject({
      ok: false,
      error: [{ field: 'reason' }],
    });
  });
});
