import pino, { type DestinationStream, type Logger as PinoInstance } from 'pino';
import PinoPretty from 'pino-pretty';
import type { LogFormat } from './log-format';

/**
 * Where log entries go: stdout as JSON, or through pino-pretty — synchronously in this thread (no
 * transport worker), which is plenty for one person's terminal and keeps the order of lines with the
 * plain text the process writes itself (the demo passwords, the ready line).
 */
export function logDestination(format: LogFormat): DestinationStream {
  // pino's own default for JSON: stdout, written synchronously (nothing lost when the process exits).
  if (format === 'json') return pino.destination({ fd: 1, sync: true });
  return PinoPretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}{context}: {end}{msg}',
    singleLine: true,
  });
}

/** The log of a process before (and around) its Nest application: start-up and shutdown steps. */
export function processLogger(format: LogFormat, level: string): PinoInstance {
  return pino({ level }, logDestination(format));
}
