import type { HandoverCommand, RecordUsage } from './commands';
import type { HandoverEvent } from './events';
import { handoverDecider } from './decider';
import { handoverStatusAfter } from './evolve';
import { parseHandoverCommand, parseRecordUsage, UsageFieldCodes } from './parse';
import { parsingFirst } from '../parsing';
import { CASES_MAX } from '../limits';
import { contextOn, DeciderSpecification } from '../testing/decider-specification';
import { COUNTY, MARKET_REGULATION, TEAM, TOWNSHIP } from '../testing/sample-data';

/** Usage (办件量) as the ledger runs it: parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(handoverDecider, parseHandoverCommand));

/** Recorded on 12 March 2025; today is 20 June 2025. */
const RECORDED_ON = '2025-03-12';
const TODAY = contextOn('2025-06-20');

const recorded: HandoverEvent = {
  type: 'HandoverRecorded',
  data: {
    handoverId: 'handover-cf-sc-0006-xiping',
    countyId: COUNTY,
    powerCode: 'CF-SC-0006',
    powerCategory: 'penalty',
    teamId: TEAM,
    townshipId: TOWNSHIP,
    department: MARKET_REGULATION,
    mode: 'transfer',
    instrument: '沾政发〔2025〕12号',
    effectiveOn: '2025-04-01',
    committed: { officers: [], equipment: [], training: [] },
  },
};
const revoked: HandoverEvent = { type: 'HandoverRevoked', data: { reason: '收回', previousStatus: 'recorded' } };

const usage = (month: string, cases: unknown, more: Partial<RecordUsage['data']> = {}): HandoverCommand => ({
  type: 'RecordUsage',
  data: { month, cases: cases as number, recordedOn: RECORDED_ON, ...more },
});
const usageRecorded = (month: string, cases: number, previousCases: number | null = null): HandoverEvent => ({
  type: 'HandoverUsageRecorded',
  data: { month, cases, previousCases },
});
const outOfRange = { field: 'month', code: UsageFieldCodes.monthOutOfRange };

describe('RecordUsage (办件量)', () => {
  it('records the cases of a month, kept per month in the state', () => {
    const state = spec
      .given([recorded])
      .when(usage('2025-04', 17), TODAY)
      .then([usageRecorded('2025-04', 17)]);
    expect(state).toMatchObject({ status: 'recorded', usage: { '2025-04': 17 } });
  });

  it('takes the month the handover was recorded in and the current month, and zero cases', () => {
    spec
      .given([recorded])
      .when(usage('2025-03', 0), TODAY)
      .then([usageRecorded('2025-03', 0)]);
    spec
      .given([recorded])
      .when(usage('2025-06', 3), TODAY)
      .then([usageRecorded('2025-06', 3)]);
    spec
      .given([recorded])
      .when(usage('2025-06', CASES_MAX), TODAY)
      .then([usageRecorded('2025-06', CASES_MAX)]);
  });

  it('is idempotent: the figure standing for the month writes nothing', () => {
    spec
      .given([recorded, usageRecorded('2025-04', 17), usageRecorded('2025-05', 4)])
      .when(usage('2025-04', 17), TODAY)
      .thenNothing();
  });

  it('lets another figure stand instead of the last, naming the one it replaces', () => {
    const state = spec
      .given([recorded, usageRecorded('2025-04', 17), usageRecorded('2025-04', 12, 17)])
      .when(usage('2025-04', 19), TODAY)
      .then([usageRecorded('2025-04', 19, 12)]);
    expect(state).toMatchObject({ usage: { '2025-04': 19 } });
  });

  it('refuses a month before the one the handover was recorded in', () => {
    spec
      .given([recorded])
      .when(usage('2025-02', 5), TODAY)
      .thenFails({ kind: 'invalid', errors: [{ ...outOfRange, message: expect.stringContaining('2025-03') }] });
  });

  it('refuses a month after the current one', () => {
    spec
      .given([recorded])
      .when(usage('2025-07', 5), TODAY)
      .thenFails({ kind: 'invalid', errors: [{ ...outOfRange, message: expect.stringContaining('2025-06') }] });
  });

  it('takes a revoked handover’s figures up to the month of its revocation, not after', () => {
    spec
      .given([recorded, revoked])
      .when(usage('2025-05', 2, { revokedOn: '2025-05-31' }), TODAY)
      .then([usageRecorded('2025-05', 2)]);
    spec
      .given([recorded, revoked])
      .when(usage('2025-06', 2, { revokedOn: '2025-05-31' }), TODAY)
      .thenFails({ kind: 'invalid', errors: [{ ...outOfRange, message: expect.stringContaining('revoked') }] });
  });

  it('refuses a revoked handover when the date of its revocation is not given', () => {
    spec.given([recorded, revoked]).when(usage('2025-05', 2), TODAY).thenFails({ kind: 'rule', code: 'handover-revoked' });
  });

  it('names each bad field', () => {
    spec
      .given([recorded])
      .when(usage('2025-4', -1), TODAY)
      .thenFails({
        kind: 'invalid',
        errors: [
          { field: 'month', code: UsageFieldCodes.notAMonth },
          { field: 'cases', message: 'must be at least 0' },
        ],
      });
    spec
      .given([recorded])
      .when(usage('2025-04', CASES_MAX + 1), TODAY)
      .thenFails({ kind: 'invalid', errors: [{ field: 'cases', message: `must be at most ${CASES_MAX}` }] });
    spec
      .given([recorded])
      .when(usage('2025-04', 2.5), TODAY)
      .thenFails({ kind: 'invalid', errors: [{ field: 'cases', message: 'must be a whole number' }] });
  });

  it('does not know a handover that was never recorded', () => {
    spec.given([]).when(usage('2025-04', 1), TODAY).thenFails({ kind: 'not-found' });
  });

  it('leaves the status alone', () => {
    expect(handoverStatusAfter('active', usageRecorded('2025-04', 1))).toBe('active');
  });
});

describe('parsing RecordUsage', () => {
  const fields = (input: unknown): string[] => {
    const result = parseRecordUsage(input);
    return result.ok ? [] : result.error.map((error) => error.field);
  };

  it('parses a month, a whole number of cases and the dates from the stream', () => {
    expect(parseRecordUsage({ month: '2025-04', cases: 0, recordedOn: RECORDED_ON, revokedOn: '2025-05-31' })).toEqual({
      ok: true,
      value: { type: 'RecordUsage', data: { month: '2025-04', cases: 0, recordedOn: RECORDED_ON, revokedOn: '2025-05-31' } },
    });
  });

  it.each([
    ['2025-13', 'month'],
    ['2025-00', 'month'],
    ['2025-4', 'month'],
    ['2025-04-01', 'month'],
    ['0999-01', 'month'],
    [202504, 'month'],
    [undefined, 'month'],
  ])('refuses the month %s', (month, field) => {
    expect(fields({ month, cases: 1, recordedOn: RECORDED_ON })).toEqual([field]);
  });

  it.each([[-1], [1.5], ['3'], [null], [undefined], [Number.NaN], [CASES_MAX + 1]])('refuses %s cases', (cases) => {
    expect(fields({ month: '2025-04', cases, recordedOn: RECORDED_ON })).toEqual(['cases']);
  });

  it('needs the date the handover was recorded on', () => {
    expect(fields({ month: '2025-04', cases: 1 })).toEqual(['recordedOn']);
    expect(fields(null)).toEqual(['month', 'cases', 'recordedOn']);
  });
});
