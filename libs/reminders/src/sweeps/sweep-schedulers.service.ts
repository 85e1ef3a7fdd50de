import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { SWEEPS } from '../queues/job-data';
import { ReminderQueues } from '../queues/reminder-queues';
import { withDeadline } from '../queues/redis-timeout';

/**
 * The one place the sweeps' job schedulers are upserted: at worker start, one scheduler per sweep on
 * REMINDER_SWEEP_CRON in the county's time zone. Upserting is idempotent, so every worker process may
 * do it. While Redis is away the upsert is tried again every 10 s, without holding the start.
 */
@Injectable()
export class SweepSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SweepSchedulers');
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly queues: ReminderQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.upsert();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  async upsert(): Promise<void> {
    try {
      await withDeadline('upserting the sweep schedulers', 10_000, () =>
        Promise.all(
          SWEEPS.map((sweep) =>
            this.queues.sweeps.upsertJobScheduler(
              sweep,
              { pattern: this.config.sweepCron, tz: this.config.timeZone },
              { name: sweep, data: { sweep } },
            ),
          ),
        ),
      );
    } catch (error) {
      this.logger.warn(
        `sweep schedulers not upserted yet (${error instanceof Error ? error.message : String(error)}); trying again in 10 s`,
      );
      this.retry = setTimeout(() => void this.upsert(), 10_000);
      this.retry.unref();
    }
  }
}
