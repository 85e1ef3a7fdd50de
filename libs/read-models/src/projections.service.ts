import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { describeError, type SubscriptionRunner } from '@fangquan/event-store';
import { ReadinessRefresher } from './projection/readiness.refresher';
import { READ_MODELS_RUNNER } from './read-models.tokens';

/**
 * Runs the `read-models` projection in this process: starts the runner when the application has
 * bootstrapped (and sweeps readiness once, for the days the process was down), stops it before the
 * database closes, letting the batch in flight commit. Any number of processes may run it: the
 * advisory lock of each batch lets one at a time through.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionsService.name);
  private initialSweep: Promise<void> | undefined;
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(READ_MODELS_RUNNER) private readonly runner: SubscriptionRunner,
    private readonly refresher: ReadinessRefresher,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
    this.initialSweep = this.refresher.refreshAll({ signal: this.shutdown.signal }).then(
      (outcome) => this.logger.log(`readiness as of ${outcome.today}: ${outcome.checked} open handover(s), ${outcome.changed} changed`),
      (error: unknown) => this.logger.error(`initial readiness sweep failed: ${describeError(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.initialSweep;
    await this.runner.stop();
  }
}
