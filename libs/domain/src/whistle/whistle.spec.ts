import type { DecisionContext } from '../decider';
import { parsingFirst } from '../parsing';
import { DeciderSpecification } from '../testing/decider-specification';
import type { DepartmentActor, RaiseWhistle, TownshipActor, WhistleCommand } from './commands';
import { whistleDecider } from './decider';
import type { WhistleEvaluated, WhistleEvent } from './events';
import { parseWhistleCommand } from './parse';

/** The whistle as the ledger runs it: each command parsed, then decided. */
const spec = DeciderSpecification.for(parsingFirst(whistleDecider, parseWhistleCommand));

const at = (now: string): DecisionContext => ({ now, today: now.slice(0, 10) });

// Monday 2 March 2026, 09:00 in China (01:00Z); the deadlines are what a caller computed in working time.
const RAISED_AT = '2026-03-02T01:00:00.000Z';
const SIGNED_AT = '2026-03-02T01:30:00.000Z';
const ACCEPT_BY = '2026-03-02T03:30:00.000Z';
const ACCEPTED_AT = '2026-03-02T02:00:00.000Z';
const ARRIVE_BY = '2026-03-03T02:00:00.000Z';
const ARRIVED_AT = '2026-03-02T06:00:00.000Z';
const RESOLVE_BY = '2026-03-09T06:00:00.000Z';
const RESOLVED_AT = '2026-03-05T08:00:00.000Z';
const EVALUATED_AT = '2026-03-06T01:00:00.000Z';

const TOWNSHIP = 'township-xinhe';
const MARKET = '市场监管局';
const ECOLOGY = '生态环境局';
const HOUSING = '住建局';

const clerk: TownshipActor = { username: 'wang.clerk', townshipId: TOWNSHIP, head: false };
const head: TownshipActor = { username: 'zhao.head', townshipId: TOWNSHIP, head: true };
const stranger: TownshipActor = { username: 'qian.head', townshipId: 'township-dongcheng', head: true };
const market: DepartmentActor = { username: 'sun.market', department: MARKET };
const ecology: DepartmentActor = { username: 'zhou.ecology', department: ECOLOGY };
const housing: DepartmentActor = { username: 'wu.housing', department: HOUSING };
const office = { username: 'chen.office' };

const whistle: Omit<RaiseWhistle['data'], 'by'> = {
  whistleId: 'w-1',
  countyId: 'county-zhanyi',
  townshipId: TOWNSHIP,
  title: '河道旁无照经营烧烤摊',
  description: '新河村河道旁多家烧烤摊无照经营，油烟和垃圾直排河道，乡镇多次劝离无效。',
  dutyCode: 'ZZ-SC-0102',
  dutyCategory: 'assisting',
  urgency: 'normal',
};
const listRouting = { department: MARKET, coDepartments: [ECOLOGY] };

const raise = (by: TownshipActor, extra: Partial<RaiseWhistle['data']> = {}): WhistleCommand => ({
  type: 'RaiseWhistle',
  data: { ...whistle, by, ...extra },
});

const raised: WhistleEvent = {
  type: 'WhistleRaised',
  data: {
    whistleId: 'w-1',
    countyId: 'county-zhanyi',
    townshipId: TOWNSHIP,
    title: whistle.title,
    description: whistle.description,
    dutyCode: 'ZZ-SC-0102',
    dutyCategory: 'assisting',
    urgency: 'normal',
    raisedBy: clerk.username,
    raisedAt: RAISED_AT,
  },
};
const signedOff: WhistleEvent = { type: 'WhistleSignedOff', data: { signedOffBy: head.username, signedOffAt: SIGNED_AT } };
const dispatched: WhistleEvent = {
  type: 'WhistleDispatched',
  data: {
    department: MARKET,
    coDepartments: [ECOLOGY],
    routedBy: 'list',
    dispatchedBy: head.username,
    dispatchedAt: SIGNED_AT,
    acceptBy: ACCEPT_BY,
  },
};
const referred = (reason: 'no-item' | 'no-lead-department'): WhistleEvent => ({
  type: 'WhistleReferredToCountyOffice',
  data: { reason, referredAt: SIGNED_AT },
});
const accepted: WhistleEvent = {
  type: 'WhistleAccepted',
  data: { department: MARKET, acceptedBy: market.username, acceptedAt: ACCEPTED_AT, onTime: true, arriveBy: ARRIVE_BY },
};
const arrived: WhistleEvent = {
  type: 'WhistleArrived',
  data: { department: MARKET, arrivedBy: market.username, arrivedAt: ARRIVED_AT, onTime: true, resolveBy: RESOLVE_BY },
};
const resolved: WhistleEvent = {
  type: 'WhistleResolved',
  data: { department: MARKET, resolvedBy: market.username, resolvedAt: RESOLVED_AT, onTime: true, result: '取缔三家无照摊点，清理河岸' },
};
const evaluated = (score: number, satisfied: boolean): WhistleEvaluated => ({
  type: 'WhistleEvaluated',
  data: { score, satisfied, evaluatedBy: clerk.username, evaluatedAt: EVALUATED_AT },
});
const objected: WhistleEvent = {
  type: 'WhistleObjected',
  data: { department: MARKET, objectedBy: market.username, objectedAt: ACCEPTED_AT, reason: '油烟直排属生态环境局职责' },
};

const routed = [raised, signedOff, dispatched];
const awaiting = [raised, signedOff, referred('no-lead-department')];
const onSite = [...routed, accepted, arrived];
const closedUnsatisfied = [...onSite, resolved, evaluated(2, false)];

const acceptCommand = (by: DepartmentActor = market, arriveBy = ARRIVE_BY): WhistleCommand => ({
  type: 'AcceptWhistle',
  data: { by, arriveBy },
});
const resolveCommand = (by: DepartmentActor = market, result = '取缔三家无照摊点，清理河岸'): WhistleCommand => ({
  type: 'ResolveWhistle',
  data: { by, result },
});
const overdueCommand = (step: 'accept' | 'arrive' | 'resolve', deadline: string): WhistleCommand => ({
  type: 'RecordStepOverdue',
  data: { step, deadline },
});
const dispatchCommand = (department: string, coDepartments: string[] = []): WhistleCommand => ({
  type: 'DispatchWhistle',
  data: { by: office, department, coDepartments, acceptBy: '2026-03-03T01:00:00.000Z' },
});

describe('whistle', () => {
  describe('RaiseWhistle', () => {
    it('is a draft when a township user who is not its head raises it', () => {
      spec.given([]).when(raise(clerk), at(RAISED_AT)).then([raised]);
      spec.given([]).when(raise(clerk), at(RAISED_AT)).thenState({ status: 'draft', signedOff: null, department: null });
    });

    it('is signed off at once when the head raises it, and routed by the list to the lead department: the clock starts', () => {
      const state = spec
        .given([])
        .when(raise(head, { routing: listRouting, acceptBy: ACCEPT_BY }), at(SIGNED_AT))
        .then([{ ...raised, data: { ...raised.data, raisedBy: head.username, raisedAt: SIGNED_AT } }, signedOff, dispatched]);
      expect(state).toMatchObject({
        status: 'dispatched',
        department: MARKET,
        coDepartments: [ECOLOGY],
        routedBy: 'list',
        deadlines: { acceptBy: ACCEPT_BY, arriveBy: null, resolveBy: null },
        overdue: [],
      });
    });

    it('awaits the county office when the list does not settle it: no item, or an item without a lead department', () => {
      const { dutyCode: _code, dutyCategory: _category, ...withoutItem } = whistle;
      spec
        .given([])
        .when({ type: 'RaiseWhistle', data: { ...withoutItem, by: head, routing: { coDepartments: [] } } }, at(SIGNED_AT))
        .thenState({ status: 'awaiting-dispatch', awaitingDispatchBecause: 'no-item', department: null });
      spec
        .given([])
        .when(raise(head, { dutyCategory: 'returned', routing: { coDepartments: [] } }), at(SIGNED_AT))
        .thenState({ status: 'awaiting-dispatch', awaitingDispatchBecause: 'no-lead-department', dutyCategory: 'returned' });
    });

    it('refuses a whistle about a basic duty of the township: that is within its own powers', () => {
      spec
        .given([])
        .when(raise(clerk, { dutyCategory: 'basic' }), at(RAISED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-within-township-duties' });
    });

    it('refuses a whistle for another township (403)', () => {
      spec.given([]).when(raise(stranger), at(RAISED_AT)).thenFails({ kind: 'forbidden', code: 'whistle-of-another-township' });
    });

    it('needs the routing from a head, an acceptBy with a lead department, and that deadline after now', () => {
      spec
        .given([])
        .when(raise(head), at(SIGNED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'routing' }] });
      spec
        .given([])
        .when(raise(head, { routing: listRouting }), at(SIGNED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'acceptBy' }] });
      spec
        .given([])
        .when(raise(head, { routing: listRouting, acceptBy: RAISED_AT }), at(SIGNED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'acceptBy', code: 'too-early' }] });
    });

    it('is raised once', () => {
      spec.given([raised]).when(raise(clerk), at(RAISED_AT)).thenFails({ kind: 'rule', code: 'whistle-already-raised' });
    });
  });

  describe('SignOffWhistle', () => {
    const signOff = (by: TownshipActor, routing = listRouting): WhistleCommand => ({
      type: 'SignOffWhistle',
      data: { by, routing, acceptBy: ACCEPT_BY },
    });

    it("is the head's, and routes the whistle by the list", () => {
      spec.given([raised]).when(signOff(head), at(SIGNED_AT)).then([signedOff, dispatched]);
    });

    it('is refused to a user who is not a head, and to another township (403)', () => {
      spec.given([raised]).when(signOff(clerk), at(SIGNED_AT)).thenFails({ kind: 'forbidden', code: 'not-township-head' });
      spec.given([raised]).when(signOff(stranger), at(SIGNED_AT)).thenFails({ kind: 'forbidden', code: 'whistle-of-another-township' });
    });

    it('is done once; an unknown whistle is not found', () => {
      spec.given(routed).when(signOff(head), at(SIGNED_AT)).thenFails({ kind: 'rule', code: 'whistle-already-signed-off' });
      spec.given([]).when(signOff(head), at(SIGNED_AT)).thenFails({ kind: 'not-found' });
    });
  });

  describe('DispatchWhistle', () => {
    it('the county office names the lead department and co-handlers of a whistle the list does not settle', () => {
      spec
        .given(awaiting)
        .when(dispatchCommand(ECOLOGY, [MARKET]), at(ACCEPTED_AT))
        .then([
          {
            type: 'WhistleDispatched',
            data: {
              department: ECOLOGY,
              coDepartments: [MARKET],
              routedBy: 'county-office',
              dispatchedBy: office.username,
              dispatchedAt: ACCEPTED_AT,
              acceptBy: '2026-03-03T01:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses a draft, a whistle already with a department, and a co-handler that is the lead department', () => {
      spec.given([raised]).when(dispatchCommand(ECOLOGY), at(ACCEPTED_AT)).thenFails({ kind: 'rule', code: 'whistle-not-signed-off' });
      spec.given(routed).when(dispatchCommand(ECOLOGY), at(ACCEPTED_AT)).thenFails({ kind: 'rule', code: 'whistle-not-awaiting-dispatch' });
      spec
        .given(awaiting)
        .when(dispatchCommand(ECOLOGY, [MARKET, ECOLOGY]), at(ACCEPTED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'coDepartments[1]' }] });
    });
  });

  describe('the lead department’s steps', () => {
    it('accepts (签收) in time, which starts the arrival deadline', () => {
      spec.given(routed).when(acceptCommand(), at(ACCEPTED_AT)).then([accepted]);
      spec
        .given(routed)
        .when(acceptCommand(), at(ACCEPTED_AT))
        .thenState({
          status: 'accepted',
          onTime: { accept: true, arrive: null, resolve: null },
          deadlines: { acceptBy: ACCEPT_BY, arriveBy: ARRIVE_BY, resolveBy: null },
        });
    });

    it('records a late acceptance as not on time', () => {
      const late = '2026-03-02T05:00:00.000Z';
      spec
        .given(routed)
        .when(acceptCommand(market, '2026-03-03T05:00:00.000Z'), at(late))
        .then([
          {
            type: 'WhistleAccepted',
            data: {
              department: MARKET,
              acceptedBy: market.username,
              acceptedAt: late,
              onTime: false,
              arriveBy: '2026-03-03T05:00:00.000Z',
            },
          },
        ]);
    });

    it('an acceptance exactly at the deadline is in time', () => {
      spec
        .given(routed)
        .when(acceptCommand(), at(ACCEPT_BY))
        .thenState({ onTime: { accept: true, arrive: null, resolve: null } });
    });

    it('is the lead department’s alone: co-handlers only see it, other departments not even that (403)', () => {
      spec.given(routed).when(acceptCommand(ecology), at(ACCEPTED_AT)).thenFails({ kind: 'forbidden', code: 'not-lead-department' });
      spec.given(routed).when(acceptCommand(housing), at(ACCEPTED_AT)).thenFails({ kind: 'forbidden', code: 'not-lead-department' });
      spec.given(awaiting).when(acceptCommand(market), at(ACCEPTED_AT)).thenFails({ kind: 'forbidden', code: 'not-lead-department' });
      spec.given(onSite).when(resolveCommand(ecology), at(RESOLVED_AT)).thenFails({ kind: 'forbidden', code: 'not-lead-department' });
    });

    it('goes step by step: accept, arrive, resolve', () => {
      spec
        .given(routed)
        .when({ type: 'ReportArrival', data: { by: market, resolveBy: RESOLVE_BY } }, at(ACCEPTED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-step-out-of-order' });
      spec.given(routed).when(resolveCommand(), at(ACCEPTED_AT)).thenFails({ kind: 'rule', code: 'whistle-step-out-of-order' });
      spec
        .given([...routed, accepted])
        .when(acceptCommand(), at(ACCEPTED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-step-out-of-order' });
      spec
        .given([...routed, accepted])
        .when({ type: 'ReportArrival', data: { by: market, resolveBy: RESOLVE_BY } }, at(ARRIVED_AT))
        .then([arrived]);
    });

    it('resolves (办结) with the result; a resolution without one names the field', () => {
      spec.given(onSite).when(resolveCommand(), at(RESOLVED_AT)).then([resolved]);
      spec
        .given(onSite)
        .when(resolveCommand(market, '  '), at(RESOLVED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'result' }] });
      spec
        .given([...onSite, resolved])
        .when(resolveCommand(), at(RESOLVED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-already-resolved' });
    });
  });

  describe('supervision (督办): RecordStepOverdue', () => {
    const afterAcceptBy = at('2026-03-02T03:31:00.000Z');
    const overdue: WhistleEvent = {
      type: 'WhistleStepOverdue',
      data: { step: 'accept', deadline: ACCEPT_BY, department: MARKET, recordedAt: afterAcceptBy.now },
    };

    it('records a step not done by its deadline, once per deadline', () => {
      const state = spec.given(routed).when(overdueCommand('accept', ACCEPT_BY), afterAcceptBy).then([overdue]);
      expect(state).toMatchObject({ overdue: ['accept'] });
      spec
        .given([...routed, overdue])
        .when(overdueCommand('accept', ACCEPT_BY), at('2026-03-02T09:00:00.000Z'))
        .thenNothing();
    });

    it('does nothing before the deadline, at it, for a step done or not started, or for a deadline that moved', () => {
      spec.given(routed).when(overdueCommand('accept', ACCEPT_BY), at(ACCEPTED_AT)).thenNothing();
      spec.given(routed).when(overdueCommand('accept', ACCEPT_BY), at(ACCEPT_BY)).thenNothing();
      spec
        .given([...routed, accepted])
        .when(overdueCommand('accept', ACCEPT_BY), afterAcceptBy)
        .thenNothing();
      spec.given(routed).when(overdueCommand('arrive', ARRIVE_BY), at('2026-03-04T00:00:00.000Z')).thenNothing();
      spec.given(routed).when(overdueCommand('accept', '2026-03-02T03:00:00.000Z'), afterAcceptBy).thenNothing();
      spec.given(awaiting).when(overdueCommand('accept', ACCEPT_BY), afterAcceptBy).thenNothing();
    });

    it('doing the step clears its overdue flag, and the step stays late on record', () => {
      spec
        .given([...routed, overdue])
        .when(acceptCommand(market, '2026-03-03T05:00:00.000Z'), at('2026-03-02T05:00:00.000Z'))
        .thenState({ status: 'accepted', overdue: [], onTime: { accept: false, arrive: null, resolve: null } });
    });

    it('refuses an unknown step and a malformed deadline, naming them', () => {
      spec
        .given(routed)
        .when({ type: 'RecordStepOverdue', data: { step: 'report' as never, deadline: 'tomorrow' } }, afterAcceptBy)
        .thenFails({ kind: 'invalid', errors: [{ field: 'step' }, { field: 'deadline', code: 'not-an-instant' }] });
    });
  });

  describe('ObjectToWhistle (退回)', () => {
    const objection: WhistleCommand = { type: 'ObjectToWhistle', data: { by: market, reason: '油烟直排属生态环境局职责' } };

    it('sends the whistle back to the county office; the department, its deadlines and flags go with it', () => {
      const state = spec
        .given([...routed, accepted])
        .when(objection, at(ACCEPTED_AT))
        .then([objected]);
      expect(state).toMatchObject({
        status: 'awaiting-dispatch',
        awaitingDispatchBecause: 'objection',
        department: null,
        coDepartments: [],
        deadlines: { acceptBy: null, arriveBy: null, resolveBy: null },
        onTime: { accept: null, arrive: null, resolve: null },
        objections: [objected.data],
      });
    });

    it('keeps the record of the objecting department’s overdue step', () => {
      const overdue: WhistleEvent = {
        type: 'WhistleStepOverdue',
        data: { step: 'accept', deadline: ACCEPT_BY, department: MARKET, recordedAt: '2026-03-02T04:00:00.000Z' },
      };
      spec
        .given([...routed, overdue])
        .when(objection, at('2026-03-02T05:00:00.000Z'))
        .thenState({ overdue: [], overdueRecords: [{ step: 'accept', deadline: ACCEPT_BY, department: MARKET }] });
    });

    it('the county office re-dispatches it; the new department’s clock starts afresh', () => {
      spec
        .given([...routed, objected])
        .when(dispatchCommand(ECOLOGY), at(ARRIVED_AT))
        .thenState({ status: 'dispatched', department: ECOLOGY, routedBy: 'county-office', objections: [objected.data] });
    });

    it('overruled (dispatched to the objecting department again), the department cannot object a second time', () => {
      const redispatched: WhistleEvent = {
        type: 'WhistleDispatched',
        data: {
          department: MARKET,
          coDepartments: [],
          routedBy: 'county-office',
          dispatchedBy: office.username,
          dispatchedAt: ARRIVED_AT,
          acceptBy: '2026-03-03T01:00:00.000Z',
        },
      };
      spec
        .given([...routed, objected, redispatched])
        .when(objection, at(ARRIVED_AT))
        .thenFails({ kind: 'rule', code: 'objection-overruled' });
    });

    it('comes before the resolution, needs a reason, and is the lead department’s', () => {
      spec
        .given([...onSite, resolved])
        .when(objection, at(RESOLVED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-already-resolved' });
      spec
        .given(routed)
        .when({ type: 'ObjectToWhistle', data: { by: market, reason: '' } }, at(ACCEPTED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason' }] });
      spec
        .given(routed)
        .when({ type: 'ObjectToWhistle', data: { by: ecology, reason: '不归我局' } }, at(ACCEPTED_AT))
        .thenFails({ kind: 'forbidden', code: 'not-lead-department' });
    });
  });

  describe('extensions', () => {
    const UNTIL = '2026-03-12T06:00:00.000Z';
    const ask = (until = UNTIL, reason = '需协调水务部门联合清理'): WhistleCommand => ({
      type: 'RequestExtension',
      data: { by: market, until, reason },
    });
    const requested: WhistleEvent = {
      type: 'WhistleExtensionRequested',
      data: {
        department: MARKET,
        step: 'resolve',
        until: UNTIL,
        reason: '需协调水务部门联合清理',
        requestedBy: market.username,
        requestedAt: RESOLVED_AT,
      },
    };
    const decide = (granted: boolean): WhistleCommand => ({ type: 'DecideExtension', data: { by: office, granted, reason: '同意延期' } });
    const decision = { step: 'resolve' as const, until: UNTIL, reason: '同意延期', decidedBy: office.username, decidedAt: EVALUATED_AT };

    it('the lead department asks for a later deadline of the step in progress, before it passes', () => {
      spec.given(onSite).when(ask(), at(RESOLVED_AT)).then([requested]);
    });

    it('refuses an until not after the current deadline, or without a reason, naming the field', () => {
      spec
        .given(onSite)
        .when(ask(RESOLVE_BY), at(RESOLVED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'until', code: 'too-early' }] });
      spec
        .given(onSite)
        .when(ask(UNTIL, ' '), at(RESOLVED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason' }] });
      spec
        .given(onSite)
        .when(ask('2026-03-12'), at(RESOLVED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'until', code: 'not-an-instant' }] });
    });

    it('refuses a request after the deadline passed, a second pending one, and one after the resolution', () => {
      spec.given(onSite).when(ask(), at('2026-03-09T06:00:01.000Z')).thenFails({ kind: 'rule', code: 'whistle-deadline-passed' });
      spec
        .given([...onSite, requested])
        .when(ask(), at(RESOLVED_AT))
        .thenFails({ kind: 'rule', code: 'extension-already-requested' });
      spec
        .given([...onSite, resolved])
        .when(ask(), at(RESOLVED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-already-resolved' });
    });

    it('granted by the county office, it moves the deadline of that step and clears its overdue flag', () => {
      const overdue: WhistleEvent = {
        type: 'WhistleStepOverdue',
        data: { step: 'resolve', deadline: RESOLVE_BY, department: MARKET, recordedAt: '2026-03-09T06:01:00.000Z' },
      };
      const state = spec
        .given([...onSite, requested, overdue])
        .when(decide(true), at(EVALUATED_AT))
        .then([{ type: 'WhistleExtensionGranted', data: decision }]);
      expect(state).toMatchObject({
        deadlines: { acceptBy: ACCEPT_BY, arriveBy: ARRIVE_BY, resolveBy: UNTIL },
        overdue: [],
        extensionRequest: null,
        extensionDecisions: [{ ...decision, granted: true }],
      });
      // The moved deadline is supervised in its turn: once.
      const granted: WhistleEvent = { type: 'WhistleExtensionGranted', data: decision };
      spec
        .given([...onSite, requested, overdue, granted])
        .when(overdueCommand('resolve', UNTIL), at('2026-03-12T07:00:00.000Z'))
        .thenState({
          overdue: ['resolve'],
          overdueRecords: [
            { step: 'resolve', deadline: RESOLVE_BY, department: MARKET },
            { step: 'resolve', deadline: UNTIL, department: MARKET },
          ],
        });
    });

    it('refused, the deadline stays', () => {
      spec
        .given([...onSite, requested])
        .when(decide(false), at(EVALUATED_AT))
        .thenState({ deadlines: { acceptBy: ACCEPT_BY, arriveBy: ARRIVE_BY, resolveBy: RESOLVE_BY }, extensionRequest: null });
    });

    it('is decided only while one is pending; doing the step ends the request', () => {
      spec.given(onSite).when(decide(true), at(EVALUATED_AT)).thenFails({ kind: 'rule', code: 'no-extension-requested' });
      spec
        .given([...onSite, requested, resolved])
        .when(decide(true), at(EVALUATED_AT))
        .thenFails({ kind: 'rule', code: 'no-extension-requested' });
    });
  });

  describe('EvaluateWhistle', () => {
    const evaluate = (by: TownshipActor, score: number, satisfied: boolean): WhistleCommand => ({
      type: 'EvaluateWhistle',
      data: { by, score, satisfied },
    });

    it('the township scores the resolution, which closes the whistle', () => {
      spec
        .given([...onSite, resolved])
        .when(evaluate(clerk, 2, false), at(EVALUATED_AT))
        .then([evaluated(2, false)]);
      spec
        .given([...onSite, resolved])
        .when(evaluate(clerk, 5, true), at(EVALUATED_AT))
        .thenState({ status: 'closed', evaluation: evaluated(5, true).data });
    });

    it('refuses a score outside 1–5 or not whole, and a satisfaction that is not a boolean, naming each', () => {
      spec
        .given([...onSite, resolved])
        .when({ type: 'EvaluateWhistle', data: { by: clerk, score: 6, satisfied: 'yes' as never } }, at(EVALUATED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'score' }, { field: 'satisfied' }] });
      spec
        .given([...onSite, resolved])
        .when(evaluate(clerk, 0, true), at(EVALUATED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'score' }] });
      spec
        .given([...onSite, resolved])
        .when(evaluate(clerk, 3.5, true), at(EVALUATED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'score' }] });
    });

    it('comes after the resolution, from the whistle’s township, once', () => {
      spec
        .given(onSite)
        .when(evaluate(clerk, 4, true), at(EVALUATED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-not-resolved' });
      spec
        .given([...onSite, resolved])
        .when(evaluate(stranger, 4, true), at(EVALUATED_AT))
        .thenFails({ kind: 'forbidden', code: 'whistle-of-another-township' });
      spec
        .given(closedUnsatisfied)
        .when(evaluate(clerk, 4, true), at(EVALUATED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-closed' });
    });
  });

  describe('ReopenWhistle', () => {
    const REOPENED_AT = '2026-03-06T02:00:00.000Z';
    const NEW_RESOLVE_BY = '2026-03-13T02:00:00.000Z';
    const reopenCommand = (by: TownshipActor = clerk): WhistleCommand => ({
      type: 'ReopenWhistle',
      data: { by, reason: '摊点次日又回来了', resolveBy: NEW_RESOLVE_BY },
    });
    const reopened: WhistleEvent = {
      type: 'WhistleReopened',
      data: { reason: '摊点次日又回来了', reopenedBy: clerk.username, reopenedAt: REOPENED_AT, resolveBy: NEW_RESOLVE_BY },
    };

    it('an unsatisfied township sends the whistle back to the lead department with a new resolution deadline', () => {
      const state = spec.given(closedUnsatisfied).when(reopenCommand(), at(REOPENED_AT)).then([reopened]);
      expect(state).toMatchObject({ status: 'reopened', department: MARKET, deadlines: { resolveBy: NEW_RESOLVE_BY } });
    });

    it('the lead department resolves it again; a late second resolution makes the record late', () => {
      spec
        .given([...closedUnsatisfied, reopened])
        .when(resolveCommand(), at('2026-03-10T02:00:00.000Z'))
        .thenState({ status: 'resolved', onTime: { accept: true, arrive: true, resolve: true } });
      spec
        .given([...closedUnsatisfied, reopened])
        .when(resolveCommand(), at('2026-03-16T02:00:00.000Z'))
        .thenState({ status: 'resolved', onTime: { accept: true, arrive: true, resolve: false } });
    });

    it('is allowed once: a second reopening is refused (409)', () => {
      const second: WhistleEvent[] = [
        { type: 'WhistleResolved', data: { ...resolved.data, resolvedAt: '2026-03-10T02:00:00.000Z' } },
        evaluated(1, false),
      ];
      spec
        .given([...closedUnsatisfied, reopened, ...second])
        .when(reopenCommand(), at('2026-03-11T02:00:00.000Z'))
        .thenFails({ kind: 'rule', code: 'whistle-already-reopened' });
    });

    it('follows an unsatisfied evaluation only, by the whistle’s township', () => {
      spec
        .given([...onSite, resolved, evaluated(5, true)])
        .when(reopenCommand(), at(REOPENED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-evaluated-satisfied' });
      spec
        .given([...onSite, resolved])
        .when(reopenCommand(), at(REOPENED_AT))
        .thenFails({ kind: 'rule', code: 'whistle-not-evaluated' });
      spec
        .given(closedUnsatisfied)
        .when(reopenCommand(stranger), at(REOPENED_AT))
        .thenFails({ kind: 'forbidden', code: 'whistle-of-another-township' });
      spec
        .given(closedUnsatisfied)
        .when({ type: 'ReopenWhistle', data: { by: clerk, reason: '', resolveBy: NEW_RESOLVE_BY } }, at(REOPENED_AT))
        .thenFails({ kind: 'invalid', errors: [{ field: 'reason' }] });
    });
  });

  describe('a closed whistle', () => {
    it('refuses every further step (409), and supervision does nothing', () => {
      const late = at('2026-03-20T00:00:00.000Z');
      for (const command of [
        acceptCommand(),
        resolveCommand(),
        { type: 'ObjectToWhistle', data: { by: market, reason: '不归我局' } } satisfies WhistleCommand,
        { type: 'RequestExtension', data: { by: market, until: '2026-03-30T00:00:00.000Z', reason: '延期' } } satisfies WhistleCommand,
        dispatchCommand(ECOLOGY),
      ])
        spec.given(closedUnsatisfied).when(command, late).thenFails({ kind: 'rule', code: 'whistle-closed' });
      spec.given(closedUnsatisfied).when(overdueCommand('resolve', RESOLVE_BY), late).thenNothing();
    });
  });
});
