import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { queryRows, type SqlExecutor } from './sql-rows';

/** A hot statement that PostgreSQL should parse (and, once its plan is settled, plan) once per connection, not on every call. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** Statements by text: the constant ones, and the few shapes of those composed at run time (a gated batch's writes). */
const statementsByText = new Map<string, PreparedStatement>();
const MAX_REMEMBERED = 256;

/**
 * The prepared statement of a text, named once: the same text always gets the same name, and the name
 * carries a hash of the text, so a changed statement never collides with an old one on a live connection.
 */
export function statementFor(purpose: string, text: string): PreparedStatement {
  const known = statementsByText.get(text);
  if (known !== undefined) return known;
  if (statementsByText.size >= MAX_REMEMBERED) statementsByText.clear();
  const statement = { name: `${purpose}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text };
  statementsByText.set(text, statement);
  return statement;
}

function isQueryRunner(executor: SqlExecutor): executor is QueryRunner {
  return 'startTransaction' in executor && 'release' in executor;
}

function isEntityManager(executor: SqlExecutor): executor is EntityManager {
  return 'transaction' in executor && 'connection' in executor && !(executor instanceof DataSource);
}

/**
 * Runs `statement` as a named prepared statement of the connection when the connection is
 * node-postgres's (on a server, parsing and planning the project's CTE statements cost more than
 * executing them), else as a plain parameterized query (PGlite, or any other executor). The SQL is
 * the same either way; only the protocol differs. A transaction's QueryRunner or EntityManager runs
 * it on the transaction's connection; the DataSource (or a manager outside a transaction) borrows one
 * from the pool for the statement.
 */
export async function queryPrepared<Row>(executor: SqlExecutor, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  let runner: QueryRunner | undefined;
  let borrowed = false;
  if (isQueryRunner(executor)) runner = executor;
  else if (isEntityManager(executor)) {
    runner = executor.queryRunner;
    if (runner === undefined) {
      runner = executor.connection.createQueryRunner();
      borrowed = true;
    }
  } else if (executor instanceof DataSource) {
    runner = executor.createQueryRunner();
    borrowed = true;
  }
  if (runner === undefined) return queryRows<Row>(executor, statement.text, values);
  try {
    const connection: unknown = await runner.connect();
    if (connection instanceof Client) {
      const result = await connection.query({ name: statement.name, text: statement.text, values });
      return result.rows as Row[];
    }
    return await queryRows<Row>(runner, statement.text, values);
  } finally {
    if (borrowed) await runner.release();
  }
}
