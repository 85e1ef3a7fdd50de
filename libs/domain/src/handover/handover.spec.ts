import type { HandoverCommand, RecordHandover } from './commands';
import type { HandoverEvent, HandoverRecorded } from './events';
import { handoverDecider } from './decider';
import { handoverStatusAfter } from './evolve';
import { parseHandoverCommand } from './parse';
import { parsingFirst } from '../parsing';
import { isOpenHandover, type HandoverState, type HandoverStatus } from './state';
import { contextOn, DeciderSpecification } from '../testing/decider-specification';
import { COUNTY, MARKET_REGULATION, TEAM, TOWNSHIP } from '../testing/sample-data';
import { evolveAll } from '../decider';
import type { Gap } from '../readiness/readiness';
import type { Commitments } from '../resources';

/** The handover as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(handoverDecider, parseHandoverCommand));

const BEFORE_EFFECTIVE = contextOn('2025-03-01');
const EFFECTIVE_DAY = contextOn('2025-04-01');
const AFTER_EFFECTIVE = contextOn('2025-04-15');

const promised = (): Commitments => ({
  officers: [{ name: '王强', certificateNumber: '53030021000103', certificateExpiresOn: '2028-03-31' }],
  equipment: [{ kind: 'body-camera', quantity: 2 }],
  training: [{ course: '无证无照经营查处', hours: 8, scheduledOn: '2025-03-20' }],
  budgetYuan: 50000,
});

/** 对无照经营的处罚 (CF-SC-0006), transferred by 市场监管局 to 西平街道. */
const recordData = (overrides: Partial<RecordHandover['data']> = {}): RecordHandover['data'] => ({
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
  committed: promised(),
  ...overrides,
});

const record = (overrides: Partial<RecordHandover['data']> = {}): HandoverCommand => ({
  type: 'RecordHandover',
  data: recordData(overrides),
});
const recorded = (overrides: Partial<HandoverRecorded['data']> = {}): HandoverEvent => ({
  type: 'HandoverRecorded',
  data: recordData(overrides),
});

const gaps: Gap[] = [
  { resource: 'officers', item: 'certified-officer', required: 2, available: 1, missing: 1, responsible: MARKET_REGULATION },
  { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: MARKET_REGULATION },
];

const accept = (conditional: boolean, gapList: Gap[] = [], reason?: string): HandoverCommand => ({
  type: 'AcceptHandover',
  data: reason === undefined ? { conditional, gaps: gapList } : { conditional, reason, gaps: gapList },
});
const accepted = (conditional = false, gapList: Gap[] = [], reason?: string): HandoverEvent => ({
  type: 'HandoverAccepted',
  data: reason === undefined ? { conditional, gaps: gapList } : { conditional, reason, gaps: gapList },
});
const activated = (activatedOn: string): HandoverEvent => ({ type: 'HandoverActivated', data: { activatedOn } });
const contested = (reason: string, gapList: Gap[] = gaps): HandoverEvent => ({
  type: 'HandoverContested',
  data: { reason, gaps: gapList },
});
const revoked = (reason: string, previousStatus: 'recorded' | 'accepted' | 'contested' | 'active'): HandoverEvent => ({
  type: 'HandoverRevoked',
  data: { reason, previousStatus },
});
const reminder = (reminderId: string, step = 0): HandoverCommand => ({
  type: 'RecordReminderSent',
  data: { reminderId, kind: 'gap', step, recipients: ['user-market-regulation'], gaps },
});
const reminderSent = (reminderId: string, step = 0): HandoverEvent => ({
  type: 'ReminderSent',
  data: { reminderId, kind: 'gap', step, recipients: ['user-market-regulation'], gaps },
});

const CONTEST_REASON = '队伍仅有一名持证执法人员，执法记录仪尚未配发';

describe('handover', () => {
  describe('RecordHandover', () => {
    it('records a transfer with the resources committed to it', () => {
      const state = spec.given([]).when(record()).then([recorded()]);
      expect(state).toMatchObject({ status: 'recorded', mode: 'transfer', acceptance: null, sentReminderIds: [] });
      expect(isOpenHandover(state)).toBe(true);
    });

    it('records an entrustment with its end date', () => {
      spec
        .given([])
        .when(record({ mode: 'entrustment', endsOn: '2027-12-31' }))
        .then([recorded({ mode: 'entrustment', endsOn: '2027-12-31' })]);
    });

    it('records a handover without resources (missing lists count as empty)', () => {
      spec
        .given([])
        .when(record({ committed: { officers: [] } as unknown as Commitments }))
        .then([recorded({ committed: { officers: [], equipment: [], training: [] } })]);
    });

    it('refuses an entrustment without an end date', () => {
      spec
        .given([])
        .when(record({ mode: 'entrustment' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'endsOn', message: 'is required for an entrustment' }] });
    });

    it.each(['2025-04-01', '2025-03-31'])('refuses an entrustment ending on %s, not after the effective date', (endsOn) => {
      spec
        .given([])
        .when(record({ mode: 'entrustment', endsOn }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'endsOn', message: 'must be after effectiveOn' }] });
    });

    it('refuses an end date on a transfer', () => {
      spec
        .given([])
        .when(record({ endsOn: '2027-12-31' }))
        .thenFails({ kind: 'invalid', errors: [{ field: 'endsOn', message: 'only an entrustment has an end date' }] });
    });

    it('refuses to entrust a coercive measure (Administrative Compulsion Law art. 17)', () => {
      const error = spec
        .given([])
        .when(record({ powerCode: 'QZ-SC-0005', powerCategory: 'coercion', mode: 'entrustment', endsOn: '2027-12-31' }))
        .thenFails({ kind: 'rule', code: 'coercion-cannot-be-entrusted' });
      expect(error).toMatchObject({ detail: expect.stringContaining('art. 17') });
    });

    it('refuses to entrust a coercive measure even before the other fields are right', () => {
      spec
        .given([])
        .when(record({ powerCode: 'QZ-SC-0005', powerCategory: 'coercion', mode: 'entrustment' }))
        .thenFails({ kind: 'rule', code: 'coercion-cannot-be-entrusted' });
    });

    it('transfers a coercive measure', () => {
      spec
        .given([])
        .when(record({ powerCode: 'QZ-SC-0005', powerCategory: 'coercion' }))
        .then([recorded({ powerCode: 'QZ-SC-0005', powerCategory: 'coercion' })]);
    });

    it('names every bad field at once', () => {
      spec
        .given([])
        .when(
          record({
            teamId: '',
            mode: 'delegation' as never,
            instrument: '  ',
            effectiveOn: '2025-13-01',
            committed: {
              officers: [{ name: '', certificateNumber: '53030021000103', certificateExpiresOn: 'soon' }],
              equipment: [{ kind: 'body-camera', quantity: 0 }],
              training: [{ course: '无证无照经营查处', hours: -8, scheduledOn: '2025-03-20' }],
              budgetYuan: -1,
            },
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'teamId' },
            { field: 'mode' },
            { field: 'instrument' },
            { field: 'effectiveOn' },
            { field: 'committed.officers[0].name' },
            { field: 'committed.officers[0].certificateExpiresOn' },
            { field: 'committed.equipment[0].quantity' },
            { field: 'committed.training[0].hours' },
            { field: 'committed.budgetYuan' },
          ],
        });
    });

    it('refuses duplicate committed equipment kinds and officers', () => {
      const officer = { name: '王强', certificateNumber: '53030021000103', certificateExpiresOn: '2028-03-31' };
      spec
        .given([])
        .when(
          record({
            committed: {
              officers: [officer, { ...officer, name: '王 强' }],
              equipment: [
                { kind: 'body-camera', quantity: 1 },
                { kind: 'body-camera', quantity: 1 },
              ],
              training: [],
            },
          }),
        )
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'committed.officers[1].certificateNumber' }, { field: 'committed.equipment[1].kind' }],
        });
    });

    it('refuses to record the same handover twice', () => {
      spec.given([recorded()]).when(record()).thenFails({ kind: 'rule', code: 'handover-already-recorded' });
    });
  });

  describe('AcceptHandover', () => {
    it('accepts a ready handover before its effective date (the department keeps enforcing until then)', () => {
      const state = spec.given([recorded()]).when(accept(false), BEFORE_EFFECTIVE).then([accepted()]);
      expect(state).toMatchObject({ status: 'accepted', acceptance: { conditional: false, gaps: [] } });
    });

    it('accepts and activates at once on the effective date', () => {
      const state = spec
        .given([recorded()])
        .when(accept(false), EFFECTIVE_DAY)
        .then([accepted(), activated('2025-04-01')]);
      expect(state).toMatchObject({ status: 'active', activatedOn: '2025-04-01' });
    });

    it('accepts and activates at once after the effective date', () => {
      spec
        .given([recorded()])
        .when(accept(false), AFTER_EFFECTIVE)
        .then([accepted(), activated('2025-04-15')]);
    });

    it('refuses to accept a handover that is not ready, carrying the gaps', () => {
      spec.given([recorded()]).when(accept(false, gaps), BEFORE_EFFECTIVE).thenFails({ kind: 'rule', code: 'handover-not-ready', gaps });
    });

    it('accepts conditionally (有条件承接) with a written reason, recording the gaps', () => {
      const reason = '市场监管局承诺三月底前配发执法记录仪并下沉一名执法人员';
      const state = spec
        .given([recorded()])
        .when(accept(true, gaps, reason), BEFORE_EFFECTIVE)
        .then([accepted(true, gaps, reason)]);
      expect(state).toMatchObject({ status: 'accepted', acceptance: { conditional: true, reason, gaps } });
      expect(isOpenHandover(state)).toBe(true);
    });

    it.each([undefined, '   '])('refuses a conditional acceptance with reason %p', (reason) => {
      spec
        .given([recorded()])
        .when(accept(true, gaps, reason))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason', message: 'a conditional acceptance needs a written reason' }] });
    });

    it('refuses malformed gaps', () => {
      spec
        .given([recorded()])
        .when({
          type: 'AcceptHandover',
          data: {
            conditional: false,
            gaps: [{ resource: 'money', item: '', required: 1, available: 0, missing: 1, responsible: '' }] as unknown as Gap[],
          },
        })
        .thenFails({
          kind: 'invalid',
          errors: [{ field: 'gaps[0].resource' }, { field: 'gaps[0].item' }, { field: 'gaps[0].responsible' }],
        });
    });

    it.each<[string, HandoverEvent[]]>([
      ['accepted', [recorded(), accepted()]],
      ['contested', [recorded(), contested(CONTEST_REASON)]],
      ['active', [recorded(), accepted(), activated('2025-04-01')]],
    ])('refuses to accept a handover that is %s', (status, given) => {
      spec
        .given(given)
        .when(accept(false))
        .thenFails({ kind: 'rule', code: 'invalid-status', detail: expect.stringContaining(status) });
    });

    it('does not know a handover that was never recorded', () => {
      spec.given([]).when(accept(false)).thenFails({ kind: 'not-found' });
    });
  });

  describe('ContestHandover', () => {
    it('contests a recorded handover, saying what is missing', () => {
      const state = spec
        .given([recorded()])
        .when({ type: 'ContestHandover', data: { reason: CONTEST_REASON, gaps } })
        .then([contested(CONTEST_REASON)]);
      expect(state).toMatchObject({ status: 'contested', contest: { reason: CONTEST_REASON, gaps } });
    });

    it('needs a reason', () => {
      spec
        .given([recorded()])
        .when({ type: 'ContestHandover', data: { reason: '', gaps } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason' }] });
    });

    it.each<[string, HandoverEvent[]]>([
      ['accepted', [recorded(), accepted()]],
      ['contested', [recorded(), contested(CONTEST_REASON)]],
      ['active', [recorded(), accepted(), activated('2025-04-01')]],
    ])('refuses to contest a handover that is %s', (_status, given) => {
      spec
        .given(given)
        .when({ type: 'ContestHandover', data: { reason: CONTEST_REASON, gaps } })
        .thenFails({ kind: 'rule', code: 'invalid-status' });
    });
  });

  describe('AmendCommitments', () => {
    const more = (): Commitments => ({
      ...promised(),
      equipment: [
        { kind: 'body-camera', quantity: 4 },
        { kind: 'seal-strip', quantity: 100 },
      ],
    });
    const amended = (): HandoverEvent => ({
      type: 'HandoverCommitmentsAmended',
      data: { committed: more(), previousCommitted: promised() },
    });

    it('amends a recorded handover, which stays recorded', () => {
      const state = spec
        .given([recorded()])
        .when({ type: 'AmendCommitments', data: { committed: more() } })
        .then([amended()]);
      expect(state).toMatchObject({ status: 'recorded', committed: more() });
    });

    it('sends a contested handover back to recorded', () => {
      const state = spec
        .given([recorded(), contested(CONTEST_REASON)])
        .when({ type: 'AmendCommitments', data: { committed: more() } })
        .then([amended()]);
      expect(state).toMatchObject({ status: 'recorded', committed: more(), contest: { reason: CONTEST_REASON } });
    });

    it('lets the township accept once the amended handover is back to recorded', () => {
      spec
        .given([recorded(), contested(CONTEST_REASON), amended()])
        .when(accept(false))
        .then([accepted()]);
    });

    it('validates the amended commitments', () => {
      spec
        .given([recorded()])
        .when({ type: 'AmendCommitments', data: { committed: { ...more(), equipment: [{ kind: 'body-camera', quantity: 1.5 }] } } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'committed.equipment[0].quantity' }] });
    });

    it.each<[string, HandoverEvent[]]>([
      ['accepted', [recorded(), accepted()]],
      ['active', [recorded(), accepted(), activated('2025-04-01')]],
    ])('refuses to amend a handover that is %s', (_status, given) => {
      spec
        .given(given)
        .when({ type: 'AmendCommitments', data: { committed: more() } })
        .thenFails({ kind: 'rule', code: 'invalid-status' });
    });
  });

  describe('ActivateHandover', () => {
    const activate: HandoverCommand = { type: 'ActivateHandover', data: {} };

    it('activates an accepted handover on its effective date', () => {
      const state = spec
        .given([recorded(), accepted()])
        .when(activate, EFFECTIVE_DAY)
        .then([activated('2025-04-01')]);
      expect(state).toMatchObject({ status: 'active', activatedOn: '2025-04-01' });
    });

    it('activates a conditionally accepted handover too', () => {
      spec
        .given([recorded(), accepted(true, gaps, '有条件承接')])
        .when(activate, AFTER_EFFECTIVE)
        .then([activated('2025-04-15')]);
    });

    it('refuses before the effective date', () => {
      spec
        .given([recorded(), accepted()])
        .when(activate, contextOn('2025-03-31'))
        .thenFails({ kind: 'rule', code: 'handover-not-effective' });
    });

    it.each<[string, HandoverEvent[]]>([
      ['recorded', [recorded()]],
      ['contested', [recorded(), contested(CONTEST_REASON)]],
      ['active', [recorded(), accepted(), activated('2025-04-01')]],
    ])('refuses to activate a handover that is %s', (_status, given) => {
      spec.given(given).when(activate, AFTER_EFFECTIVE).thenFails({ kind: 'rule', code: 'invalid-status' });
    });

    it('does not know a handover that was never recorded', () => {
      spec.given([]).when(activate, AFTER_EFFECTIVE).thenFails({ kind: 'not-found' });
    });
  });

  describe('RevokeHandover', () => {
    const REASON = '街道执法力量不足，收回区市场监管局行使';
    const revoke: HandoverCommand = { type: 'RevokeHandover', data: { reason: REASON } };

    it.each<['recorded' | 'accepted' | 'contested' | 'active', HandoverEvent[]]>([
      ['recorded', [recorded()]],
      ['accepted', [recorded(), accepted()]],
      ['contested', [recorded(), contested(CONTEST_REASON)]],
      ['active', [recorded(), accepted(), activated('2025-04-01')]],
    ])('revokes (收回) a handover that is %s', (status, given) => {
      const state = spec
        .given(given)
        .when(revoke)
        .then([revoked(REASON, status)]);
      expect(state).toMatchObject({ status: 'revoked', revocation: { reason: REASON, previousStatus: status } });
      expect(isOpenHandover(state)).toBe(false);
    });

    it('carries out an approved recall request, stating that cases already filed stay with the unit that filed them', () => {
      const recall = {
        requestId: 'recall-1',
        requestReason: '街道无持证人员，无法承接',
        decisionRef: '沾编办〔2025〕7号',
        filedCases: 'stay-with-filing-unit' as const,
      };
      const state = spec
        .given([recorded(), accepted()])
        .when({ type: 'RevokeHandover', data: { reason: REASON, recall } })
        .then([{ type: 'HandoverRevoked', data: { reason: REASON, previousStatus: 'accepted', recall } }]);
      expect(state).toMatchObject({ status: 'revoked', revocation: { recall: { requestId: 'recall-1' } } });
    });

    it('names every bad field of the recall it carries out', () => {
      spec
        .given([recorded()])
        .when({ type: 'RevokeHandover', data: { reason: REASON, recall: { requestId: '', filedCases: 'move' } as never } })
        .thenFails({
          kind: 'invalid',
          errors: [
            { field: 'recall.requestId' },
            { field: 'recall.requestReason' },
            { field: 'recall.decisionRef' },
            { field: 'recall.filedCases' },
          ],
        });
    });

    it('needs a reason', () => {
      spec
        .given([recorded()])
        .when({ type: 'RevokeHandover', data: { reason: ' ' } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason' }] });
    });

    it('does not know a handover that was never recorded', () => {
      spec.given([]).when(revoke).thenFails({ kind: 'not-found' });
    });

    it.each<HandoverCommand>([
      { type: 'RevokeHandover', data: { reason: '再次收回' } },
      { type: 'RecordHandover', data: recordData() },
      { type: 'AcceptHandover', data: { conditional: false, gaps: [] } },
      { type: 'ContestHandover', data: { reason: CONTEST_REASON, gaps } },
      { type: 'AmendCommitments', data: { committed: promised() } },
      { type: 'ActivateHandover', data: {} },
      { type: 'RecordReminderSent', data: { reminderId: 'reminder-new', kind: 'gap', step: 1, recipients: ['user-market-regulation'] } },
    ])('refuses $type once revoked', (command) => {
      spec
        .given([recorded(), accepted(), revoked(REASON, 'accepted')])
        .when(command, AFTER_EFFECTIVE)
        .thenFails({ kind: 'rule', code: 'handover-revoked', detail: expect.stringContaining(REASON) });
    });
  });

  describe('RecordReminderSent', () => {
    it('records a reminder sent about the gaps', () => {
      const state = spec
        .given([recorded()])
        .when(reminder('reminder-1'))
        .then([reminderSent('reminder-1')]);
      expect(state).toMatchObject({ sentReminderIds: ['reminder-1'] });
    });

    it('records every kind of reminder, with or without gaps', () => {
      const command: HandoverCommand = {
        type: 'RecordReminderSent',
        data: { reminderId: 'reminder-closed', kind: 'gaps-closed', step: 0, recipients: ['user-a', 'user-b'] },
      };
      spec
        .given([recorded(), reminderSent('reminder-1')])
        .when(command)
        .then([
          { type: 'ReminderSent', data: { reminderId: 'reminder-closed', kind: 'gaps-closed', step: 0, recipients: ['user-a', 'user-b'] } },
        ]);
    });

    it('is idempotent: a reminder already on record writes nothing', () => {
      spec
        .given([recorded(), reminderSent('reminder-1'), reminderSent('reminder-2', 1)])
        .when(reminder('reminder-1'))
        .thenNothing();
    });

    it('stays idempotent for a reminder recorded before the revocation', () => {
      spec
        .given([recorded(), reminderSent('reminder-1'), revoked('收回', 'recorded')])
        .when(reminder('reminder-1'))
        .thenNothing();
    });

    it('validates kind, step and recipients', () => {
      spec
        .given([recorded()])
        .when({ type: 'RecordReminderSent', data: { reminderId: 'r', kind: 'nag' as never, step: -1, recipients: [] } })
        .thenFails({ kind: 'invalid', errors: [{ field: 'kind' }, { field: 'step' }, { field: 'recipients' }] });
    });

    it('does not know a handover that was never recorded', () => {
      spec.given([]).when(reminder('reminder-1')).thenFails({ kind: 'not-found' });
    });
  });

  describe('lifecycle', () => {
    it('folds a whole history into a JSON state', () => {
      const state: HandoverState = evolveAll(handoverDecider, handoverDecider.initialState, [
        recorded(),
        reminderSent('reminder-1'),
        contested(CONTEST_REASON),
        { type: 'HandoverCommitmentsAmended', data: { committed: promised(), previousCommitted: promised() } },
        accepted(true, gaps, '有条件承接'),
        activated('2025-04-01'),
        reminderSent('reminder-2', 1),
      ]);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      expect(state).toMatchObject({
        status: 'active',
        acceptance: { conditional: true, reason: '有条件承接' },
        contest: { reason: CONTEST_REASON },
        activatedOn: '2025-04-01',
        revocation: null,
        sentReminderIds: ['reminder-1', 'reminder-2'],
      });
    });

    it.each<{ from: Exclude<HandoverStatus, 'none'>; event: HandoverEvent; to: HandoverStatus }>([
      { from: 'recorded', event: accepted(), to: 'accepted' },
      { from: 'recorded', event: contested(CONTEST_REASON), to: 'contested' },
      {
        from: 'contested',
        event: { type: 'HandoverCommitmentsAmended', data: { committed: promised(), previousCommitted: promised() } },
        to: 'recorded',
      },
      {
        from: 'recorded',
        event: { type: 'HandoverCommitmentsAmended', data: { committed: promised(), previousCommitted: promised() } },
        to: 'recorded',
      },
      { from: 'accepted', event: activated('2025-04-01'), to: 'active' },
      { from: 'active', event: revoked('收回', 'active'), to: 'revoked' },
      { from: 'contested', event: reminderSent('reminder-1'), to: 'contested' },
    ])('takes a $from handover on $event.type to $to', ({ from, event, to }) => {
      expect(handoverStatusAfter(from, event)).toBe(to);
    });
  });
});
