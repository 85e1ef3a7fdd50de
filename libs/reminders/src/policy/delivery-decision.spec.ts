import type { Gap } from '@fangquan/domain';
import { candidate, recordedHandover } from '../../test/fixtures';
import { chainStateOf, type ChainRecord, withChainState } from '../chain/chain-record';
import { applyHandoverEvent } from '../chain/handover-facts';
import { decideChain } from '../chain/reminder-chain';
import type { ReminderJob } from '../queues/job-data';
import {
  decideDelivery,
  type DeliveryDecision,
  type DeliveryFacts,
  type DeliveryInput,
  type GapJob,
  type GapUpdateJob,
} from './delivery-decision';
import { gapReminderId, gapUpdateReminderId } from './reminder-ids';

const MINUTE = 60_000;
const DAY = 86_400_000;
const schedule = { stepsMs: [3 * DAY, 7 * DAY], repeatMs: 7 * DAY };
const coalesceMs = 10 * MINUTE;
const t0 = new Date('2026-03-01T02:00:00.000Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

const person = candidate;
const office = person('office', 'county_admin');
const head = person('head', 'county_admin', { head: true });
const urban = person('urban', 'department', { department: '城市管理局' });
const township = person('xp', 'township', { townshipId: 'tw-1' });
const otherTownship = person('bs', 'township', { townshipId: 'tw-2' });
const candidates = [head, office, otherTownship, urban, township];

const officers = (missing: number): Gap => ({
  resource: 'officers',
  item: 'certified-officer',
  required: 3,
  available: 3 - missing,
  missing,
  responsible: 'county-office',
});
const cameras: Gap = { resource: 'equipment', item: 'body-camera', required: 2, available: 0, missing: 2, responsible: '城市管理局' };
const training: Gap = { resource: 'training', item: '执法规范', required: 1, available: 0, missing: 1, responsible: '城市管理局' };

const recorded = applyHandoverEvent(undefined, recordedHandover, 1);
if (recorded === undefined) throw new Error('no chain');

/** The chain after its gaps were assessed as `gaps` (steps as they were). */
function assessed(record: ChainRecord, gaps: Gap[]): ChainRecord {
  const decision = decideChain(chainStateOf(record), gaps);
  return decision.kind === 'none' ? record : withChainState(record, decision.next, t0.toISOString());
}

const opened = assessed(recorded, [officers(2), cameras, training]);

/** `now`: when the facts are read, for how long ago the last gap reminder went out. */
type Options = Partial<Omit<DeliveryFacts, 'chain' | 'sinceLastGapReminderMs'>> &
  Partial<Pick<DeliveryInput, 'today' | 'officer' | 'handover'>> & { now?: Date };

function decide(job: ReminderJob, chain: ChainRecord, options: Options = {}): DeliveryDecision {
  const facts: DeliveryFacts = {
    chain,
    delivered: options.delivered ?? false,
    revoked: options.revoked ?? false,
    candidates: options.candidates ?? candidates,
    lastGapReminderAt: options.lastGapReminderAt ?? null,
    sinceLastGapReminderMs: options.lastGapReminderAt ? (options.now ?? t0).getTime() - Date.parse(options.lastGapReminderAt) : null,
  };
  const officer = options.officer === undefined ? {} : { officer: options.officer };
  const handover = options.handover === undefined ? {} : { handover: options.handover };
  return decideDelivery({
    reminderId: 'r',
    job,
    facts,
    schedule,
    coalesceMs,
    today: options.today ?? '2026-03-01',
    ...officer,
    ...handover,
  });
}

const step = (n: number, chain: ChainRecord = opened): GapJob => ({
  kind: 'gap',
  handoverId: 'h-1',
  episode: chain.episode,
  revision: chain.revision,
  step: n,
});
const update = (chain: ChainRecord, after?: string): GapUpdateJob => ({
  kind: 'gap-update',
  handoverId: 'h-1',
  episode: chain.episode,
  revision: chain.revision,
  ...(after === undefined ? {} : { after }),
});

function recipientsOf(decision: DeliveryDecision): string[] {
  if (decision.kind !== 'deliver') throw new Error(`expected a delivery, got ${decision.kind}`);
  return decision.reminder.recipients.map((user) => user.username);
}

describe('what a reminder job leads to (decideDelivery)', () => {
  it('delivers a gap step to the responsible parties and, as a notice, to the township of the handover', () => {
    const decision = decide(step(0), opened);
    expect(decision).toMatchObject({
      kind: 'deliver',
      advanceTo: 1,
      next: { id: gapReminderId({ handoverId: 'h-1', episode: 1, step: 1 }), delayMs: 3 * DAY },
      reminder: { kind: 'gap', step: 0, escalated: false, gaps: [officers(2), cameras, training] },
    });
    expect(recipientsOf(decision)).toEqual(['head', 'office', 'urban', 'xp']);
  });

  it('escalates only a step past the last REMINDER_STEPS delay, whatever happened to the gaps', () => {
    let chain = { ...opened, nextStep: 2 };
    for (const gaps of [[officers(1), cameras, training], [cameras, training], [training], [officers(1), training]])
      chain = assessed(chain, gaps);
    expect(decide(step(2, opened), chain)).toMatchObject({ kind: 'deliver', reminder: { step: 2, escalated: false } });
    expect(decide(step(3, opened), { ...chain, nextStep: 3 })).toMatchObject({ kind: 'deliver', reminder: { step: 3, escalated: true } });
  });

  it('keeps a step job valid when the gaps change after it was queued, and reminds of the gaps as they are then', () => {
    const shrunk = assessed({ ...opened, nextStep: 1 }, [cameras, training]);
    expect(shrunk.revision).toBe(opened.revision + 1);
    expect(decide(step(1, opened), shrunk)).toMatchObject({ kind: 'deliver', reminder: { step: 1, gaps: [cameras, training] } });
    expect(recipientsOf(decide(step(1, opened), shrunk))).toEqual(['urban', 'xp']);
  });

  it('retries a job ahead of its chain, and drops one behind it or of another episode', () => {
    expect(decide(step(2), { ...opened, nextStep: 1 })).toMatchObject({
      kind: 'not-ready',
      reason: expect.stringMatching(/waits for step 1/),
    });
    expect(decide({ ...step(0), revision: opened.revision + 1 }, opened)).toMatchObject({ kind: 'not-ready' });
    expect(decide(step(0), { ...opened, nextStep: 1 })).toMatchObject({ kind: 'obsolete' });
    const closed = assessed(opened, []);
    expect(decide(step(0), closed)).toMatchObject({ kind: 'obsolete' });
    expect(decide(step(0), opened, { revoked: true })).toMatchObject({ kind: 'obsolete', reason: 'the handover was revoked' });
  });

  it('queues the next step again when a delivered step runs again, as long as the chain waits for it', () => {
    expect(decide(step(0), { ...opened, nextStep: 1 }, { delivered: true })).toMatchObject({
      kind: 'already-delivered',
      next: { id: gapReminderId({ handoverId: 'h-1', episode: 1, step: 1 }) },
    });
    expect(decide(step(0), { ...opened, nextStep: 2 }, { delivered: true })).toEqual({ kind: 'already-delivered' });
  });

  it('tells a larger gap at once at the level reached, without moving the chain on', () => {
    const grown = assessed({ ...opened, nextStep: 1 }, [officers(3), cameras, training]);
    const decision = decide(update(grown), grown, { lastGapReminderAt: at(-DAY).toISOString() });
    expect(decision).toMatchObject({
      kind: 'deliver',
      reminder: { kind: 'gap', step: 0, escalated: false, gaps: [officers(3), cameras, training] },
    });
    expect(decision).not.toHaveProperty('advanceTo');
    expect(decision).not.toHaveProperty('next');
    // At an escalated level, the update goes to the heads as well.
    const late = { ...grown, nextStep: 4 };
    expect(decide(update(late), late)).toMatchObject({ kind: 'deliver', reminder: { step: 3, escalated: true } });
  });

  it('coalesces growth within REMINDER_COALESCE of a reminder into one reminder at the end of the window', () => {
    let chain = assessed({ ...opened, nextStep: 1 }, [officers(3), cameras, training]);
    const first = decide(update(chain), chain, { now: at(MINUTE), lastGapReminderAt: at(-DAY).toISOString() });
    expect(first.kind).toBe('deliver');
    // The first update went at t0 + 1 min; two more growths within the window.
    const told = at(MINUTE).toISOString();
    chain = assessed(chain, [officers(3), { ...cameras, missing: 3, required: 3 }, training]);
    const second = decide(update(chain), chain, { now: at(3 * MINUTE), lastGapReminderAt: told });
    chain = assessed(chain, [officers(3), { ...cameras, missing: 4, required: 4 }, training]);
    const third = decide(update(chain), chain, { now: at(5 * MINUTE), lastGapReminderAt: told });
    const trailing = gapUpdateReminderId('h-1', 1, `after-${at(MINUTE).getTime()}`);
    expect(second).toMatchObject({ kind: 'coalesced', next: { id: trailing, delayMs: 8 * MINUTE } });
    expect(third).toMatchObject({ kind: 'coalesced', next: { id: trailing, delayMs: 6 * MINUTE } });
    if (third.kind !== 'coalesced') throw new Error('not coalesced');
    // At the window's end: one reminder, of the gaps as they are then.
    expect(decide(third.next.job, chain, { now: at(11 * MINUTE), lastGapReminderAt: told })).toMatchObject({
      kind: 'deliver',
      reminder: { gaps: [officers(3), { ...cameras, missing: 4, required: 4 }, training] },
    });
    // Unless a reminder went out since (a step due meanwhile told the gaps).
    expect(decide(third.next.job, chain, { now: at(11 * MINUTE), lastGapReminderAt: at(9 * MINUTE).toISOString() })).toMatchObject({
      kind: 'obsolete',
    });
  });

  it('sends no update while step 0 is still to go, nor for a closed episode', () => {
    const grown = assessed(opened, [officers(3), cameras, training]);
    expect(decide(update(grown), grown)).toMatchObject({ kind: 'obsolete' });
    const closed = assessed({ ...grown, nextStep: 1 }, []);
    expect(decide(update(grown), closed)).toMatchObject({ kind: 'obsolete' });
  });

  it('tells the township alone of a handover recorded to it, until it has answered', () => {
    const job: ReminderJob = { kind: 'handover-recorded', handoverId: 'h-1' };
    const decision = decide(job, recorded);
    expect(decision).toMatchObject({
      kind: 'deliver',
      reminder: {
        kind: 'unanswered',
        step: 0,
        gaps: null,
        detail: { type: 'unanswered', effectiveOn: '2026-07-01', daysBefore: 122, atRecording: true },
      },
    });
    expect(recipientsOf(decision)).toEqual(['xp']);
    expect(decide(job, { ...recorded, handoverStatus: 'accepted' })).toMatchObject({ kind: 'obsolete' });
    // A job reads the handover as it is now: answered after the chain was saved.
    expect(decide(job, recorded, { handover: { status: 'contested', effectiveOn: '2026-07-01' } })).toMatchObject({ kind: 'obsolete' });
    expect(decide(job, recorded, { candidates: [office] })).toMatchObject({ kind: 'no-recipients' });
  });

  it('drops a certificate notice once the officer left or the certificate lapsed', () => {
    const job: ReminderJob = { kind: 'certificate-expiry', handoverId: 'h-1', officerId: 'o-1', expiresOn: '2026-04-01', daysBefore: 30 };
    const officer = { name: '李明', certificateNumber: 'C-1', certificateExpiresOn: '2026-04-01' };
    expect(decide(job, recorded, { officer })).toMatchObject({ kind: 'deliver', reminder: { kind: 'certificate-expiry' } });
    expect(decide(job, recorded, { officer: null })).toMatchObject({ kind: 'obsolete' });
    expect(decide(job, recorded, { officer, today: '2026-04-02' })).toMatchObject({ kind: 'obsolete' });
  });
});
