import { parsingFirst } from '../parsing';
import { contextOn, DEFAULT_CONTEXT, DeciderSpecification } from '../testing/decider-specification';
import { COUNTY, TOWNSHIP, AGRICULTURE } from '../testing/sample-data';
import type { DecideRecallRequest, FileRecallRequest, RecallCommand } from './commands';
import { recallDecider } from './decider';
import type { RecallEvent } from './events';
import { parseRecallCommand } from './parse';
import { pendingRecallRequest } from './state';

/** The recall as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(recallDecider, parseRecallCommand));

const HANDOVER = 'handover-cf-sc-0006-xiping';
const DUTY = 'ZR-NY-0012'; // 动物防疫检疫 (animal quarantine)
const REASON = '街道无持证动物检疫员，无法承接';
const FILED_AT = DEFAULT_CONTEXT.now;
const DECIDED = contextOn('2025-03-10');

const fileHandover = (overrides: Partial<FileRecallRequest['data']> = {}): RecallCommand => ({
  type: 'FileRecallRequest',
  data: {
    requestId: 'recall-1',
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    handoverId: HANDOVER,
    handoverStatus: 'accepted',
    reason: REASON,
    filedBy: 'user-xiping',
    ...overrides,
  },
});
const fileDuty = (overrides: Partial<FileRecallRequest['data']> = {}): RecallCommand => ({
  type: 'FileRecallRequest',
  data: {
    requestId: 'recall-1',
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    dutyCode: DUTY,
    dutyStanding: 'basic',
    reason: REASON,
    filedBy: 'user-xiping',
    ...overrides,
  },
});
const requested = (item: { handoverId: string } | { dutyCode: string }, requestId = 'recall-1'): RecallEvent => ({
  type: 'RecallRequested',
  data: { requestId, countyId: COUNTY, townshipId: TOWNSHIP, ...item, reason: REASON, filedBy: 'user-xiping', filedAt: FILED_AT },
});
const decideCommand = (overrides: Partial<DecideRecallRequest['data']> = {}): RecallCommand => ({
  type: 'DecideRecallRequest',
  data: {
    requestId: 'recall-1',
    approved: true,
    reason: '近两年无办件，同意收回',
    decisionRef: '沾编办〔2025〕7号',
    decidedBy: 'county-admin',
    ...overrides,
  },
});
const rejected = (requestId = 'recall-1'): RecallEvent => ({
  type: 'RecallRejected',
  data: { requestId, reason: '先补齐培训再议', decidedBy: 'county-admin', decidedAt: DECIDED.now },
});

describe('recall request', () => {
  describe('FileRecallRequest', () => {
    it('files a request to hand a handed power back, pending the county office', () => {
      const state = spec
        .given([])
        .when(fileHandover())
        .then([requested({ handoverId: HANDOVER })]);
      expect(pendingRecallRequest(state)).toMatchObject({ requestId: 'recall-1', status: 'pending', decision: null });
    });

    it('files a request to hand a duty of the list back', () => {
      spec
        .given([])
        .when(fileDuty())
        .then([requested({ dutyCode: DUTY })]);
    });

    it('records the instant of filing from the context, not from the command', () => {
      const state = spec.given([]).when(fileHandover(), DECIDED).thenState({ status: 'filed' });
      expect(pendingRecallRequest(state)?.filedAt).toBe(DECIDED.now);
    });

    it('refuses a second request for the item while one is pending (one pending request per township and item)', () => {
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(fileHandover({ requestId: 'recall-2' }))
        .thenFails({ kind: 'rule', code: 'recall-request-pending' });
    });

    it('files a new request once the earlier one was rejected', () => {
      const state = spec
        .given([requested({ handoverId: HANDOVER }), rejected()])
        .when(fileHandover({ requestId: 'recall-2' }))
        .then([requested({ handoverId: HANDOVER }, 'recall-2')]);
      expect(state).toMatchObject({ requests: [{ status: 'rejected' }, { requestId: 'recall-2', status: 'pending' }] });
    });

    it('takes a redelivered filing as already on record', () => {
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(fileHandover())
        .thenNothing();
    });

    it('refuses to ask back a handover already revoked', () => {
      spec
        .given([])
        .when(fileHandover({ handoverStatus: 'revoked' }))
        .thenFails({ kind: 'rule', code: 'handover-revoked' });
    });

    it('refuses a handover the township does not have, naming handoverId', () => {
      spec
        .given([])
        .when(fileHandover({ handoverStatus: 'none' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'handoverId' }] });
    });

    it('refuses a duty not on the township list, naming dutyCode', () => {
      spec
        .given([])
        .when(fileDuty({ dutyStanding: 'absent' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'dutyCode' }] });
    });

    it('refuses a duty already returned', () => {
      spec
        .given([])
        .when(fileDuty({ dutyStanding: 'returned' }))
        .thenFails({ kind: 'rule', code: 'duty-already-returned' });
    });

    it.each(['basic', 'assisting'] as const)('asks back a %s duty', (dutyStanding) => {
      spec
        .given([])
        .when(fileDuty({ dutyStanding }))
        .then([requested({ dutyCode: DUTY })]);
    });
  });

  describe('DecideRecallRequest', () => {
    it('approves a handover recall with its reason and decision reference', () => {
      const state = spec
        .given([requested({ handoverId: HANDOVER })])
        .when(decideCommand(), DECIDED)
        .then([
          {
            type: 'RecallApproved',
            data: {
              requestId: 'recall-1',
              reason: '近两年无办件，同意收回',
              decisionRef: '沾编办〔2025〕7号',
              decidedBy: 'county-admin',
              decidedAt: DECIDED.now,
            },
          },
        ]);
      expect(state).toMatchObject({ requests: [{ status: 'approved', decision: { decisionRef: '沾编办〔2025〕7号' } }] });
      expect(pendingRecallRequest(state)).toBeUndefined();
    });

    it('approves a duty recall naming the department that takes it back', () => {
      spec
        .given([requested({ dutyCode: DUTY })])
        .when(decideCommand({ department: AGRICULTURE }), DECIDED)
        .then([
          {
            type: 'RecallApproved',
            data: {
              requestId: 'recall-1',
              reason: '近两年无办件，同意收回',
              decisionRef: '沾编办〔2025〕7号',
              department: AGRICULTURE,
              decidedBy: 'county-admin',
              decidedAt: DECIDED.now,
            },
          },
        ]);
    });

    it('refuses to approve a duty recall without a department to take it, naming department', () => {
      spec
        .given([requested({ dutyCode: DUTY })])
        .when(decideCommand())
        .thenFails({ kind: 'invalid', errors: [{ field: 'department' }] });
    });

    it('rejects with a reason; no decision reference needed', () => {
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(decideCommand({ approved: false, reason: '先补齐培训再议', decisionRef: undefined }), DECIDED)
        .then([rejected()]);
    });

    it.each([
      ['approved', true],
      ['rejected', false],
    ])('refuses a second decision on a request already %s', (_status, approved) => {
      const first: RecallEvent = approved
        ? { type: 'RecallApproved', data: { requestId: 'recall-1', reason: 'r', decisionRef: 'd', decidedBy: 'a', decidedAt: FILED_AT } }
        : rejected();
      spec
        .given([requested({ handoverId: HANDOVER }), first])
        .when(decideCommand({ approved: !approved }))
        .thenFails({ kind: 'rule', code: 'recall-request-decided' });
    });

    it('does not know a request that was never filed', () => {
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(decideCommand({ requestId: 'recall-9' }))
        .thenFails({ kind: 'not-found' });
      spec.given([]).when(decideCommand()).thenFails({ kind: 'not-found' });
    });
  });

  describe('parsing', () => {
    it('refuses naming both a handover and a duty, naming both fields', () => {
      spec
        .given([])
        .when(fileHandover({ dutyCode: DUTY, dutyStanding: 'basic' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'handoverId' }, { field: 'dutyCode' }] });
    });

    it('refuses naming neither, naming handoverId', () => {
      spec
        .given([])
        .when(fileHandover({ handoverId: undefined }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'handoverId' }] });
    });

    it('names every bad field of a filing at once', () => {
      spec
        .given([])
        .when(fileHandover({ requestId: '', townshipId: 7 as never, reason: '   ', filedBy: '', handoverStatus: 'lost' as never }))
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'requestId' }, { field: 'townshipId' }, { field: 'reason' }, { field: 'filedBy' }, { field: 'handoverStatus' }],
        });
    });

    it('refuses a reason of only whitespace and a reason too long', () => {
      spec
        .given([])
        .when(fileDuty({ reason: ' \n\t ' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason', message: 'must not be blank' }] });
      spec
        .given([])
        .when(fileDuty({ reason: '理'.repeat(501) }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason', message: 'must be at most 500 characters' }] });
    });

    it('names every bad field of a decision at once; an approval needs its decision reference', () => {
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(decideCommand({ requestId: '', approved: 'yes' as never, reason: '', decidedBy: '' }))
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'requestId' }, { field: 'approved' }, { field: 'reason' }, { field: 'decidedBy' }],
        });
      spec
        .given([requested({ handoverId: HANDOVER })])
        .when(decideCommand({ decisionRef: '  ' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'decisionRef' }] });
    });
  });
});
