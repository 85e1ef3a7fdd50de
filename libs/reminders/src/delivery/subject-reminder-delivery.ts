import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventStore } from '@fangquan/event-store';
import { type RaisedWhistle, whistleDecider } from '@fangquan/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { outsideDeliveries } from '../policy/outside-deliveries';
import type { Candidate } from '../policy/reminder-recipients';
import {
  decideSubjectDelivery,
  requestFactsOf,
  type SubjectDeliveryDecision,
  type SubjectReminderDraft,
  type SubjectReminderJob,
} from '../policy/subject-reminders';
import { decideSupervision, type SupervisionJob, supervisionReminderId, whistleOf } from '../policy/supervision';
import type { OutsideDelivery } from './reminder-records';
import type { ScheduledSubjectReminder } from '../queues/reminder-queues';
import type { DeliveryResult } from './reminder-delivery.service';
import { ChainNotReadyError } from './delivery-errors';
import { recipientsOf } from './reminder-records';

/** What a delivery did, and what to queue once it has committed: the outside deliveries and the next step. */
export type SubjectDeliveryResult = Omit<DeliveryResult, 'next'> & { readonly next?: ScheduledSubjectReminder };

const REMINDABLE = `role IN ('county_admin', 'department', 'township')`;
const SYSTEM_ACTOR = 'system:reminders';

/** The users of a county who can be reminded. */
function countyCandidates(tx: EntityManager, countyId: string): Promise<Candidate[]> {
  return tx.query(
    `SELECT id::text AS id, username, role, department, township_id::text AS "townshipId", head FROM users
     WHERE county_id = $1::uuid AND ${REMINDABLE} ORDER BY username`,
    [countyId],
  ) as Promise<Candidate[]>;
}

/**
 * Delivers a reminder about a request or a whistle, exactly once in effect, in ONE transaction: a lock on the
 * reminder id (two runs of one job go one at a time), whether it is written, the request folded from
 * its stream and the county's users are read; the decision (decideSubjectDelivery) is written — the
 * reminder, one inbox row per recipient (superseding the recipient's unread items of the same subject),
 * the delivery rows — each insert idempotent; a supervision first records the step overdue on the whistle
 * (its own rule, appended in the same transaction against the version read). The reminders row is the record that it went: a job run
 * again after a crash finds it and only queues what follows (the next step, the outside deliveries).
 */
@Injectable()
export class SubjectReminderDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  deliver(reminderId: string, job: SubjectReminderJob): Promise<SubjectDeliveryResult> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [reminderId]);
      const [{ delivered }] = (await tx.query(`SELECT EXISTS (SELECT 1 FROM reminders WHERE id = $1) AS delivered`, [reminderId])) as [
        { delivered: boolean },
      ];
      const events = await this.eventStore.readStream(job.streamId, 1, { transaction: tx });
      const schedule = { stepsMs: this.config.reminderStepsMs, repeatMs: this.config.reminderRepeatMs };
      if (job.kind === 'supervision') {
        const whistle = whistleOf(events);
        const now = this.clock.now();
        const candidates = whistle === undefined ? [] : await countyCandidates(tx, whistle.countyId);
        const decision = decideSupervision({ reminderId, job, delivered, whistle, candidates, schedule, now: now.toISOString() });
        if (whistle !== undefined && decision.kind !== 'obsolete' && decision.kind !== 'not-ready')
          await this.recordOverdue(tx, job, whistle, events.length, now);
        return this.carryOut(tx, reminderId, decision);
      }
      const request = requestFactsOf(job, events);
      const candidates = request === undefined ? [] : await countyCandidates(tx, request.countyId);
      return this.carryOut(tx, reminderId, decideSubjectDelivery({ reminderId, job, delivered, request, candidates, schedule }));
    });
  }

  /**
   * Records the step overdue on the whistle, in the delivery's transaction, through the whistle's own rule
   * (RecordStepOverdue: once per step and deadline, so a round after the first, or a run again, adds
   * nothing), expecting the stream's version just read.
   */
  private async recordOverdue(tx: EntityManager, job: SupervisionJob, whistle: RaisedWhistle, version: number, now: Date): Promise<void> {
    const ctx = { now: now.toISOString(), today: localDate(now, this.config.timeZone) };
    const decision = whistleDecider.decide({ type: 'RecordStepOverdue', data: { step: job.step, deadline: job.deadline } }, whistle, ctx);
    if (!decision.ok) throw new Error(`whistle ${job.whistleId} refused its overdue ${job.step}: ${JSON.stringify(decision.error)}`);
    if (decision.events.length === 0) return;
    const metadata = {
      actor: SYSTEM_ACTOR,
      countyId: whistle.countyId,
      correlationId: supervisionReminderId(job),
      causationId: supervisionReminderId(job),
      occurredAt: ctx.now,
    };
    await this.eventStore.append(job.streamId, version, decision.events, metadata, { transaction: tx });
  }

  private async carryOut(tx: EntityManager, reminderId: string, decision: SubjectDeliveryDecision): Promise<SubjectDeliveryResult> {
    switch (decision.kind) {
      case 'not-ready':
        throw new ChainNotReadyError(decision.reason);
      case 'obsolete':
        return { status: 'obsolete', reason: decision.reason, outside: [] };
      case 'no-recipients':
        return {
          status: 'no-recipients',
          reason: decision.reason,
          outside: [],
          ...(decision.next === undefined ? {} : { next: decision.next }),
        };
      case 'already-delivered': {
        const outside = outsideDeliveries(this.config, reminderId, await recipientsOf(tx, reminderId)).jobs;
        return { status: 'already-delivered', outside, ...(decision.next === undefined ? {} : { next: decision.next }) };
      }
      case 'deliver': {
        const outside = outsideDeliveries(this.config, reminderId, decision.reminder.recipients);
        await writeSubjectReminder(tx, decision.reminder, outside.rows);
        return { status: 'delivered', outside: outside.jobs, ...(decision.next === undefined ? {} : { next: decision.next }) };
      }
      default: {
        const unknown: never = decision;
        throw new Error(`Unknown subject delivery decision ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/**
 * Writes a subject reminder in one statement: the reminder, one inbox row per recipient (their earlier
 * unread items of the same subject count as read: one unread item per subject), and the delivery rows
 * (inbox delivered; webhook, e-mail and robots pending); each insert idempotent.
 */
async function writeSubjectReminder(tx: EntityManager, reminder: SubjectReminderDraft, outside: readonly OutsideDelivery[]): Promise<void> {
  const recipients = reminder.recipients.map((user) => ({ userId: user.id, username: user.username, inboxId: randomUUID() }));
  await tx.query(
    `WITH r AS (
       INSERT INTO reminders (id, handover_id, county_id, kind, step, episode, escalated, gaps, detail, recipients, township_name, power_code,
         power_name, subject_type, subject_id, subject_title, created_at)
       VALUES ($1, NULL, $2, $3, $4, NULL, $5, NULL, $6::jsonb, $7::jsonb, NULL, NULL, NULL, $8, $9, $10, clock_timestamp())
       ON CONFLICT (id) DO NOTHING RETURNING id),
     rc AS (SELECT * FROM jsonb_to_recordset($11::jsonb) AS rc("userId" uuid, username text, "inboxId" uuid)),
     i AS (
       INSERT INTO inbox (id, reminder_id, recipient_user_id, county_id, handover_id, kind, gaps, step, subject_type, subject_id, subject_title,
         outcome, created_at)
       SELECT rc."inboxId", r.id, rc."userId", $2, NULL, $3, NULL, $4, $8, $9, $10, $12, clock_timestamp() FROM r, rc
       ON CONFLICT (reminder_id, recipient_user_id) DO NOTHING),
     s AS (
       UPDATE inbox o SET read_at = clock_timestamp() FROM r, rc
       WHERE o.recipient_user_id = rc."userId" AND o.subject_id = $9 AND o.read_at IS NULL AND o.reminder_id <> r.id)
     INSERT INTO reminder_deliveries (reminder_id, channel, recipient, status, attempts, updated_at)
     SELECT r.id, 'inbox', rc.username, 'delivered', 1, clock_timestamp() FROM r, rc
     UNION ALL
     SELECT r.id, o->>'channel', o->>'label', 'pending', 0, clock_timestamp() FROM r, jsonb_array_elements($13::jsonb) AS o
     ON CONFLICT (reminder_id, channel, recipient) DO NOTHING`,
    [
      reminder.reminderId,
      reminder.countyId,
      reminder.kind,
      reminder.step,
      reminder.escalated,
      JSON.stringify(reminder.outcome === null ? null : { type: 'decision', outcome: reminder.outcome }),
      JSON.stringify(recipients.map(({ userId, username }) => ({ userId, username }))),
      reminder.subject.type,
      reminder.subject.id,
      reminder.subject.title ?? null,
      JSON.stringify(recipients),
      reminder.outcome,
      JSON.stringify(outside.map((delivery) => ({ channel: delivery.channel, label: delivery.label }))),
    ],
  );
}
