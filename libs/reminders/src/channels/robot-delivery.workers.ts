import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { robotUrl } from '../policy/outside-deliveries';
import { ROBOTS, type Robot } from '../policy/reminder-ids';
import { type DeliveryJob, parseDeliveryJob } from '../queues/job-data';
import { ROBOT_QUEUES, WORKER_LOCK_MS, WORKER_MAX_STALLED, WORKER_STALLED_INTERVAL_MS } from '../queues/queue-names';
import { RedisConnections } from '../queues/redis-connections';
import { throttledErrorLog } from '../queues/redis-error-log';
import { attemptDelivery } from './delivery-attempt';
import { RobotChannel, RobotRateLimitedError } from './robot.channel';

/**
 * The workers of the robots' queues (`robot-dingtalk`, `robot-wecom`), one per configured robot in
 * each worker process. A robot takes about 20 messages a minute and throttles for ten minutes past
 * that, so each queue has a BullMQ rate limit of one message per ROBOT_INTERVAL (default 3.2 s: at most
 * 19 in any minute). BullMQ keeps the limit in Redis per queue, so it holds across every worker
 * process, for retries too, and one robot's limit never slows the other robot, the webhook or e-mail.
 * A robot that answers with its rate-limit code pauses its queue for DELIVERY_BACKOFF as well. Attempts,
 * back-off and the failed state are those of the `deliveries` queue (attemptDelivery). Jobs of a robot
 * that is not configured (any more) wait in its queue until it is.
 */
@Injectable()
export class RobotDeliveryWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger('RobotDeliveryWorker');
  private readonly workers: Worker<DeliveryJob>[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: RedisConnections,
    private readonly channel: RobotChannel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const robot of ROBOTS) if (robotUrl(this.config, robot) !== undefined) this.workers.push(this.start(robot));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private start(robot: Robot): Worker<DeliveryJob> {
    const worker: Worker<DeliveryJob> = new Worker<DeliveryJob>(ROBOT_QUEUES[robot], (job) => this.process(robot, worker, job), {
      connection: this.connections.worker,
      prefix: this.config.queuePrefix,
      concurrency: 1,
      limiter: { max: 1, duration: this.config.robotIntervalMs },
      lockDuration: WORKER_LOCK_MS,
      stalledInterval: WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: WORKER_MAX_STALLED,
    });
    worker.on('error', throttledErrorLog(this.logger, `${ROBOT_QUEUES[robot]} worker`));
    worker.on('failed', (job: Job | undefined, error: Error) =>
      this.logger.warn(
        `delivery ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'} of ${job?.opts.attempts ?? 1}): ${error.message}`,
      ),
    );
    return worker;
  }

  private async process(robot: Robot, worker: Worker<DeliveryJob>, job: Job<DeliveryJob>): Promise<string> {
    const data = parseDeliveryJob(job.data);
    if (data.channel !== robot) throw new UnrecoverableError(`a ${data.channel} delivery in the ${ROBOT_QUEUES[robot]} queue`);
    try {
      return await attemptDelivery(this.dataSource, job, data, data.recipient, (content) => this.channel.send(robot, content));
    } catch (error) {
      if (error instanceof RobotRateLimitedError) await worker.rateLimit(this.config.deliveryBackoffMs);
      throw error;
    }
  }
}
