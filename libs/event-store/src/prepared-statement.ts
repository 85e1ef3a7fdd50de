import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlTransaction } from './event-store.types';
import { queryRows } from './sql-executor';

/** A hot statement that PostgreSQL should parse and plan once per connection, not on every call. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** The name carries a hash of the text, so a changed statement never collides with an old one on a live connection. */
export function preparedStatement(purpose: string, text: string): PreparedStatement {
  return { name: `${purpose}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text };
}

function queryRunnerOf(transaction: SqlTransaction): QueryRunner | undefined {
  return 'startTransaction' in transaction ? transaction : transaction.queryRunner;
}

/**
 * Runs `statement` as a named prepared statement of the connection when the connection is
 * node-postgres's (on a server, planning the append cost more than executing it), else as a plain
 * parameterized query (PGlite). The SQL is the same either way; only the protocol differs.
 * Uses the caller's transaction's connection when given, else borrows one from the pool.
 */
export async function queryPrepared<Row>(dataSource: DataSource, transaction: SqlTransaction | undefined, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  const callerRunner = transaction ? queryRunnerOf(transaction) : undefined;
  const runner = callerRunner ?? dataSource.createQueryRunner();
  try {
    const connection: unknown = await runner.connect();
    if (connection instanceof Client) {
      const result = await connection.query({ name: statement.name, text: statement.text, values });
      return result.rows as Row[];
    }
    return await queryRows<Row>(runner, statement.text, values);
  } finally {
    if (!callerRunner) await runner.release();
  }
}
