import type { DataSource } from 'typeorm';
import { isUnavailable } from './driver-errors';
import { EventStoreUnavailableError } from './errors';
import { type PreparedStatement, queryPrepared } from './prepared-statement';
import { queryRows, type SqlExecutor } from './sql-rows';

export { queryRows, type SqlExecutor };

/** A destroyed (or never initialized) DataSource is a database that is not there. */
export function assertInitialized(dataSource: DataSource, operation: string): void {
  if (!dataSource.isInitialized)
    throw new EventStoreUnavailableError(operation, new Error('the DataSource is not initialized (destroyed or never opened)'));
}

/** Connection-level failures become EventStoreUnavailableError; everything else is passed on as is. */
export function asStoreError(operation: string, error: unknown): unknown {
  if (error instanceof EventStoreUnavailableError) return error;
  return isUnavailable(error) ? new EventStoreUnavailableError(operation, error) : error;
}

/**
 * Runs one statement in the caller's transaction when given, else on the pool, and maps
 * connection failures to EventStoreUnavailableError. A read on the pool (`idempotent`) is tried a
 * second time after a connection failure: a pooled connection can die unnoticed (server restart,
 * terminated backend) and the retry gets a fresh one. Appends are never retried here.
 */
export async function runStatement<Row>(
  dataSource: DataSource,
  transaction: SqlExecutor | undefined,
  operation: string,
  sql: string | PreparedStatement,
  parameters: unknown[],
  options: { idempotent?: boolean } = {},
): Promise<Row[]> {
  let executor: SqlExecutor;
  if (transaction) executor = transaction;
  else {
    assertInitialized(dataSource, operation);
    executor = dataSource;
  }
  const attempts = options.idempotent && !transaction ? 2 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (typeof sql === 'string' ? queryRows<Row>(executor, sql, parameters) : queryPrepared<Row>(executor, sql, parameters));
    } catch (error) {
      const mapped = asStoreError(operation, error);
      if (!(mapped instanceof EventStoreUnavailableError) || attempt >= attempts || !dataSource.isInitialized) throw mapped;
    }
  }
}
