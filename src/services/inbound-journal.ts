import { Batcher } from "../core/batcher.js";
import type { InboundEntry, InboundJournal, PendingInbound, TakeOverOptions } from "../core/inbound.js";
import type { SqlLane } from "../db/client.js";

/**
 * The InboundRequest table behind {@link InboundJournal}, on the database's priority lane: the ack of a slash
 * command must not wait for a pooled connection behind the commands being handled. Accepts and completions of
 * concurrent requests are written in groups (one INSERT or DELETE each), so an ack waits for one shared commit.
 * Lease times come from the database's clock, so instances with skewed clocks agree on whose lease ran out.
 */
export function createInboundJournal(sql: SqlLane): InboundJournal {
  const accepts = new Batcher<{ entry: InboundEntry; leaseMs: number }, bigint | undefined>(async (calls) => {
    const leaseMs = Math.max(...calls.map((call) => call.leaseMs));
    const rows = calls.map(({ entry }) => ({ platform: entry.platform, key: entry.key, payload: entry.payload }));
    const inserted = await sql.query<{ id: string | bigint; platform: string; dedupeKey: string }>(
      `INSERT INTO "InboundRequest" ("platform", "dedupeKey", "payload", "leasedUntil")
       SELECT r.platform::"Platform", r.key, r.payload, now() + $2::int * interval '1 millisecond'
       FROM jsonb_to_recordset($1::jsonb) AS r(platform text, key text, payload jsonb)
       ON CONFLICT ("platform", "dedupeKey") DO NOTHING
       RETURNING "id", "platform"::text AS "platform", "dedupeKey"`,
      [JSON.stringify(rows), leaseMs],
    );
    // A key twice in one group (a quick redelivery) is inserted once: the first call gets the id, the other none.
    const ids = new Map(inserted.map((row) => [identity(row.platform, row.dedupeKey), BigInt(row.id)]));
    return calls.map(({ entry }) => {
      const key = identity(entry.platform, entry.key);
      const id = ids.get(key);
      ids.delete(key);
      return id;
    });
  });
  const completions = new Batcher<bigint>(async (ids) => {
    await sql.query(`DELETE FROM "InboundRequest" WHERE "id" = ANY($1::bigint[])`, [ids.map(String)]);
    return undefined;
  });

  return {
    accept: async (entry, leaseMs) => (await accepts.add([{ entry, leaseMs }]))[0],
    complete: async (id) => {
      await completions.add([id]);
    },
    async renew(ids, leaseMs) {
      if (ids.length === 0) return;
      await sql.query(
        `UPDATE "InboundRequest" SET "leasedUntil" = now() + $2::int * interval '1 millisecond'
         WHERE "id" = ANY($1::bigint[])`,
        [ids.map(String), leaseMs],
      );
    },
    async takeOver(platform, options: TakeOverOptions): Promise<PendingInbound[]> {
      const rows = await sql.query<{ id: string | bigint; payload: unknown; takeovers: number }>(
        `UPDATE "InboundRequest"
         SET "leasedUntil" = now() + $2::int * interval '1 millisecond', "takeovers" = "takeovers" + 1
         WHERE "id" IN (
           SELECT "id" FROM "InboundRequest"
           WHERE "platform" = $1::"Platform" AND "leasedUntil" < now() AND NOT ("id" = ANY($3::bigint[]))
           ORDER BY "id" LIMIT $4::int
           FOR UPDATE SKIP LOCKED)
         RETURNING "id", "payload", "takeovers"`,
        [platform, options.leaseMs, options.exclude.map(String), options.limit],
      );
      return rows
        .map((row) => ({ id: BigInt(row.id), payload: row.payload, takeovers: row.takeovers }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

function identity(platform: string, key: string): string {
  return `${platform}\u0000${key}`;
}
