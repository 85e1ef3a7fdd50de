/** The little the event store says about itself; Nest's Logger or pino fit it through a one-line adapter. */
export interface EventStoreLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const consoleEventStoreLogger: EventStoreLogger = {
  warn: (message, context) => console.warn(`[event-store] ${message}`, context ?? ''),
  error: (message, context) => console.error(`[event-store] ${message}`, context ?? ''),
};

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
