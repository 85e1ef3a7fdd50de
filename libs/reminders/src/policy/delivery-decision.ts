import { daysBetween, type Gap, type HandoverStatus, type ReminderKind } from '@fangquan/domain';
import type { ChainRecord } from '../chain/chain-record';
import type { ReminderJob } from '../queues/job-data';
import type { ScheduledReminder } from '../queues/reminder-queues';
import { gapReminderId, gapUpdateReminderId } from './reminder-ids';
import type { ReminderDetail } from './reminder-message';
import { type Candidate, gapRecipientScope, selectRecipients, townshipRecipientScope } from './reminder-recipients';
import { delayAfterStep, isEscalatedStep, type ReminderSchedule } from './reminder-schedule';

/**
 * What a reminder job leads to, decided from what the delivery read (`decideDelivery`, pure, in the
 * shape of a workflow's decide: input → decision); the delivery service only reads, writes and queues.
 */

export type GapJob = Extract<ReminderJob, { kind: 'gap' }>;
export type GapUpdateJob = Extract<ReminderJob, { kind: 'gap-update' }>;

/** A reminder to write: its rows, its inbox items and its ReminderSent. */
export interface ReminderDraft {
  readonly reminderId: string;
  readonly handoverId: string;
  readonly countyId: string;
  readonly kind: ReminderKind;
  readonly step: number;
  readonly episode: number | null;
  readonly escalated: boolean;
  readonly gaps: Gap[] | null;
  readonly detail: ReminderDetail | null;
  readonly recipients: readonly Candidate[];
  readonly townshipName: string | null;
  readonly powerCode: string;
  readonly powerName: string | null;
}

/** What the delivery read in its transaction, with its chain locked (or held by the caller). */
export interface DeliveryFacts {
  readonly chain: ChainRecord;
  /** The reminder is written already (a job that runs again after a crash). */
  readonly delivered: boolean;
  readonly revoked: boolean;
  /** The county's users who can be reminded. */
  readonly candidates: readonly Candidate[];
  /** When the chain's latest gap reminder (a step or an update) was written; null if none. ISO-8601. */
  readonly lastGapReminderAt: string | null;
  /** How long ago that was, when the facts were read (the same clock as the reminders' times). */
  readonly sinceLastGapReminderMs: number | null;
}

/** Facts only some kinds need, read by the service before it decides. */
export interface KindFacts {
  /** `unanswered` and `handover-recorded` jobs: the handover as it is now (read when a job delivers them). */
  readonly handover?: { readonly status: HandoverStatus; readonly effectiveOn: string };
  /** `certificate-expiry`: the officer with that certificate on the team, if still there. */
  readonly officer?: { readonly name: string; readonly certificateNumber: string; readonly certificateExpiresOn: string } | null;
  /** `gaps-closed`: everyone reminded of the episode's gaps, and its last step. */
  readonly reminded?: { readonly recipients: readonly Candidate[]; readonly lastStep: number };
}

export interface DeliveryInput extends KindFacts {
  readonly reminderId: string;
  readonly job: ReminderJob;
  readonly facts: DeliveryFacts;
  readonly schedule: ReminderSchedule;
  /** REMINDER_COALESCE. */
  readonly coalesceMs: number;
  /** The county's date today (TZ_COUNTY). */
  readonly today: string;
}

export type DeliveryDecision =
  /** The chain is behind the job (the transaction that made it has not committed): retry, never drop. */
  | { readonly kind: 'not-ready'; readonly reason: string }
  /** Written before: only queue what may not have been queued (`next`). */
  | { readonly kind: 'already-delivered'; readonly next?: ScheduledReminder }
  | { readonly kind: 'obsolete'; readonly reason: string }
  /** Gaps grew again within REMINDER_COALESCE of the last reminder: one reminder at the window's end. */
  | { readonly kind: 'coalesced'; readonly reason: string; readonly next: ScheduledReminder }
  /** Nobody to remind: a gap step's chain still moves on (`advanceTo`) and its next step is queued. */
  | { readonly kind: 'no-recipients'; readonly reason: string; readonly advanceTo?: number; readonly next?: ScheduledReminder }
  /** `advanceTo`: the step a gap step's chain moves on to; `next`: that step's job. */
  | { readonly kind: 'deliver'; readonly reminder: ReminderDraft; readonly advanceTo?: number; readonly next?: ScheduledReminder };

export function decideDelivery(input: DeliveryInput): DeliveryDecision {
  const { job, facts } = input;
  if (facts.delivered) return alreadyDelivered(input);
  if (facts.revoked) return { kind: 'obsolete', reason: 'the handover was revoked' };
  switch (job.kind) {
    case 'gap':
      return decideGapStep(input, job);
    case 'gap-update':
      return decideGapUpdate(input, job);
    case 'gaps-closed': {
      if (facts.chain.revision < job.revision) return behind(facts.chain, job);
      const reminded = input.reminded ?? { recipients: [], lastStep: 0 };
      return deliverOrNobody({ ...draft(input, 'gaps-closed', reminded.lastStep, reminded.recipients), episode: job.episode });
    }
    case 'handover-recorded': {
      // The handover as read now (a job), else as the process manager's batch holds it.
      const { chain } = facts;
      const status = input.handover?.status ?? chain.handoverStatus;
      if (status !== 'recorded') return { kind: 'obsolete', reason: `the handover is ${status}: answered already` };
      // An unanswered reminder like the sweep's, told at recording: the days left then, and its own id.
      const detail: ReminderDetail = {
        type: 'unanswered',
        effectiveOn: chain.effectiveOn,
        daysBefore: daysBetween(input.today, chain.effectiveOn),
        atRecording: true,
      };
      return deliverOrNobody({ ...draft(input, 'unanswered', 0, townshipUsers(input)), detail });
    }
    case 'unanswered': {
      const handover = input.handover;
      if (handover === undefined || handover.status !== 'recorded')
        return { kind: 'obsolete', reason: `the handover is ${handover?.status ?? 'unknown'}: answered or revoked` };
      const detail: ReminderDetail = { type: 'unanswered', effectiveOn: handover.effectiveOn, daysBefore: job.daysBefore };
      return deliverOrNobody({ ...draft(input, 'unanswered', 0, townshipUsers(input)), detail });
    }
    case 'certificate-expiry': {
      const officer = input.officer;
      if (officer === undefined || officer === null)
        return { kind: 'obsolete', reason: 'the officer has left the team or renewed the certificate' };
      if (daysBetween(input.today, officer.certificateExpiresOn) < 0)
        return { kind: 'obsolete', reason: 'the certificate has expired: the gap reminders take over' };
      const detail: ReminderDetail = {
        type: 'certificate',
        officerName: officer.name,
        certificateNumber: officer.certificateNumber,
        expiresOn: officer.certificateExpiresOn,
        daysBefore: job.daysBefore,
      };
      return deliverOrNobody({ ...draft(input, 'certificate-expiry', 0, townshipUsers(input)), detail });
    }
    default: {
      const unknown: never = job;
      throw new Error(`Unknown reminder job ${JSON.stringify(unknown)}`);
    }
  }
}

/** A step of a gap chain: due by time, valid while its episode is open and the chain waits for it; it reminds of the gaps as they are now. */
function decideGapStep(input: DeliveryInput, job: GapJob): DeliveryDecision {
  const { chain } = input.facts;
  if (chain.revision < job.revision) return behind(chain, job);
  if (chain.episode !== job.episode || chain.fingerprint === null) return { kind: 'obsolete', reason: 'the gaps have closed since' };
  // Behind the job: the step before it is written in a transaction that has not committed yet (or
  // rolled back after queuing this job, and will be written again). Retried, never dropped.
  if (chain.nextStep < job.step)
    return { kind: 'not-ready', reason: `chain of ${job.handoverId} waits for step ${chain.nextStep}, the job is step ${job.step}` };
  if (chain.nextStep !== job.step) return { kind: 'obsolete', reason: `the chain waits for step ${chain.nextStep}, not ${job.step}` };
  const escalated = isEscalatedStep(input.schedule, job.step);
  const recipients = gapRecipients(input, escalated);
  const next = nextGapStep(input.schedule, job);
  const advanceTo = job.step + 1;
  if (recipients.length === 0)
    return { kind: 'no-recipients', reason: 'no user of the responsible department, county office or township', advanceTo, next };
  const reminder: ReminderDraft = { ...draft(input, 'gap', job.step, recipients), episode: job.episode, escalated, gaps: [...chain.gaps] };
  return { kind: 'deliver', reminder, advanceTo, next };
}

/**
 * Gaps that grew between two steps: one reminder at once, at the level (step, escalation) the chain has
 * reached, without moving it on. Within REMINDER_COALESCE of the chain's last gap reminder, one reminder
 * at the end of that window instead (every growth in it shares its id); that one is dropped when another
 * reminder has gone out since, which told the gaps as they were then.
 */
function decideGapUpdate(input: DeliveryInput, job: GapUpdateJob): DeliveryDecision {
  const { chain, lastGapReminderAt, sinceLastGapReminderMs } = input.facts;
  if (chain.revision < job.revision) return behind(chain, job);
  if (chain.episode !== job.episode || chain.fingerprint === null) return { kind: 'obsolete', reason: 'the gaps have closed since' };
  if (chain.nextStep === 0) return { kind: 'obsolete', reason: 'the first step is still to go, with the gaps as they are' };
  const last = lastGapReminderAt === null ? null : Date.parse(lastGapReminderAt);
  if (job.after !== undefined) {
    if (last !== null && last > Date.parse(job.after)) return { kind: 'obsolete', reason: 'a later reminder told the gaps' };
  } else if (last !== null && sinceLastGapReminderMs !== null && sinceLastGapReminderMs < input.coalesceMs) {
    const after = new Date(last).toISOString();
    return {
      kind: 'coalesced',
      reason: `a reminder went out at ${after}, within REMINDER_COALESCE`,
      next: {
        id: gapUpdateReminderId(job.handoverId, job.episode, `after-${last}`),
        job: { ...job, after },
        delayMs: Math.max(0, input.coalesceMs - sinceLastGapReminderMs),
      },
    };
  }
  const step = chain.nextStep - 1;
  const escalated = isEscalatedStep(input.schedule, step);
  const recipients = gapRecipients(input, escalated);
  if (recipients.length === 0) return { kind: 'no-recipients', reason: 'no user of the responsible department, county office or township' };
  return {
    kind: 'deliver',
    reminder: { ...draft(input, 'gap', step, recipients), episode: job.episode, escalated, gaps: [...chain.gaps] },
  };
}

/** A job run again after its reminder committed: a gap step still current queues its next step (again: the same id adds nothing). */
function alreadyDelivered({ job, facts, schedule }: DeliveryInput): DeliveryDecision {
  const { chain } = facts;
  const current =
    job.kind === 'gap' &&
    chain.handoverStatus !== 'revoked' &&
    chain.fingerprint !== null &&
    chain.episode === job.episode &&
    chain.nextStep === job.step + 1;
  return current ? { kind: 'already-delivered', next: nextGapStep(schedule, job) } : { kind: 'already-delivered' };
}

function behind(chain: ChainRecord, job: { handoverId: string; revision: number }): DeliveryDecision {
  return { kind: 'not-ready', reason: `chain of ${job.handoverId} is at revision ${chain.revision}, the job at ${job.revision}` };
}

function deliverOrNobody(reminder: ReminderDraft): DeliveryDecision {
  if (reminder.recipients.length === 0)
    return { kind: 'no-recipients', reason: 'no user of the responsible department, county office or township' };
  return { kind: 'deliver', reminder };
}

/** The responsible parties (the county office's heads too when escalated), and the township, told of its own handover's gaps. */
function gapRecipients(input: DeliveryInput, escalated: boolean): Candidate[] {
  const { chain, candidates } = input.facts;
  return selectRecipients(candidates, { ...gapRecipientScope(chain.gaps, escalated), townshipId: chain.townshipId });
}

function townshipUsers(input: DeliveryInput): Candidate[] {
  return selectRecipients(input.facts.candidates, townshipRecipientScope(input.facts.chain.townshipId));
}

/** The step after `job`, due REMINDER_STEPS (or REMINDER_REPEAT) after it. */
export function nextGapStep(schedule: ReminderSchedule, job: GapJob): ScheduledReminder {
  const step = job.step + 1;
  return { id: gapReminderId({ ...job, step }), job: { ...job, step }, delayMs: delayAfterStep(schedule, job.step) };
}

function draft(input: DeliveryInput, kind: ReminderKind, step: number, recipients: readonly Candidate[]): ReminderDraft {
  const { chain } = input.facts;
  return {
    reminderId: input.reminderId,
    handoverId: chain.handoverId,
    countyId: chain.countyId,
    kind,
    step,
    episode: null,
    escalated: false,
    gaps: null,
    detail: null,
    recipients,
    townshipName: chain.townshipName,
    powerCode: chain.powerCode,
    powerName: chain.powerName,
  };
}
