import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { parseSweep } from '../queues/job-data';
import { throttledErrorLog } from '../queues/redis-error-log';
import { SWEEP_QUEUE, WORKER_BULL_CONFIG, WORKER_MAX_STALLED, WORKER_STALLED_INTERVAL_MS } from '../queues/queue-names';
import { ReminderSweeps } from './reminder-sweeps.service';

/** Runs the sweeps the job schedulers create, one at a time (a long sweep renews its lock). */
@Processor(
  { name: SWEEP_QUEUE, configKey: WORKER_BULL_CONFIG },
  { concurrency: 1, lockDuration: 60_000, stalledInterval: WORKER_STALLED_INTERVAL_MS, maxStalledCount: WORKER_MAX_STALLED },
)
export class SweepProcessor extends WorkerHost {
  constructor(private readonly sweeps: ReminderSweeps) {
    super();
  }

  private readonly redisError = throttledErrorLog(new Logger('SweepWorker'), 'sweeps worker');

  process(job: Job): Promise<string> {
    return this.sweeps.run(parseSweep(job.data));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisError(error);
  }
}
