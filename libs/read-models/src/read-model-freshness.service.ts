import { Inject, Injectable, Logger } from '@nestjs/common';
import { describeError, type SubscriptionRunner } from '@fangquan/event-store';
import { READ_MODELS_RUNNER } from './read-models.tokens';

/**
 * Read-your-writes for the command side: after appending, wait until the read tables include the
 * write, so that the following GET or list shows it.
 */
@Injectable()
export class ReadModelFreshness {
  private readonly logger = new Logger(ReadModelFreshness.name);

  constructor(@Inject(READ_MODELS_RUNNER) private readonly runner: SubscriptionRunner) {}

  /**
   * Nudges this process's runner (when it runs here) and waits until the `read-models` checkpoint has
   * passed `globalPosition`, whichever process handles the batch (the checkpoint table is polled).
   * Never throws: on timeout or a database error it logs a warning and returns.
   */
  async waitFor(globalPosition: string, timeoutMs = 3000): Promise<void> {
    try {
      if (await this.runner.waitUntilPast(globalPosition, timeoutMs)) return;
      this.logger.warn(`read models have not reached position ${globalPosition} after ${timeoutMs} ms; answering from older rows`);
    } catch (error) {
      this.logger.warn(`could not wait for the read models to reach position ${globalPosition}: ${describeError(error)}`);
    }
  }
}
