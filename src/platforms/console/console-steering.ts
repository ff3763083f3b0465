/**
 * The terminal chat's own commands, which steer the chat instead of talking to the bot: who speaks (`/as`), where
 * (`/in`), when (`/now`, `/tua` / `/skip`), `/help` and `/reset`. Each answers in both languages on one line.
 */
import type { AdjustableClock } from "../../core/clock.js";
import type { Bot } from "../../core/handler.js";
import type { Locale } from "../../core/incoming.js";
import { t } from "../../i18n/index.js";
import { formatClock, readNowArgument, readSkip } from "./console-clock.js";

/** What the chat talks to: the bot, and how its clock moves with everything due on the way (none without Redis). */
export interface ConsoleSession {
  bot: Bot;
  /** Moves the clock forward to an instant, running in order the pings and summaries due on the way. */
  moveClock?: (to: Date) => Promise<void>;
}

/** `operator`: the person at the terminal, the first speaker; the workspace admin of the terminal chat. */
export interface ChatState {
  operator: string;
  speaker: string;
  channel: string;
  clock: AdjustableClock;
  /** Whether a `/now` or `/tua` has set the clock: the first may set any time, later ones only move forward. */
  clockSet: boolean;
  sequence: number;
  session: ConsoleSession;
  timezone: string;
  /** Where a failure of the jobs while the clock moved is logged. */
  onError?: (error: unknown) => void;
  /** A fresh data directory and session; undefined when the data cannot be wiped (PostgreSQL). */
  reset?: () => Promise<ConsoleSession | undefined>;
}

/** Both languages on one line: "— giờ bạn là Lan / you are now Lan". */
function both(say: (locale: Locale) => string): string {
  return `— ${say("vi")} / ${say("en")}`;
}

/** The chat's answer to one of its own commands, or undefined when the line is for the bot. */
export async function steer(line: string, state: ChatState): Promise<string | undefined> {
  const [word, ...rest] = line.split(/\s+/);
  const argument = rest.join(" ").trim();
  const name = argument.replace(/^[@#]/, "").trim();
  if (word === "/as" && name !== "") {
    state.speaker = name;
    return both((l) => t(l, "terminal.speaker", { name }));
  }
  if (word === "/in" && name !== "") {
    state.channel = name;
    return both((l) => t(l, "terminal.channel", { name }));
  }
  if (word === "/now") return setClock(argument, state);
  if (word === "/tua" || word === "/skip") {
    const target = readSkip(argument, state.clock.now(), state.timezone);
    return target ? moveClock(target, state) : both((l) => t(l, "terminal.bad_skip"));
  }
  if (word === "/help") return `${t("vi", "terminal.commands")}\n\n${t("en", "terminal.commands")}`;
  if (word === "/reset") return reset(state);
  return undefined;
}

async function setClock(argument: string, state: ChatState): Promise<string> {
  const target = readNowArgument(argument, state.timezone);
  if (!target) return both((l) => t(l, "terminal.bad_time"));
  if (state.clockSet) return moveClock(target, state);
  state.clockSet = true;
  state.clock.set(target);
  // Anything already due by then (tasks of an earlier run) happens now, as a restarted bot sends what it missed.
  if (!(await moveWithJobs(target, state))) return both((l) => t(l, "terminal.move_failed"));
  return both((l) => t(l, "terminal.clock_frozen", { time: argument }));
}

/**
 * Moves the clock with everything due on the way (only the clock without Redis). False when the jobs failed on the
 * way: the clock stands at `target` anyway, and what was due stays planned in the database for the jobs to send.
 */
async function moveWithJobs(target: Date, state: ChatState): Promise<boolean> {
  if (!state.session.moveClock) {
    state.clock.set(target);
    return true;
  }
  try {
    await state.session.moveClock(target);
    return true;
  } catch (error) {
    state.onError?.(error);
    state.clock.set(target);
    return false;
  }
}

async function moveClock(target: Date, state: ChatState): Promise<string> {
  const now = state.clock.now();
  if (target.getTime() < now.getTime()) {
    return both((l) => t(l, "terminal.clock_backwards", { current: formatClock(now, l, state.timezone) }));
  }
  state.clockSet = true;
  if (!(await moveWithJobs(target, state))) return both((l) => t(l, "terminal.move_failed"));
  const moved = both((l) => t(l, "terminal.clock_moved", { time: formatClock(target, l, state.timezone) }));
  return state.session.moveClock ? moved : `${moved}\n${both((l) => t(l, "terminal.moved_without_pings"))}`;
}

async function reset(state: ChatState): Promise<string> {
  const fresh = await state.reset?.();
  if (!fresh) return both((l) => t(l, "terminal.reset_refused"));
  state.session = fresh;
  state.clockSet = false;
  state.clock.set(undefined);
  state.speaker = state.operator;
  return both((l) => t(l, "terminal.reset"));
}
