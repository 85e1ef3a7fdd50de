import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import {
  certificateReminderId,
  gapReminderId,
  gapsClosedReminderId,
  gapUpdateReminderId,
  handoverRecordedReminderId,
  unansweredReminderId,
} from '../policy/reminder-ids';
import { subjectReminderId } from '../policy/subject-reminders';
import { MalformedJobError, parseReminderJob, parseSubjectReminderJob, type ReminderJob, SUBJECT_JOB_KINDS } from '../queues/job-data';
import { throttledErrorLog } from '../queues/redis-error-log';
import { REMINDER_QUEUE, WORKER_BULL_CONFIG, WORKER_LOCK_MS, WORKER_MAX_STALLED, WORKER_STALLED_INTERVAL_MS } from '../queues/queue-names';
import { GapDeliveryBatcher } from './gap-delivery.batcher';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { SubjectReminderDelivery } from './subject-reminder-delivery';

/** The id a reminder job must carry: the reminder id its data names. */
export function expectedReminderId(job: ReminderJob): string {
  switch (job.kind) {
    case 'gap':
      return gapReminderId(job);
    case 'gap-update':
      return gapUpdateReminderId(
        job.handoverId,
        job.episode,
        job.after === undefined ? `r${job.revision}` : `after-${Date.parse(job.after)}`,
      );
    case 'handover-recorded':
      return handoverRecordedReminderId(job.handoverId);
    case 'gaps-closed':
      return gapsClosedReminderId(job.handoverId, job.episode);
    case 'unanswered':
      return unansweredReminderId(job.handoverId, job.daysBefore);
    case 'certificate-expiry':
      return certificateReminderId(job.handoverId, job.officerId, job.expiresOn, job.daysBefore);
    default: {
      const unknown: never = job;
      throw new Error(`Unknown reminder job ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The delivery worker of the `reminders` queue. Malformed data fails the job at once with the reason
 * (no retries); a chain that has not committed yet, a database or Redis that is away, a lost race
 * with another append fail the attempt and BullMQ retries it with back-off. A worker killed mid-job
 * leaves a stalled job that another worker (or this one restarted) runs again: the effects are
 * idempotent.
 */
@Processor(
  { name: REMINDER_QUEUE, configKey: WORKER_BULL_CONFIG },
  { concurrency: 256, lockDuration: WORKER_LOCK_MS, stalledInterval: WORKER_STALLED_INTERVAL_MS, maxStalledCount: WORKER_MAX_STALLED },
)
export class ReminderProcessor extends WorkerHost {
  private readonly logger = new Logger('ReminderWorker');

  constructor(
    private readonly delivery: ReminderDeliveryService,
    private readonly batcher: GapDeliveryBatcher,
    private readonly subjects: SubjectReminderDelivery,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (SUBJECT_JOB_KINDS.includes(job.name)) return this.processSubject(job);
    const data = parseReminderJob(job.name, job.data);
    const expected = expectedReminderId(data);
    if (job.id !== expected)
      throw new MalformedJobError('reminder', `job id ${String(job.id)} is not the reminder id ${expected} its data names`);
    const result =
      data.kind === 'gap' || data.kind === 'gap-update'
        ? await this.batcher.submit({ reminderId: expected, job: data })
        : await this.delivery.deliver(expected, data);
    await this.delivery.followUp(result);
    return result.reason === undefined ? result.status : `${result.status}: ${result.reason}`;
  }

  /** A reminder about a request (decision due, decision made). */
  private async processSubject(job: Job): Promise<string> {
    const data = parseSubjectReminderJob(job.name, job.data);
    const expected = subjectReminderId(data);
    if (job.id !== expected)
      throw new MalformedJobError('reminder', `job id ${String(job.id)} is not the reminder id ${expected} its data names`);
    const result = await this.subjects.deliver(expected, data);
    await this.delivery.followUp(result);
    return result.reason === undefined ? result.status : `${result.status}: ${result.reason}`;
  }

  private readonly redisError = throttledErrorLog(this.logger, 'reminders worker');

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisError(error);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const attempts = Math.max(1, job?.opts.attempts ?? 1);
    const final = job !== undefined && (job.attemptsMade >= attempts || job.finishedOn !== undefined);
    const message = `reminder job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'} of ${attempts}): ${error.message}`;
    if (final) this.logger.error(message);
    else this.logger.warn(message);
  }
}
