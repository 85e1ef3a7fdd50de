import type { Logger } from '@nestjs/common';

/** Logs a queue's or worker's Redis errors at most every 10 s: while Redis is away they come by the hundred. */
export function throttledErrorLog(logger: Logger, what: string): (error: Error) => void {
  let last = 0;
  return (error) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    logger.warn(`${what}: ${error.message}`);
  };
}
