import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { daysBetween, type ReminderKind } from '@fangquan/domain';
import { EventStore, type SingleAppend, StreamVersionConflictError } from '@fangquan/event-store';
import { handoverStreamId } from '@fangquan/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { LedgerAggregates } from '../chain/ledger-aggregates';
import { type ChainRecord, withFollowUp } from '../chain/chain-record';
import { deliveryJobId, gapReminderId } from '../policy/reminder-ids';
import type { ReminderDetail } from '../policy/reminder-message';
import { type Candidate, gapRecipientScope, selectRecipients, townshipRecipientScope } from '../policy/reminder-recipients';
import { delayAfterStep, isEscalatedStep, type ReminderSchedule } from '../policy/reminder-schedule';
import type { ReminderJob } from '../queues/job-data';
import { ReminderQueues, type ScheduledDelivery, type ScheduledReminder } from '../queues/reminder-queues';
import { advanceChain } from '../chain/chain-rows';
import { ChainNotReadyError } from './delivery-errors';
import { remindedInEpisode } from './recipient-directory';
import {
  type DeliveryContext,
  loadDeliveryContexts,
  loadHeldDeliveryContexts,
  type OutsideDelivery,
  recipientsOf,
  type ReminderToRecord,
  type ReminderWrite,
  writeReminders,
} from './reminder-records';

export type DeliveryStatus = 'delivered' | 'already-delivered' | 'obsolete' | 'no-recipients';

export interface DeliveryResult {
  readonly status: DeliveryStatus;
  readonly reason?: string;
  /** Webhook and e-mail jobs to queue once the reminder has committed. */
  readonly outside: ScheduledDelivery[];
  /** The next step of a gap chain. */
  readonly next?: ScheduledReminder;
}

export type GapJob = Extract<ReminderJob, { kind: 'gap' }>;

/** A gap step due now (see planDueNow). */
export interface DueGapStep extends ScheduledReminder {
  readonly job: GapJob;
}

export interface DueNowPlan {
  readonly here: DueGapStep[];
  readonly queued: ScheduledReminder[];
}

/** What deliverHere leaves to its caller: the steps to queue as jobs, and the chains to save moved on. */
export interface DeliveredHere {
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
  readonly job: GapJob;
}

/** What a delivery decided before writing: an outcome at once, or a reminder to write and append. */
type Plan = { readonly done: DeliveryResult } | { readonly write: ReminderWrite; readonly result: DeliveryResult };

const SYSTEM_ACTOR = 'system:reminders';
const DUE_NOW_SAVEPOINT = 'fangquan_reminders_due_now';
/** How many times the batch's deliveries are tried, each time without the one step whose stream moved. */
const DUE_NOW_ROUNDS = 3;

/** The stream a refused append names when it knows which one moved (a lost race for the key does not). */
function movedStreamOf(error: unknown): string | undefined {
  return error instanceof StreamVersionConflictError && error.actual !== null ? error.streamId : undefined;
}
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const obsolete = (reason: string): DeliveryResult => ({ status: 'obsolete', reason, outside: [] });

/** The contexts of jobs' reminders, their chains locked and read in the same statement. */
function lockedContexts(
  tx: EntityManager,
  items: readonly { reminderId: string; job: ReminderJob }[],
): Promise<Map<string, DeliveryContext>> {
  return loadDeliveryContexts(
    tx,
    items.map((item) => ({
      handoverId: item.job.handoverId,
      streamId: handoverStreamId(item.job.handoverId),
      reminderId: item.reminderId,
    })),
  );
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
   * Delivers gap steps of different handovers together: one transaction, one statement to read,
   * one to write, one to append every ReminderSent. When the transaction fails (a lost race on one stream), each is
   * delivered on its own, so one conflict never fails the others.
   */
  async deliverGaps(items: readonly GapDelivery[]): Promise<PromiseSettledResult<DeliveryResult>[]> {
    const distinct = new Set(items.map((item) => item.job.handoverId)).size === items.length;
    if (items.length > 1 && distinct) {
      try {
        return await this.dataSource.transaction(async (tx) => this.deliverGapsIn(tx, items, await lockedContexts(tx, items), 'delivery'));
      } catch {
        // One by one below.
      }
    }
    return Promise.allSettled(items.map((item) => this.deliver(item.reminderId, item.job)));
  }

  /**
   * Which gap steps can be delivered in the caller's transaction (`deliverHere`): those due now, one per
   * handover, while no outside channel is configured — a webhook or e-mail job must not be queued
   * before its reminder commits, so with one the delivery worker takes every step. The others go to
   * the queue as they are. The step after each of `here` is left on its chain for the relay (see
   * deliverHere); a step handed back is delivered by the worker, which queues its next step itself.
   */
  planDueNow(steps: readonly ScheduledReminder[]): DueNowPlan {
    const plan: DueNowPlan = { here: [], queued: [] };
    if (this.config.webhookUrl !== undefined || this.config.smtpUrl !== undefined) return { ...plan, queued: [...steps] };
    const handovers = new Set<string>();
    for (const step of steps) {
      const { job } = step;
      if (job.kind === 'gap' && step.delayMs === 0 && !handovers.has(job.handoverId)) {
        handovers.add(job.handoverId);
        plan.here.push({ ...step, job });
      } else plan.queued.push(step);
    }
    return plan;
  }

  /**
   * Delivers gap steps in the caller's transaction: the process manager's, which holds their chains
   * (`chains`, by handover id: locked, or new) and saves them after — no job and no second transaction
   * for the first reminder of a chain, the chains neither read nor written here. Answers the chains
   * of the steps delivered moved on to their next step, due at its time (followUpDueAt: FollowUpRelay
   * queues it), so that the caller writes each chain once. Under a savepoint: when the
   * delivery fails, it leaves nothing behind. If one handover's stream moved since its head was read
   * (or a user's command wrote it after this transaction began: see LogOrderConflictError), that step
   * is handed back and the others are delivered again without it, up to DUE_NOW_ROUNDS times; any
   * other failure hands every step back, as is a step whose chain is not among `chains`. The steps
   * handed back are to queue as jobs, their chains left as they are.
   */
  async deliverHere(tx: EntityManager, steps: readonly DueGapStep[], chains: ReadonlyMap<string, ChainRecord>): Promise<DeliveredHere> {
    if (steps.length === 0) return { handedBack: [], moved: [] };
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
        outcomes = await this.deliverGapsIn(tx, items, await loadHeldDeliveryContexts(tx, held), 'caller');
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
        const moved =
          round < DUE_NOW_ROUNDS ? pending.findIndex((step) => handoverStreamId(step.job.handoverId) === movedStreamOf(error)) : -1;
        if (moved >= 0) {
          handedBack.push(...pending.splice(moved, 1));
          if (pending.length > 0) continue;
        } else handedBack.push(...pending.splice(0));
        await tx.query(`RELEASE SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
        return { handedBack, moved: [] };
      }
      await tx.query(`RELEASE SAVEPOINT ${DUE_NOW_SAVEPOINT}`);
      const now = this.clock.now();
      const moved: ChainRecord[] = [];
      for (const [index, step] of pending.entries()) {
        const outcome = outcomes[index];
        if (outcome?.status !== 'fulfilled') {
          handedBack.push(step);
          continue;
        }
        // The step is done (written now or before, or nobody to remind): the chain waits for the next one.
        const chain = chains.get(step.job.handoverId);
        if (chain !== undefined && outcome.value.status !== 'obsolete') {
          moved.push(
            withFollowUp(chain, step.job.step + 1, new Date(now.getTime() + delayAfterStep(this.schedule, step.job.step)).toISOString()),
          );
        }
      }
      return { handedBack, moved };
    }
  }

  /** Delivers gap steps given their contexts (a step without one is not ready: its outcome is rejected). */
  private async deliverGapsIn(
    tx: EntityManager,
    items: readonly GapDelivery[],
    contexts: ReadonlyMap<string, DeliveryContext>,
    move: ChainMove,
  ): Promise<PromiseSettledResult<DeliveryResult>[]> {
    const outcomes: PromiseSettledResult<DeliveryResult>[] = [];
    const writes: { index: number; write: ReminderWrite; result: DeliveryResult; context: DeliveryContext }[] = [];
    for (const [index, item] of items.entries()) {
      const context = contexts.get(item.reminderId);
      try {
        if (context === undefined) throw new ChainNotReadyError(`handover ${item.job.handoverId} has no reminder chain yet`);
        let plan: Plan;
        if (context.delivered) plan = { done: await this.alreadyDelivered(tx, item.reminderId, item.job, context.chain) };
        else if (context.revoked) plan = { done: obsolete('the handover was revoked') };
        else plan = this.planGap(item.reminderId, item.job, context, move);
        if ('done' in plan) {
          if (plan.done.status === 'no-recipients' && move === 'delivery') await advanceChain(tx, item.job.handoverId, item.job.step + 1);
          outcomes[index] = { status: 'fulfilled', value: plan.done };
        } else writes.push({ index, write: plan.write, result: plan.result, context });
      } catch (error) {
        outcomes[index] = { status: 'rejected', reason: error };
      }
    }
    await writeReminders(
      tx,
      writes.map((entry) => entry.write),
    );
    // Every ReminderSent of the batch in one statement, each against the head read with its chain.
    await this.eventStore.appendOneEach(
      writes.map((entry) => this.sentAppend(entry.write.reminder, entry.context.streamVersion)),
      { transaction: tx },
    );
    for (const entry of writes) outcomes[entry.index] = { status: 'fulfilled', value: entry.result };
    return outcomes;
  }

  /** Queues the webhook / e-mail jobs and the next step (after the delivery committed); `more`: further next steps. */
  async followUp(result: Pick<DeliveryResult, 'outside' | 'next'>, more: readonly ScheduledReminder[] = []): Promise<void> {
    const next = result.next === undefined ? [...more] : [result.next, ...more];
    await Promise.all([this.queues.addDeliveries(result.outside), this.queues.addReminders(next)]);
  }

  private async deliverIn(tx: EntityManager, reminderId: string, job: ReminderJob): Promise<DeliveryResult> {
    const context = (await lockedContexts(tx, [{ reminderId, job }])).get(reminderId);
    if (context === undefined) throw new ChainNotReadyError(`handover ${job.handoverId} has no reminder chain yet`);
    if (context.delivered) return this.alreadyDelivered(tx, reminderId, job, context.chain);
    if (context.revoked) return obsolete('the handover was revoked');
    switch (job.kind) {
      case 'gap': {
        const plan = this.planGap(reminderId, job, context, 'delivery');
        if (!('done' in plan))
          return this.record(tx, context, plan.write.reminder, plan.write.nextStep).then((result) => ({
            ...result,
            ...plan.result,
            outside: result.outside,
          }));
        if (plan.done.status === 'no-recipients') await advanceChain(tx, job.handoverId, job.step + 1);
        return plan.done;
      }
      case 'gaps-closed': {
        if (context.chain.revision < job.revision)
          throw new ChainNotReadyError(`chain of ${job.handoverId} is at revision ${context.chain.revision}, the job at ${job.revision}`);
        const reminded = await remindedInEpisode(tx, job.handoverId, job.episode);
        return this.record(
          tx,
          context,
          { ...this.base(reminderId, context.chain, 'gaps-closed', reminded.lastStep, reminded.recipients), episode: job.episode },
          null,
        );
      }
      case 'unanswered': {
        const handover = (await this.aggregates.handover(job.handoverId, tx)).state;
        if (handover.status !== 'recorded') return obsolete(`the handover is ${handover.status}: answered or revoked`);
        const recipients = selectRecipients(context.candidates, townshipRecipientScope(context.chain.townshipId));
        const detail: ReminderDetail = { type: 'unanswered', effectiveOn: handover.effectiveOn, daysBefore: job.daysBefore };
        return this.record(tx, context, { ...this.base(reminderId, context.chain, 'unanswered', 0, recipients), detail }, null);
      }
      case 'certificate-expiry': {
        const team = (await this.aggregates.team(context.chain.teamId, tx)).state;
        const officer =
          team.status === 'formed'
            ? team.officers.find((o) => o.officerId === job.officerId && o.certificateExpiresOn === job.expiresOn)
            : undefined;
        if (officer === undefined) return obsolete('the officer has left the team or renewed the certificate');
        if (daysBetween(this.today(), officer.certificateExpiresOn) < 0)
          return obsolete('the certificate has expired: the gap reminders take over');
        const recipients = selectRecipients(context.candidates, townshipRecipientScope(context.chain.townshipId));
        const detail: ReminderDetail = {
          type: 'certificate',
          officerName: officer.name,
          certificateNumber: officer.certificateNumber,
          expiresOn: officer.certificateExpiresOn,
          daysBefore: job.daysBefore,
        };
        return this.record(tx, context, { ...this.base(reminderId, context.chain, 'certificate-expiry', 0, recipients), detail }, null);
      }
      default: {
        const unknown: never = job;
        throw new Error(`Unknown reminder job ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Whether a gap step is still due, and to whom. */
  private planGap(reminderId: string, job: GapJob, context: DeliveryContext, move: ChainMove): Plan {
    const { chain } = context;
    if (chain.revision < job.revision)
      throw new ChainNotReadyError(`chain of ${job.handoverId} is at revision ${chain.revision}, the job at ${job.revision}`);
    if (chain.revision !== job.revision || chain.fingerprint !== job.fingerprint || chain.episode !== job.episode)
      return { done: obsolete('the gaps have changed or closed since') };
    // Behind the job: the step before it is written in a transaction that has not committed yet (or
    // rolled back after queuing this job, and will be written again). Retried, never dropped.
    if (chain.nextStep < job.step)
      throw new ChainNotReadyError(`chain of ${job.handoverId} waits for step ${chain.nextStep}, the job is step ${job.step}`);
    if (chain.nextStep !== job.step) return { done: obsolete(`the chain waits for step ${chain.nextStep}, not ${job.step}`) };
    const escalated = isEscalatedStep(this.schedule, job.step);
    const recipients = selectRecipients(context.candidates, gapRecipientScope(chain.gaps, escalated));
    const next = this.nextStep(job);
    if (recipients.length === 0)
      return { done: { status: 'no-recipients', reason: 'no user of the responsible department or county office', outside: [], next } };
    const reminder: ReminderToRecord = {
      ...this.base(reminderId, chain, 'gap', job.step, recipients),
      episode: job.episode,
      escalated,
      gaps: chain.gaps,
    };
    const outside = this.outside(reminderId, recipients);
    return {
      write: { reminder, outside: outside.rows, nextStep: move === 'delivery' ? job.step + 1 : null },
      result: { status: 'delivered', outside: outside.jobs, next },
    };
  }

  /** Writes the rows and appends ReminderSent; nobody to remind writes nothing (a gap chain still moves on). */
  private async record(
    tx: EntityManager,
    context: DeliveryContext,
    reminder: ReminderToRecord,
    nextStep: number | null,
  ): Promise<DeliveryResult> {
    if (reminder.recipients.length === 0) {
      if (nextStep !== null) await advanceChain(tx, reminder.handoverId, nextStep);
      return { status: 'no-recipients', reason: 'no user of the responsible department, county office or township', outside: [] };
    }
    const outside = this.outside(reminder.reminderId, reminder.recipients);
    await writeReminders(tx, [{ reminder, outside: outside.rows, nextStep }]);
    await this.appendSent(tx, reminder, context.streamVersion);
    return { status: 'delivered', outside: outside.jobs };
  }

  /** ReminderSent on the handover's stream, expecting the version read with the chain: a concurrent append makes it conflict. */
  private async appendSent(tx: EntityManager, reminder: ReminderToRecord, expectedVersion: number): Promise<void> {
    const { streamId, event, metadata } = this.sentAppend(reminder, expectedVersion);
    await this.eventStore.append(streamId, expectedVersion, [event], metadata, { transaction: tx });
  }

  private sentAppend(reminder: ReminderToRecord, expectedVersion: number): SingleAppend {
    return {
      streamId: handoverStreamId(reminder.handoverId),
      expectedVersion,
      event: {
        type: 'ReminderSent',
        data: {
          reminderId: reminder.reminderId,
          kind: reminder.kind,
          step: reminder.step,
          recipients: reminder.recipients.map((user) => user.username),
          ...(reminder.gaps === null ? {} : { gaps: reminder.gaps }),
        },
      },
      metadata: {
        actor: SYSTEM_ACTOR,
        countyId: reminder.countyId,
        correlationId: reminder.reminderId,
        causationId: reminder.reminderId,
        occurredAt: this.clock.now().toISOString(),
      },
    };
  }

  /** A job run again after its reminder committed: queue what may not have been queued. */
  private async alreadyDelivered(tx: EntityManager, reminderId: string, job: ReminderJob, chain: ChainRecord): Promise<DeliveryResult> {
    const outside = this.outside(reminderId, await recipientsOf(tx, reminderId)).jobs;
    const current =
      job.kind === 'gap' &&
      chain.handoverStatus !== 'revoked' &&
      chain.revision === job.revision &&
      chain.fingerprint === job.fingerprint &&
      chain.nextStep === job.step + 1;
    return { status: 'already-delivered', outside, ...(current && job.kind === 'gap' ? { next: this.nextStep(job) } : {}) };
  }

  private nextStep(job: GapJob): ScheduledReminder {
    const step = job.step + 1;
    return { id: gapReminderId({ ...job, step }), job: { ...job, step }, delayMs: delayAfterStep(this.schedule, job.step) };
  }

  private base(
    reminderId: string,
    chain: ChainRecord,
    kind: ReminderKind,
    step: number,
    recipients: readonly Candidate[],
  ): ReminderToRecord {
    return {
      reminderId,
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

  /** The webhook (when WEBHOOK_URL is set) and the e-mails (when SMTP_URL is set): MAIL_TO and recipients whose username is an address. */
  private outside(reminderId: string, recipients: readonly Candidate[]): { rows: OutsideDelivery[]; jobs: ScheduledDelivery[] } {
    const rows: OutsideDelivery[] = [];
    const { webhookUrl, smtpUrl, mailTo } = this.config;
    if (webhookUrl !== undefined) {
      const url = new URL(webhookUrl);
      rows.push({ channel: 'webhook', target: webhookUrl, label: `${url.origin}${url.pathname}` });
    }
    if (smtpUrl !== undefined) {
      const addresses = new Set([...mailTo, ...recipients.map((user) => user.username).filter((name) => EMAIL.test(name))]);
      for (const address of [...addresses].sort()) rows.push({ channel: 'email', target: address, label: address });
    }
    const jobs = rows.map((row) => ({
      id: deliveryJobId(reminderId, row.channel, row.target),
      job: { reminderId, channel: row.channel, recipient: row.target },
    }));
    return { rows, jobs };
  }

  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }
}
