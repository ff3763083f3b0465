/**
 * What /readyz checks: PostgreSQL answers, every migration of this build is applied, Redis answers, and this role's
 * workers and receivers run. Each check throws a short reason an operator can act on.
 */
import type { Redis } from "ioredis";
import type { Database } from "../db/client.js";
import { readLocalMigrations } from "../db/deploy-migrations.js";
import type { ReadinessCheck } from "../http/health.js";

export function databaseCheck(database: Database): ReadinessCheck {
  return {
    name: "database",
    async check() {
      await database.priorityLane.query("select 1").catch((error: unknown) => {
        throw new Error(`unreachable: ${describe(error)}`);
      });
    },
  };
}

/** Every migration this build ships is recorded as finished: a new build before `npm run db:deploy` is not ready. */
export function migrationsCheck(database: Database, migrationsDir?: string): ReadinessCheck {
  let local: Promise<string[]> | undefined;
  return {
    name: "migrations",
    async check() {
      local ??= readLocalMigrations(migrationsDir).then((list) => list.map((m) => m.name));
      const rows = await database.priorityLane.query<{ name: string }>(
        `select migration_name as name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`,
      );
      const applied = new Set(rows.map((row) => row.name));
      const pending = (await local).filter((name) => !applied.has(name));
      if (pending.length > 0) throw new Error(`pending: ${pending.join(", ")} (run npm run db:deploy)`);
    },
  };
}

/**
 * Redis answers PING on a connection of the check's own that fails at once while Redis is down (no offline queue)
 * and reconnects by itself when it is back.
 */
export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: "redis",
    async check() {
      const answer = await redis.ping().catch((error: unknown) => {
        throw new Error(`unreachable: ${describe(error)}`);
      });
      if (answer !== "PONG") throw new Error(`unexpected answer to PING: ${answer}`);
    },
  };
}

/** A named yes/no state of this process (the workers run, the receivers are started). */
export function stateCheck(name: string, isUp: () => boolean, problem: string): ReadinessCheck {
  return {
    name,
    check() {
      if (!isUp()) throw new Error(problem);
    },
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Driver messages may quote a connection string: keep the reason, never a password.
  return text.replace(/\b(\w+):\/\/[^\s@/]*@/g, "$1://***@").slice(0, 200);
}
