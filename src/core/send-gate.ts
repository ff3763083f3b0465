/**
 * Paces the messages one bot sends to its platform: every send of a Zalo bot, the outbox's and the replies to
 * commands alike, waits here for its turn, so no burst of replies can exceed the bot's rate (one 230 KB message once
 * became 116 sendMessage calls in 0.7 s). Real time on purpose: it paces a platform's limit, not a decision.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface SendGate {
  /** Resolves when the next message may go. */
  wait(): Promise<void>;
}

/** No pacing (a rate of 0 means "no cap"). */
export const OPEN_GATE: SendGate = { wait: async () => {} };

/** At most `perSecond` messages a second from this process, evenly spaced; 0 for no cap. */
export function createLocalSendGate(perSecond: number): SendGate {
  if (perSecond <= 0) return OPEN_GATE;
  const intervalMs = 1000 / perSecond;
  let nextAt = 0;
  return {
    async wait() {
      // real time: spacing sends is about the platform's limit, not the app's clock.
      const now = Date.now();
      const at = Math.max(now, nextAt);
      nextAt = at + intervalMs;
      if (at > now) await sleep(at - now);
    },
  };
}

/** A slot of a gate shared by every process (Redis): 0 when taken, otherwise how many ms to wait first. */
export type SharedSlot = (key: string, intervalMs: number) => Promise<number>;

/**
 * The bot's rate shared by every process through `slot` (when there is one: the jobs' Redis), so web and worker
 * processes together stay under it; this process's own gate when there is none or it fails (Redis down).
 */
export function createSharedSendGate(options: {
  key: string;
  perSecond: number;
  slot: () => SharedSlot | undefined;
}): SendGate {
  const { key, perSecond } = options;
  if (perSecond <= 0) return OPEN_GATE;
  const local = createLocalSendGate(perSecond);
  const intervalMs = Math.ceil(1000 / perSecond);
  return {
    async wait() {
      const slot = options.slot();
      if (!slot) return local.wait();
      try {
        for (let waitMs = await slot(key, intervalMs); waitMs > 0; waitMs = await slot(key, intervalMs)) {
          await sleep(waitMs);
        }
      } catch {
        await local.wait();
      }
    },
  };
}
