import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { parseDeliveryJob } from '../queues/job-data';
import { throttledErrorLog } from '../queues/redis-error-log';
import { DELIVERY_QUEUE, WORKER_BULL_CONFIG, WORKER_LOCK_MS, WORKER_MAX_STALLED, WORKER_STALLED_INTERVAL_MS } from '../queues/queue-names';
import { EmailChannel } from './email.channel';
import { loadReminderContent, recordAttempt } from './reminder-content';
import { WebhookChannel, webhookLabel } from './webhook.channel';

/**
 * The worker of the `deliveries` queue: one job per reminder and outside channel (and address), with
 * DELIVERY_ATTEMPTS attempts and exponential back-off. Every attempt is recorded (status, attempts,
 * the last error); a job that exhausts its attempts stays failed — visible and retryable in the
 * dashboard. Several run at once, so a hanging receiver never holds the others.
 */
@Processor(
  { name: DELIVERY_QUEUE, configKey: WORKER_BULL_CONFIG },
  { concurrency: 8, lockDuration: WORKER_LOCK_MS, stalledInterval: WORKER_STALLED_INTERVAL_MS, maxStalledCount: WORKER_MAX_STALLED },
)
export class OutsideDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger('DeliveryWorker');

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhook: WebhookChannel,
    private readonly email: EmailChannel,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    const data = parseDeliveryJob(job.data);
    const content = await loadReminderContent(this.dataSource, data.reminderId);
    if (content === null) throw new UnrecoverableError(`no reminder ${data.reminderId} to deliver`);
    const recipient = data.channel === 'webhook' ? webhookLabel(data.recipient) : data.recipient;
    try {
      if (data.channel === 'webhook') await this.webhook.send(data.recipient, content);
      else await this.email.send(data.recipient, content);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await recordAttempt(this.dataSource, {
        reminderId: data.reminderId,
        channel: data.channel,
        recipient,
        status: final ? 'failed' : 'pending',
        error: message,
      });
      throw error;
    }
    await recordAttempt(this.dataSource, {
      reminderId: data.reminderId,
      channel: data.channel,
      recipient,
      status: 'delivered',
      error: null,
    });
    return 'delivered';
  }

  private readonly redisError = throttledErrorLog(this.logger, 'deliveries worker');

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisError(error);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      `delivery ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'} of ${job?.opts.attempts ?? 1}): ${error.message}`,
    );
  }
}
