/**
 * A clock that jumps, with everything due on the way happening in order: the terminal chat's `/now` and `/tua`
 * (`/skip`). The jobs in Redis wait in real time (BullMQ's delayed set), so a jump alone would leave Friday's ping
 * waiting for the real Friday. Instead the clock moves from one due instant to the next (the earliest planned ping,
 * a channel's weekly summary slot), and at each the jobs due then are promoted at once and run by the same workers,
 * claims, outbox and rendering as production; the next step waits until the outbox has drained and the tasks whose
 * ping was sent are planned again (the next overdue ping, an escalation), since those may fall due on the way too.
 *
 * Not on the way: the units' Monday roll-up and recurring tasks' occurrences, whose schedulers run in real time.
 */
import { getNextMillis } from "bullmq";
import type { AdjustableClock } from "../src/core/clock.js";
import type { Logger } from "../src/logger.js";
import type { SummaryChannel } from "../src/services/report-service.js";
import { promoteOrAdd, settle } from "./clock-travel-settle.js";
import type { Jobs } from "./index.js";
import { pingJobId } from "./job-types.js";

/** Steps of one jump at most: a bound against a plan that never settles (a week of pings takes a few dozen). */
const MAX_STEPS = 1_000;

export interface ClockTravel {
  /** Moves the clock to `target`, running in order everything due on the way. Never moves it back. */
  moveTo(target: Date): Promise<void>;
}

export function createClockTravel(jobs: Jobs, clock: AdjustableClock, logger: Logger): ClockTravel {
  const { pings, reports } = jobs.services;
  const log = logger.child({ module: "clock-travel" });

  /** The next instant something is due after `from` and not after `target`, with the summaries due then. */
  async function nextStep(from: Date, target: Date) {
    const firstPing = await pings.timeline.earliestFireAt();
    const channels = (await reports.listChannels()).filter((channel) => channel.summaryEnabled);
    const slots = channels.map((channel) => ({ channel, slot: nextSummarySlot(channel, from) }));
    const candidates = [
      firstPing ? Math.max(firstPing.getTime(), from.getTime()) : undefined,
      ...slots.map((s) => s.slot),
    ];
    const at = Math.min(...candidates.filter((t): t is number => t !== undefined));
    if (!Number.isFinite(at) || at > target.getTime()) return undefined;
    return { at: new Date(at), summaries: slots.filter((s) => s.slot === at).map((s) => s.channel) };
  }

  /** Runs what is due at `at`; returns the ids of the pings it found due (to notice a step that changes nothing). */
  async function runStep(at: Date, summaries: SummaryChannel[]): Promise<string> {
    clock.set(at);
    for (const channel of summaries) {
      const slot = at.getTime();
      // The processor's outbox id derives from channel and slot: a scheduler job for the same slot posts nothing.
      await jobs.queues.summaries.add(
        "weekly-summary",
        { channelId: channel.id, slot },
        { jobId: `summary-at-${channel.id}-${slot}` },
      );
    }
    const due = await pings.timeline.dueBy(at);
    for (const ping of due) {
      await promoteOrAdd(jobs.queues.pings, pingJobId(ping.id), () => jobs.queues.addPing(ping, at));
    }
    await settle(jobs, at, log);
    return due.map((ping) => ping.id).join(",");
  }

  return {
    async moveTo(target: Date): Promise<void> {
      let from = clock.now();
      if (target.getTime() < from.getTime()) return;
      let previous = "";
      for (let steps = 0; steps < MAX_STEPS; steps++) {
        const step = await nextStep(from, target);
        if (!step) break;
        const due = await runStep(step.at, step.summaries);
        const sameInstant = step.at.getTime() === from.getTime();
        if (sameInstant && due !== "" && due === previous) {
          log.warn({ at: step.at }, "pings due at this instant were not claimed; the clock moves on without them");
          break;
        }
        previous = due;
        // A summary slot is done once: the next one is looked for after it. Pings planned meanwhile at this very
        // instant (an overdue ping planned as one was sent) are due at the next step.
        from = new Date(step.at.getTime() + (step.summaries.length > 0 ? 1 : 0));
      }
      clock.set(target);
      await settle(jobs, target, log);
    },
  };
}

/** The channel's next weekly summary slot after `from` (its cron in its zone), in epoch ms. */
function nextSummarySlot(channel: SummaryChannel, from: Date): number | undefined {
  return getNextMillis(from.getTime(), { pattern: channel.summaryCron, tz: channel.timezone });
}
