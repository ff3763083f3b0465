/**
 * Counts every statement any pg client of this process sends (Prisma's adapter included, BEGIN and COMMIT too), by
 * wrapping `pg.Client.prototype.query` once this module is imported. For benches only.
 */
import pg from "pg";

let statements = 0;
const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...queryArgs: unknown[]
) {
  statements++;
  return originalQuery.apply(this, queryArgs);
};

/** Statements sent so far by this process. */
export const statementsSoFar = () => statements;
