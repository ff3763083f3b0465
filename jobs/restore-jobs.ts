/**
 * Gives every planned ping and every unfinished outbox row its job, by set difference: the ids of the live jobs
 * are read from Redis a page at a time, the rows from the database a page at a time, and only the missing jobs are
 * added, with `addBulk` in chunks: one Redis call per ping would make a start with 320 000 planned pings take
 * minutes. Job ids are deterministic, so a job added twice (a race with a worker, another reconciler) is a
 * no-op in BullMQ, never a second job.
 */
import type { JobType, Queue } from "bullmq";
import type { Platform } from "../src/core/incoming.js";
import { FIRST_ID } from "../src/services/ping-planning.js";
import type { JobContext } from "./job-context.js";
import { outboxJobId, pingJobId } from "./job-types.js";

/** Ids read per Redis call, rows per database page. */
const PAGE = 5_000;
/** Jobs per addBulk: one MULTI each, kept small so a restore of 300 000 jobs does not balloon the heap. */
const ADD_CHUNK = 1_000;

/**
 * States of a job that will still run (a paused queue keeps its jobs in `wait`). Read in the order jobs move
 * (delayed → waiting → active), so a job moving on while we read is seen in its next state rather than missed; a
 * job missed anyway is only added again (a no-op).
 */
const LIVE_STATES: readonly JobType[] = ["delayed", "prioritized", "wait", "waiting-children", "active"];

/** The ids of every live job of `queue`. */
export async function liveJobIds(queue: Queue): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const state of LIVE_STATES) {
    for (let start = 0; ; start += PAGE) {
      const page = await queue.getRanges([state], start, start + PAGE - 1);
      for (const id of page) ids.add(id);
      if (page.length < PAGE) break;
    }
  }
  return ids;
}

/**
 * Which of the given job keys exist: one round trip for a chunk. The keys come as ARGV because their number varies
 * per call (a command's KEYS count is fixed when it is defined); fine on a single Redis, not on a cluster.
 */
const EXISTING = `local found = {} for i, key in ipairs(ARGV) do found[i] = redis.call("exists", key) end return found`;
const definedOn = new WeakSet<object>();

/**
 * Removes jobs kept failed or completed (or left half-written) under these ids: BullMQ would otherwise treat the
 * add as a duplicate of the dead job. One script call per chunk; removals are rare.
 */
async function clearDeadJobs(queue: Queue, jobIds: readonly string[]): Promise<void> {
  const client = await queue.backend.client;
  if (!definedOn.has(client)) {
    client.defineCommand("rvJobsExisting", { numberOfKeys: 0, lua: EXISTING });
    definedOn.add(client);
  }
  const found = (await client.runCommand(
    "rvJobsExisting",
    jobIds.map((id) => queue.toKey(id)),
  )) as number[];
  for (const [index, exists] of found.entries()) {
    if (exists !== 1) continue;
    const jobId = jobIds[index] as string;
    // Only a dead job goes: one added since the live ids were read (a task changed meanwhile) is left alone, as
    // removing it would leave its ping without a job until the re-add below, or for good if this process died then.
    if (DEAD_STATES.has(await queue.getJobState(jobId))) await queue.remove(jobId).catch(() => undefined);
  }
}

/** States of a job that will not run again; "unknown" is a job left half-written. */
const DEAD_STATES: ReadonlySet<string> = new Set(["completed", "failed", "unknown"]);

/** Adds a job for every planned ping without one. Returns how many were added. */
export async function restorePingJobs(context: JobContext): Promise<number> {
  const { pings, queues, now } = context;
  const live = await liveJobIds(queues.pings);
  let added = 0;
  for (let after = FIRST_ID; ; ) {
    const page = await pings.plannedPage(after, PAGE);
    const missingInPage = page.filter((ping) => !live.has(pingJobId(ping.id)));
    for (let i = 0; i < missingInPage.length; i += ADD_CHUNK) {
      const missing = missingInPage.slice(i, i + ADD_CHUNK);
      await clearDeadJobs(
        queues.pings,
        missing.map((p) => pingJobId(p.id)),
      );
      await queues.addPings(missing, now());
      added += missing.length;
    }
    if (page.length < PAGE) return added;
    after = (page[page.length - 1] as { id: string }).id;
  }
}

/** Adds a job for every unfinished outbox row without one, per platform queue. Returns how many were added. */
export async function restoreOutboxJobs(context: JobContext): Promise<number> {
  const { outbox, queues, now } = context;
  const rows = await outbox.listUnfinished();
  const byPlatform = new Map<Platform, typeof rows>();
  for (const row of rows) byPlatform.set(row.platform, [...(byPlatform.get(row.platform) ?? []), row]);
  let added = 0;
  for (const [platform, unfinished] of byPlatform) {
    const queue = queues.outboxQueue(platform);
    const live = await liveJobIds(queue);
    const missing = unfinished.filter((row) => !live.has(outboxJobId(row.id)));
    for (let i = 0; i < missing.length; i += ADD_CHUNK) {
      const chunk = missing.slice(i, i + ADD_CHUNK);
      await clearDeadJobs(
        queue,
        chunk.map((row) => outboxJobId(row.id)),
      );
      await queues.addOutboxes(platform, chunk, now());
    }
    added += missing.length;
  }
  return added;
}
