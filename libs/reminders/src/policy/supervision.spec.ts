import type { DomainEvent } from '@fangquan/domain';
import { candidate } from '../../test/fixtures';
import { decideSupervision, planSupervision, type SupervisionInput, type SupervisionJob, whistleOf } from './supervision';

const CANDIDATES = [
  candidate('county', 'county_admin'),
  candidate('water-head', 'department', { department: '水利局', head: true }),
  candidate('water-clerk', 'department', { department: '水利局' }),
  candidate('land-head', 'department', { department: '自然资源局', head: true }),
  candidate('xp-head', 'township', { townshipId: 'xiping', head: true }),
];

const ACCEPT_BY = '2026-12-07T04:00:00.000Z';
const raised: DomainEvent = {
  type: 'WhistleRaised',
  data: {
    whistleId: 'w1',
    countyId: 'c1',
    townshipId: 'xiping',
    title: '河道夜间非法采砂',
    description: '有船只采砂',
    urgency: 'normal',
    raisedBy: 'xp-head',
    raisedAt: '2026-12-07T02:00:00.000Z',
  },
};
const signedOff: DomainEvent = { type: 'WhistleSignedOff', data: { signedOffBy: 'xp-head', signedOffAt: '2026-12-07T02:00:00.000Z' } };
const dispatched: DomainEvent = {
  type: 'WhistleDispatched',
  data: {
    department: '水利局',
    coDepartments: [],
    routedBy: 'list',
    dispatchedBy: 'xp-head',
    dispatchedAt: '2026-12-07T02:00:00.000Z',
    acceptBy: ACCEPT_BY,
  },
};
const accepted: DomainEvent = {
  type: 'WhistleAccepted',
  data: {
    department: '水利局',
    acceptedBy: 'water-head',
    acceptedAt: '2026-12-07T05:00:00.000Z',
    onTime: false,
    arriveBy: '2026-12-08T05:00:00.000Z',
  },
};

const job = (round = 0, deadline = ACCEPT_BY): SupervisionJob => ({
  kind: 'supervision',
  whistleId: 'w1',
  streamId: 'whistle-w1',
  step: 'accept',
  deadline,
  round,
});

function input(overrides: Partial<SupervisionInput>): SupervisionInput {
  return {
    reminderId: 'id',
    job: job(),
    delivered: false,
    whistle: whistleOf([raised, signedOff, dispatched]),
    candidates: CANDIDATES,
    schedule: { stepsMs: [1000], repeatMs: 3000 },
    now: '2026-12-07T04:00:01.000Z',
    ...overrides,
  };
}

describe('supervision of whistles', () => {
  it('schedules a job at each deadline an event sets: dispatch (accept), acceptance (arrive), a granted extension', () => {
    const now = new Date('2026-12-07T03:00:00.000Z');
    const whistleIdOf = (streamId: string): string | undefined => streamId.slice('whistle-'.length);
    const logged = (event: DomainEvent) => ({ streamId: 'whistle-w1', type: event.type, data: event.data as Record<string, unknown> });
    const extension: DomainEvent = {
      type: 'WhistleExtensionGranted',
      data: {
        step: 'resolve',
        until: '2026-12-09T00:00:00.000Z',
        reason: '汛期',
        decidedBy: 'county',
        decidedAt: '2026-12-07T03:00:00.000Z',
      },
    };
    const plan = planSupervision([raised, dispatched, accepted, extension].map(logged), whistleIdOf, now);
    expect(plan.map((entry) => [entry.id, entry.delayMs])).toEqual([
      [`supervision.w1.accept.${Date.parse(ACCEPT_BY)}.0`, 3_600_000],
      [`supervision.w1.arrive.${Date.parse('2026-12-08T05:00:00.000Z')}.0`, 26 * 3_600_000],
      [`supervision.w1.resolve.${Date.parse('2026-12-09T00:00:00.000Z')}.0`, 45 * 3_600_000],
    ]);
  });

  it("reminds the lead department's head users and the county office, then again after REMINDER_REPEAT", () => {
    const decision = decideSupervision(input({}));
    expect(decision).toMatchObject({
      kind: 'deliver',
      reminder: { kind: 'supervision', step: 0, subject: { type: 'whistle', id: 'w1', title: '河道夜间非法采砂' }, countyId: 'c1' },
      next: { id: `supervision.w1.accept.${Date.parse(ACCEPT_BY)}.1`, job: job(1), delayMs: 3000 },
    });
    expect(decision.kind === 'deliver' && decision.reminder.recipients.map((r) => r.username)).toEqual(['county', 'water-head']);
  });

  it('ends when the step is done or its deadline moved, and waits for a deadline not passed', () => {
    expect(decideSupervision(input({ whistle: whistleOf([raised, signedOff, dispatched, accepted]) }))).toMatchObject({
      kind: 'obsolete',
    });
    expect(decideSupervision(input({ job: job(0, '2026-12-07T03:00:00.000Z') }))).toMatchObject({ kind: 'obsolete' });
    expect(decideSupervision(input({ now: ACCEPT_BY }))).toMatchObject({ kind: 'not-ready' });
    expect(decideSupervision(input({ whistle: undefined }))).toMatchObject({ kind: 'not-ready' });
  });

  it('a round written already only queues the next one', () => {
    expect(decideSupervision(input({ job: job(2), delivered: true }))).toEqual({
      kind: 'already-delivered',
      next: { id: `supervision.w1.accept.${Date.parse(ACCEPT_BY)}.3`, job: job(3), delayMs: 3000 },
    });
  });
});
