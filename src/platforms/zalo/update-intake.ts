import type { InboundJournal } from "../../core/inbound.js";
import { InboundProcessor } from "../../core/inbound-processor.js";
import { WorkQueue } from "../../core/work-queue.js";
import type { Logger } from "../../logger.js";
import type { ZaloUpdate } from "./zalo-types.js";

/** Updates handled at once; the others wait in arrival order (journaled or not, in the same queue). */
const WORK_CONCURRENCY = 32;

export interface UpdateIntakeOptions {
  /** Handles one update to the end (its replies sent); never throws. */
  handle(update: ZaloUpdate): Promise<void>;
  /** Where updates wait, durably, between their receipt and their handling. Without one they wait in memory. */
  journal?: InboundJournal;
  journalTiming?: { leaseMs?: number; sweepEveryMs?: number };
  logger: Logger;
}

export interface UpdateIntake {
  /**
   * Takes an update over; resolves when Zalo may hear it arrived. It is journaled and handled from the journal, or,
   * when it cannot be (no journal, database down), handled directly: `direct` then resolves once it is handled.
   */
  take(update: ZaloUpdate): Promise<{ direct?: Promise<void> }>;
  start(): void;
  stop(): Promise<void>;
  /** Resolves when no update taken is left unhandled. */
  idle(): Promise<void>;
}

/**
 * The one way an update goes after its receipt, from the webhook or the poller: journaled or not, it waits in one
 * queue and reaches `handle`. Updates of one chat are handled in arrival order ("add a task" then "done #1");
 * chats run side by side.
 */
export function createUpdateIntake(options: UpdateIntakeOptions): UpdateIntake {
  const chains = new Map<string, Promise<void>>();
  function inChatOrder(update: ZaloUpdate): Promise<void> {
    const key = update.message?.chat?.id ?? "";
    const next = (chains.get(key) ?? Promise.resolve()).then(() => options.handle(update));
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  }

  const queue = new WorkQueue(WORK_CONCURRENCY);
  const inbound = options.journal
    ? new InboundProcessor({
        journal: options.journal,
        platform: "zalo",
        handle: (payload) => inChatOrder(payload as ZaloUpdate),
        queue,
        logger: options.logger,
        ...options.journalTiming,
      })
    : undefined;
  const handledDirectly = new Set<Promise<void>>();

  return {
    async take(update) {
      const key = update.message?.message_id;
      if (inbound && key && (await inbound.tryAccept(key, update))) return {};
      const direct = queue.run(() => inChatOrder(update));
      handledDirectly.add(direct);
      void direct.finally(() => handledDirectly.delete(direct));
      return { direct };
    },
    start: () => inbound?.start(),
    stop: async () => {
      await inbound?.stop();
    },
    async idle() {
      await inbound?.idle();
      while (chains.size > 0 || handledDirectly.size > 0) {
        await Promise.allSettled([...chains.values(), ...handledDirectly]);
      }
    },
  };
}
