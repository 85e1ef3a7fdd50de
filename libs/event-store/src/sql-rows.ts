/** Anything that runs SQL with positional parameters: DataSource, EntityManager, QueryRunner. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs one statement and returns its rows (TypeORM gives the rows of SELECT / RETURNING / CTE queries). */
export async function queryRows<Row>(executor: SqlExecutor, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const result: unknown = await executor.query(sql, parameters);
  if (!Array.isArray(result)) throw new TypeError(`Expected rows from the database, got ${typeof result}`);
  return result as Row[];
}
