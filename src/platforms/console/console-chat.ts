import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { answerOrBusy } from "../../core/answer-or-busy.js";
import type { AdjustableClock } from "../../core/clock.js";
import type { IncomingMessage, Locale } from "../../core/incoming.js";
import { type Reply, stripReservedCharacters } from "../../core/reply.js";
import { t } from "../../i18n/index.js";
import type { Logger } from "../../logger.js";
import { consoleUserId, findConsoleMentions } from "./console-identity.js";
import type { Paint } from "./console-paint.js";
import { formatConsoleReply } from "./console-render.js";
import { type ChatState, type ConsoleSession, steer } from "./console-steering.js";

export interface ConsoleChatOptions {
  /** The bot, and how its clock moves with everything due on the way. */
  session: ConsoleSession;
  input: Readable;
  output: Writable;
  /** Show a prompt and a welcome text (a person at a terminal) or not (a piped conversation). */
  interactive: boolean;
  /** The first speaker. Default "Tôi". */
  speaker?: string;
  /** The channel the conversation happens in. Default "nhom-du-an". */
  channel?: string;
  locale?: Locale;
  /** The zone `/now` times without an offset are read in, and moved clocks shown in. Default Asia/Ho_Chi_Minh. */
  timezone?: string;
  /** The one clock of the chat process (bot, services, jobs); `/now` and `/tua` move it. */
  clock: AdjustableClock;
  /** Wipes the trial data and returns a fresh session (`/reset`); none when the data cannot be wiped. */
  reset?: () => Promise<ConsoleSession | undefined>;
  /** Colours (a person at a terminal); none by default. */
  paint?: Paint;
  /** Where files the bot sends (exports) are saved, since a terminal cannot show them. */
  filesDir?: string;
  /** Where a failure of the bot is logged (the chat itself shows the one busy answer, core/answer-or-busy.ts). */
  logger: Logger;
}

/**
 * The terminal chat: each line is a message from the current speaker in the current channel. Lines starting with
 * `/as`, `/in`, `/now`, `/tua` (`/skip`), `/help`, `/reset` or `/quit` steer the chat itself (console-steering.ts);
 * everything else goes to the bot exactly as a Slack or Zalo message would. Resolves when the input ends (end of a
 * pipe, Ctrl-D) or after `/quit`.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const operator = options.speaker ?? "Tôi";
  const state: ChatState = {
    operator,
    speaker: operator,
    channel: options.channel ?? "nhom-du-an",
    clock: options.clock,
    clockSet: false,
    sequence: 0,
    session: options.session,
    timezone: options.timezone ?? "Asia/Ho_Chi_Minh",
    reset: options.reset,
    onError: (error) => options.logger.warn({ err: error }, "the jobs failed while the clock moved"),
  };
  const paint = options.paint;
  const write = (text: string) => options.output.write(`${text}\n`);
  const speaker = () => (paint ? paint.person(`${state.speaker} ›`) : `${state.speaker} ›`);
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const prompt = () => {
    if (options.interactive) options.output.write(`${speaker()} `);
  };
  if (options.interactive) write(welcomeText(options.locale ?? "vi"));
  prompt();
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    // A piped conversation is echoed, so its transcript reads like the chat it was.
    if (!options.interactive && line !== "") write(`${speaker()} ${line}`);
    if (line === "/quit" || line === "/exit") {
      const goodbye = `— ${t("vi", "terminal.goodbye")} / ${t("en", "terminal.goodbye")}`;
      write(paint ? paint.note(goodbye) : goodbye);
      break;
    }
    if (line !== "" && !line.startsWith("#!")) {
      const steering = await steer(line, state);
      if (steering !== undefined) write(paint ? paint.note(steering) : steering);
      else await converse(line, state, options, write);
    }
    prompt();
  }
  lines.close();
}

async function converse(line: string, state: ChatState, options: ConsoleChatOptions, write: (t: string) => void) {
  state.sequence += 1;
  const message = toIncomingMessage(line, state);
  const answer = await answerOrBusy(state.session.bot, message, options.logger);
  for (const reply of answer.replies) {
    write(formatConsoleReply(reply, await saveAttachment(reply, options.filesDir), options.paint));
  }
  // On a set clock, what the message made due at once (a reminder for now) is printed before the next line.
  if (state.clock.isFrozen()) await state.session.moveClock?.(state.clock.now());
}

/** Saves an attached file (e.g. an XLSX export) and returns its path; nothing when there is none or no folder. */
async function saveAttachment(reply: Reply, filesDir: string | undefined): Promise<string | undefined> {
  if (!reply.attachment || !filesDir) return undefined;
  await mkdir(filesDir, { recursive: true });
  const path = join(filesDir, basename(reply.attachment.filename));
  await writeFile(path, reply.attachment.content);
  return path;
}

function toIncomingMessage(line: string, state: ChatState): IncomingMessage {
  const text = stripReservedCharacters(line);
  const sentAt = state.clock.now();
  return {
    platform: "console",
    workspace: { externalId: "local", name: "Terminal" },
    channel: { externalId: state.channel, name: state.channel, isPrivateChat: false },
    sender: {
      externalId: consoleUserId(state.speaker),
      displayName: state.speaker,
      // Whoever runs the terminal chat runs this workspace; people played with /as are ordinary members.
      isWorkspaceAdmin: consoleUserId(state.speaker) === consoleUserId(state.operator),
    },
    text,
    mentions: findConsoleMentions(text),
    // real time: only makes the id unique across runs; the message's time is the chat's clock (sentAt).
    eventId: `console-${process.pid}-${Date.now()}-${state.sequence}`,
    sentAt,
    messageRef: `line-${state.sequence}`,
  };
}

/** The greeting in the chat's language first, then the other; each with the chat's own commands. */
function welcomeText(locale: Locale): string {
  const other: Locale = locale === "en" ? "vi" : "en";
  const part = (l: Locale) => `${t(l, "terminal.welcome")}\n${t(l, "terminal.commands")}`;
  return `${part(locale)}\n\n${part(other)}`;
}
