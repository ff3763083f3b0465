/**
 * Counts every statement any pg client of this process sends (Prisma's adapter included, BEGIN and COMMIT too), by
 * wrapping `pg.Client.prototype.query` once this module is imported. For benches only.
 */
import pg from "pg";

let statements = 0;
/** With BENCH_SQL=1: how often each statement's text was sent (its first 100 characters, spaces folded). */
const texts = process.env.BENCH_SQL === "1" ? new Map<string, number>() : undefined;
const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...queryArgs: unknown[]
) {
  statements++;
  if (texts) {
    const first = queryArgs[0] as string | { text?: string };
    const text = (typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").trim().slice(0, 100);
    texts.set(text, (texts.get(text) ?? 0) + 1);
  }
  return originalQuery.apply(this, queryArgs);
};

/** Statements sent so far by this process. */
export const statementsSoFar = () => statements;

/** The statements sent since the last call, most frequent first (BENCH_SQL=1 only; empty otherwise). */
export function takeStatementTexts(): [string, number][] {
  const counted = [...(texts ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
  texts?.clear();
  return counted;
}
