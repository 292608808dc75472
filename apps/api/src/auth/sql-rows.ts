/** Anything that runs a parameterised query: a TypeORM DataSource or EntityManager, or a pg pool in tests. */
export interface SqlRunner {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * The rows a query returned. TypeORM answers an UPDATE or DELETE with `[rows, rowCount]` and anything else with the
 * rows, so `UPDATE … RETURNING` must be read through this (a bare `.length` would always be 2).
 */
export async function rowsOf<T>(runner: SqlRunner, sql: string, params: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, params);
  const updated =
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
  return (updated ? result[0] : result) as T[];
}
