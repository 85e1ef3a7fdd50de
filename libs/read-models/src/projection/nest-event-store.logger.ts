import type { Logger } from '@nestjs/common';
import type { EventStoreLogger } from '@fangquan/event-store';

/** The event store's little logger interface on a Nest Logger. */
export function nestEventStoreLogger(logger: Logger): EventStoreLogger {
  return {
    warn: (message) => logger.warn(message),
    error: (message, context) => logger.error(message, context?.error instanceof Error ? context.error.stack : undefined),
  };
}
