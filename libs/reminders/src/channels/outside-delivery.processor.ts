import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { parseDeliveryJob } from '../queues/job-data';
import { throttledErrorLog } from '../queues/redis-error-log';
import { DELIVERY_QUEUE, WORKER_BULL_CONFIG, WORKER_LOCK_MS, WORKER_MAX_STALLED, WORKER_STALLED_INTERVAL_MS } from '../queues/queue-names';
import { EmailChannel } from './email.channel';
import { urlLabel } from '../policy/outside-deliveries';
import { attemptDelivery } from './delivery-attempt';
import { WebhookChannel } from './webhook.channel';

/**
 * The worker of the `deliveries` queue (webhook and e-mail; the robots have queues of their own, see
 * RobotDeliveryWorkers): one job per reminder and outside channel (and address), with
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
    const { channel } = data;
    if (channel === 'webhook')
      return attemptDelivery(this.dataSource, job, data, urlLabel(data.recipient), (content) => this.webhook.send(data.recipient, content));
    if (channel === 'email')
      return attemptDelivery(this.dataSource, job, data, data.recipient, (content) => this.email.send(data.recipient, content));
    throw new UnrecoverableError(`${channel} deliveries go through the robot's own queue`);
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
