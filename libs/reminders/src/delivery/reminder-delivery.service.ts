import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventStore, type SingleAppend, StreamVersionConflictError } from '@fangquan/event-store';
import { handoverStreamId, reminderSentEvent } from '@fangquan/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { LedgerAggregates } from '../chain/ledger-aggregates';
import { type ChainRecord, withFollowUp } from '../chain/chain-record';
import { decideDelivery, type DeliveryDecision, type GapJob, type GapUpdateJob, type KindFacts } from '../policy/delivery-decision';
import { hasOutsideChannels, outsideDeliveries } from '../policy/outside-deliveries';
import type { Candidate } from '../policy/reminder-recipients';
import { delayAfterStep, type ReminderSchedule } from '../policy/reminder-schedule';
import type { ReminderJob } from '../queues/job-data';
import { ReminderQueues, type ScheduledDelivery, type ScheduledReminder, type ScheduledSubjectReminder } from '../queues/reminder-queues';
import { advanceChain } from '../chain/chain-rows';
import { ChainNotReadyError } from './delivery-errors';
import { remindedInEpisode } from './recipient-directory';
import {
  type DeliveryContext,
  loadDeliveryContexts,
  loadHeldDeliveryContexts,
  recipientsOf,
  type ReminderToRecord,
  type ReminderWrite,
  writeReminders,
} from './reminder-records';

export type { GapJob } from '../policy/delivery-decision';

export type DeliveryStatus = 'delivered' | 'already-delivered' | 'obsolete' | 'coalesced' | 'no-recipients';

export interface DeliveryResult {
  readonly status: DeliveryStatus;
  readonly reason?: string;
  /** Webhook, e-mail and robot jobs to queue once the reminder has committed. */
  readonly outside: ScheduledDelivery[];
  /** What follows: the next step of a gap chain, or the reminder at the end of a coalescing window. */
  readonly next?: ScheduledReminder;
}

/** The jobs the worker delivers together (GapDeliveryBatcher) and the process manager in its batch. */
type BatchedJob = GapJob | GapUpdateJob;
/** The jobs a process manager's batch may deliver itself: those that need no facts beyond the chain. */
type DueNowJob = BatchedJob | Extract<ReminderJob, { kind: 'handover-recorded' }>;

/** A reminder due now that the process manager's batch delivers itself (see planDueNow). */
export interface DueGapStep extends ScheduledReminder {
  readonly job: DueNowJob;
}

export interface DueNowPlan {
  readonly here: DueGapStep[];
  readonly queued: ScheduledReminder[];
}

/** What deliverHere leaves to its caller: the jobs to queue, and the chains to save moved on. */
export interface DeliveredHere {
  /** Reminders not delivered here, to queue as they are, and what follows those delivered (a coalesced update's later reminder). */
  readonly handedBack: ScheduledReminder[];
  /** The chains of the steps delivered (or with nobody to remind), at their next step, left for FollowUpRelay. */
  readonly moved: ChainRecord[];
}

/**
 * Who moves a delivered gap step's chain on: `delivery` — the delivery's own statements, the next step
 * queued once it commits (a job's delivery: the job runs again until that is done); `caller` — the
 * caller, which holds the chains and saves them after (a process manager's batch).
 */
type ChainMove = 'delivery' | 'caller';

export interface GapDelivery {
  readonly reminderId: string;
  readonly job: BatchedJob;
}

interface Item {
  readonly reminderId: string;
  readonly job: ReminderJob;
}

const SYSTEM_ACTOR = 'system:reminders';
const DUE_NOW_SAVEPOINT = 'fangquan_reminders_due_now';
/** How many times the batch's deliveries are tried, each time without the one step whose stream moved. */
const DUE_NOW_ROUNDS = 3;
/** The order in which one handover's reminders due at once are written: the township's notice last, so that it is its unread item. */
const DUE_NOW_ORDER: Record<DueNowJob['kind'], number> = { gap: 0, 'gap-update': 0, 'handover-recorded': 1 };

/** The stream a refused append names when it knows which one moved (a lost race for the key does not). */
function movedStreamOf(error: unknown): string | undefined {
  return error instanceof StreamVersionConflictError && error.actual !== null ? error.streamId : undefined;
}

/** The contexts of jobs' reminders, their chains locked and read in the same statement. */
function lockedContexts(tx: EntityManager, items: readonly Item[]): Promise<Map<string, DeliveryContext>> {
  return loadDeliveryContexts(
    tx,
    items.map((item) => ({
      handoverId: item.job.handoverId,
      streamId: handoverStreamId(item.job.handoverId),
      reminderId: item.reminderId,
    })),
  );
}

/** Splits reminders into rounds with at most one reminder of each handover (one ReminderSent per stream and statement), in DUE_NOW_ORDER. */
function oneEachRounds(steps: readonly DueGapStep[]): DueGapStep[][] {
  const rounds: DueGapStep[][] = [];
  const seen = new Map<string, number>();
  for (const step of [...steps].sort((a, b) => DUE_NOW_ORDER[a.job.kind] - DUE_NOW_ORDER[b.job.kind])) {
    const round = seen.get(step.job.handoverId) ?? 0;
    seen.set(step.job.handoverId, round + 1);
    (rounds[round] ??= []).push(step);
  }
  return rounds;
}

/**
 * Delivers one reminder job, exactly once in effect. In ONE transaction: the chain row is locked and
 * read with the handover stream's head, its revocation if any, whether the reminder is written
 * already and the county's users (one statement); the reminder, its inbox rows and delivery rows are
 * written and the chain moved on (one statement, each insert idempotent); ReminderSent is appended to
 * the handover's stream expecting the head just read. A revocation committed before refuses the
 * delivery; one committed in between moves the head, the append conflicts and everything rolls back
 * (the job is retried and finds the revocation): nothing is ever delivered after a revocation. The
 * reminders row is written with ReminderSent, so "written already" is the reminder-id check of the
 * handover decider (one ReminderSent per reminder id). A job that runs again after a crash finds its
 * reminder written and only queues what follows.
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly schedule: ReminderSchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
    private readonly aggregates: LedgerAggregates,
    private readonly queues: ReminderQueues,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schedule = { stepsMs: config.reminderStepsMs, repeatMs: config.reminderRepeatMs };
  }

  deliver(reminderId: string, job: ReminderJob): Promise<DeliveryResult> {
    return this.dataSource.transaction((tx) => this.deliverIn(tx, reminderId, job));
  }

  /**
   * Delivers gap steps (and updates) of different handovers together: one transaction, one statement
   * to read, one to write, one to append every ReminderSent. When the transaction fails (a lost race on
   * one stream), each is delivered on its own, so one conflict never fails the others.
   */
  async deliverGaps(items: readonly GapDelivery[]): Promise<PromiseSettledResult<DeliveryResult>[]> {
    const distinct = new Set(items.map((item) => item.job.handoverId)).size === items.length;
    if (items.length > 1 && distinct) {
      try {
        return await this.dataSource.transaction(async (tx) => this.deliverAll(tx, items, await lockedContexts(tx, items), 'delivery'));
      } catch {
        // One by one below.
      }
    }
    return Promise.allSettled(items.map((item) => this.deliver(item.reminderId, item.job)));
  }

  /**
   * Which reminders can be delivered in the caller's transaction (`deliverHere`): gap steps, gap updates
   * and the township's notice of a new handover that are due now, while no outside channel is
   * configured — a webhook, e-mail or robot job must not be queued before its reminder commits, so with one
   * the delivery worker takes every reminder. The others go to the queue as they are. The step after
   * each gap step of `here` is left on its chain for the relay (see deliverHere); a step handed back is
   * delivered by the worker, which queues its next step itself.
   */
  planDueNow(steps: readonly ScheduledReminder[]): DueNowPlan {
    const plan: DueNowPlan = { here: [], queued: [] };
    if (hasOutsideChannels(this.config)) return { ...plan, queued: [...steps] };
    for (const step of steps) {
      const { job } = step;
      if (step.delayMs === 0 && (job.kind === 'gap' || job.kind === 'gap-update' || job.kind === 'handover-recorded'))
        plan.here.push({ ...step, job });
      else plan.queued.push(step);
    }
    return plan;
  }

  /**
   * Delivers reminders due now in the caller's transaction: the process manager's, which holds their
   * chains (`chains`, by handover id: locked, or new) and saves them after — no job and no second
   * transaction for the first reminder of a chain, the chains neither read nor written here. Answers the
   * chains of the gap steps delivered moved on to their next step, due at its time (followUpDueAt:
   * FollowUpRelay queues it), so that the caller writes each chain once. One round per reminder of a
   * handover (a handover recorded with gaps has its first step and the township's notice), each under a
   * savepoint: when a delivery fails, it leaves nothing behind. If one handover's stream moved since its
   * head was read (or a user's command wrote it after this transaction began: see LogOrderConflictError),
   * that reminder is handed back and the others are delivered again without it, up to DUE_NOW_ROUNDS
   * times; any other failure hands every reminder of the round back, as is a reminder whose chain is
   * not among `chains`, and the later reminders of a handover handed back. What is handed back is to
   * queue as jobs, the chains left as they are.
   */
  async deliverHere(tx: EntityManager, steps: readonly DueGapStep[], chains: ReadonlyMap<string, ChainRecord>): Promise<DeliveredHere> {
    const handedBack: ScheduledReminder[] = [];
    const moved = new Map<string, ChainRecord>();
    const refused = new Set<string>();
    for (const round of oneEachRounds(steps)) {
      const pending = round.filter((step) => {
        if (!refused.has(step.job.handoverId)) return true;
        handedBack.push(step);
        return false;
      });
      const delivered = await this.deliverRound(tx, pending, chains);
      for (const step of delivered.handedBack) refused.add(step.job.handoverId);
      handedBack.push(...delivered.handedBack, ...delivered.following);
      for (const record of delivered.moved) moved.set(record.handoverId, record);
    }
    return { handedBack, moved: [...moved.values()] };
  }

  /** One round of deliverHere: at most one reminder per handover. */
  private async deliverRound(
    tx: EntityManager,
    steps: readonly DueGapStep[],
    chains: ReadonlyMap<string, ChainRecord>,
  ): Promise<{ handedBack: DueGapStep[]; following: ScheduledReminder[]; moved: ChainRecord[] }> {
    if (steps.length === 0) return { handedBack: [], following: [], moved: [] };
    const pending = [...steps];
    const handedBack: DueGapStep[] = [];
    await tx.query(`SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
    for (let round = 1; ; round += 1) {
      let outcomes: PromiseSettledResult<DeliveryResult>[];
      try {
        const items = pending.map((step) => ({ reminderId: step.id, job: step.job }));
        const held = items.flatMap((item) => {
          const chain = chains.get(item.job.handoverId);
          return chain === undefined ? [] : [{ reminderId: item.reminderId, chain }];
        });
        outcomes = await this.deliverAll(tx, items, await loadHeldDeliveryContexts(tx, held), 'caller');
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
        const moved =
          round < DUE_NOW_ROUNDS ? pending.findIndex((step) => handoverStreamId(step.job.handoverId) === movedStreamOf(error)) : -1;
        if (moved >= 0) {
          handedBack.push(...pending.splice(moved, 1));
          if (pending.length > 0) continue;
        } else handedBack.push(...pending.splice(0));
        await tx.query(`RELEASE SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
        return { handedBack, following: [], moved: [] };
      }
      await tx.query(`RELEASE SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
      const now = this.clock.now();
      const moved: ChainRecord[] = [];
      const following: ScheduledReminder[] = [];
      for (const [index, step] of pending.entries()) {
        const outcome = outcomes[index];
        if (outcome?.status !== 'fulfilled') {
          handedBack.push(step);
          continue;
        }
        const { job } = step;
        if (job.kind !== 'gap') {
          if (outcome.value.next !== undefined) following.push(outcome.value.next);
          continue;
        }
        // The step is done (written now or before, or nobody to remind): the chain waits for the next one.
        const chain = chains.get(job.handoverId);
        if (chain !== undefined && outcome.value.status !== 'obsolete') {
          moved.push(withFollowUp(chain, job.step + 1, new Date(now.getTime() + delayAfterStep(this.schedule, job.step)).toISOString()));
        }
      }
      return { handedBack, following, moved };
    }
  }

  /** Queues the webhook / e-mail jobs and the next step (after the delivery committed); `more`: further next steps. */
  async followUp(
    result: { readonly outside: ScheduledDelivery[]; readonly next?: ScheduledReminder | ScheduledSubjectReminder },
    more: readonly ScheduledReminder[] = [],
  ): Promise<void> {
    const next = result.next === undefined ? [...more] : [result.next, ...more];
    await Promise.all([this.queues.addDeliveries(result.outside), this.queues.addReminders(next)]);
  }

  private async deliverIn(tx: EntityManager, reminderId: string, job: ReminderJob): Promise<DeliveryResult> {
    const item = { reminderId, job };
    const contexts = await lockedContexts(tx, [item]);
    const context = contexts.get(reminderId);
    const facts = context === undefined || context.delivered || context.revoked ? {} : await this.kindFacts(tx, job, context);
    const [outcome] = await this.deliverAll(tx, [item], contexts, 'delivery', facts);
    if (outcome === undefined) throw new Error(`no outcome for reminder ${reminderId}`);
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  }

  /** What the pure decision needs beyond the chain, for the kinds that need it (read in the delivery's transaction). */
  private async kindFacts(tx: EntityManager, job: ReminderJob, context: DeliveryContext): Promise<KindFacts> {
    switch (job.kind) {
      case 'gaps-closed':
        return { reminded: await remindedInEpisode(tx, job.handoverId, job.episode) };
      case 'handover-recorded':
      case 'unanswered': {
        const handover = (await this.aggregates.handover(job.handoverId, tx)).state;
        return { handover: { status: handover.status, effectiveOn: handover.status === 'none' ? '' : handover.effectiveOn } };
      }
      case 'certificate-expiry': {
        const team = (await this.aggregates.team(context.chain.teamId, tx)).state;
        const officer =
          team.status === 'formed'
            ? team.officers.find((o) => o.officerId === job.officerId && o.certificateExpiresOn === job.expiresOn)
            : undefined;
        return { officer: officer ?? null };
      }
      default:
        return {};
    }
  }

  /**
   * Decides each reminder (decideDelivery) and does what the decisions say, in the caller's transaction:
   * every reminder to deliver written in one statement, every ReminderSent appended in one statement,
   * each against the head read with its chain. A reminder without a context (its chain not committed
   * yet), or one whose chain is behind it, is rejected (retried).
   */
  private async deliverAll(
    tx: EntityManager,
    items: readonly Item[],
    contexts: ReadonlyMap<string, DeliveryContext>,
    move: ChainMove,
    kindFacts: KindFacts = {},
  ): Promise<PromiseSettledResult<DeliveryResult>[]> {
    const outcomes: PromiseSettledResult<DeliveryResult>[] = [];
    const writes: { index: number; write: ReminderWrite; result: DeliveryResult; context: DeliveryContext }[] = [];
    const now = this.clock.now();
    for (const [index, item] of items.entries()) {
      const context = contexts.get(item.reminderId);
      try {
        if (context === undefined) throw new ChainNotReadyError(`handover ${item.job.handoverId} has no reminder chain yet`);
        const decision = decideDelivery({
          ...kindFacts,
          reminderId: item.reminderId,
          job: item.job,
          facts: context,
          schedule: this.schedule,
          coalesceMs: this.config.reminderCoalesceMs,
          today: localDate(now, this.config.timeZone),
        });
        if (decision.kind === 'deliver') {
          const outside = this.outside(item.reminderId, decision.reminder.recipients);
          const nextStep = move === 'delivery' ? (decision.advanceTo ?? null) : null;
          writes.push({
            index,
            write: { reminder: decision.reminder, outside: outside.rows, nextStep },
            result: { status: 'delivered', outside: outside.jobs, ...(decision.next === undefined ? {} : { next: decision.next }) },
            context,
          });
        } else outcomes[index] = { status: 'fulfilled', value: await this.settle(tx, item, decision, move) };
      } catch (error) {
        outcomes[index] = { status: 'rejected', reason: error };
      }
    }
    await writeReminders(
      tx,
      writes.map((entry) => entry.write),
    );
    await this.eventStore.appendOneEach(
      writes.map((entry) => this.sentAppend(entry.write.reminder, entry.context.streamVersion)),
      { transaction: tx },
    );
    for (const entry of writes) outcomes[entry.index] = { status: 'fulfilled', value: entry.result };
    return outcomes;
  }

  /** The outcome of a decision that writes no reminder. */
  private async settle(
    tx: EntityManager,
    item: Item,
    decision: Exclude<DeliveryDecision, { kind: 'deliver' }>,
    move: ChainMove,
  ): Promise<DeliveryResult> {
    switch (decision.kind) {
      case 'not-ready':
        throw new ChainNotReadyError(decision.reason);
      case 'already-delivered': {
        const outside = this.outside(item.reminderId, await recipientsOf(tx, item.reminderId)).jobs;
        return { status: 'already-delivered', outside, ...(decision.next === undefined ? {} : { next: decision.next }) };
      }
      case 'obsolete':
        return { status: 'obsolete', reason: decision.reason, outside: [] };
      case 'coalesced':
        return { status: 'coalesced', reason: decision.reason, outside: [], next: decision.next };
      case 'no-recipients':
        if (decision.advanceTo !== undefined && move === 'delivery') await advanceChain(tx, item.job.handoverId, decision.advanceTo);
        return {
          status: 'no-recipients',
          reason: decision.reason,
          outside: [],
          ...(decision.next === undefined ? {} : { next: decision.next }),
        };
      default: {
        const unknown: never = decision;
        throw new Error(`Unknown delivery decision ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** ReminderSent on the handover's stream (built as the handover decider builds it), expecting the version read with the chain. */
  private sentAppend(reminder: ReminderToRecord, expectedVersion: number): SingleAppend {
    return {
      streamId: handoverStreamId(reminder.handoverId),
      expectedVersion,
      event: reminderSentEvent({ ...reminder, recipients: reminder.recipients.map((user) => user.username) }),
      metadata: {
        actor: SYSTEM_ACTOR,
        countyId: reminder.countyId,
        correlationId: reminder.reminderId,
        causationId: reminder.reminderId,
        occurredAt: this.clock.now().toISOString(),
      },
    };
  }

  private outside(reminderId: string, recipients: readonly Candidate[]): ReturnType<typeof outsideDeliveries> {
    return outsideDeliveries(this.config, reminderId, recipients);
  }
}
