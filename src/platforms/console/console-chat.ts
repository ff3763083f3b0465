import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { answerOrBusy } from "../../core/answer-or-busy.js";
import type { AdjustableClock } from "../../core/clock.js";
import type { Bot } from "../../core/handler.js";
import type { IncomingMessage, Locale } from "../../core/incoming.js";
import { type Reply, stripReservedCharacters } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import { consoleUserId, findConsoleMentions } from "./console-identity.js";
import { formatConsoleReply } from "./console-render.js";

export interface ConsoleChatOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  /** Show a prompt and a welcome text (a person at a terminal) or not (a piped conversation). */
  interactive: boolean;
  /** The first speaker. Default "Tôi". */
  speaker?: string;
  /** The channel the conversation happens in. Default "nhom-du-an". */
  channel?: string;
  locale?: Locale;
  /** The bot's clock; `/now <ISO>` freezes it there, so a scripted conversation reads the same any day. */
  clock: AdjustableClock;
  /** Where files the bot sends (exports) are saved, since a terminal cannot show them. */
  filesDir?: string;
  /** Where a failure of the bot is logged (the chat itself shows the one busy answer, core/answer-or-busy.ts). */
  logger: Logger;
}

/**
 * The terminal chat: each line is a message from the current speaker in the current channel. Lines starting with
 * `/as`, `/in`, `/now` or `/quit` steer the chat itself; everything else goes to the bot exactly as a Slack or Zalo
 * message would. Resolves when the input ends (end of a pipe, Ctrl-D) or after `/quit`.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const operator = options.speaker ?? "Tôi";
  const state = {
    operator,
    speaker: operator,
    channel: options.channel ?? "nhom-du-an",
    clock: options.clock,
    sequence: 0,
  };
  const write = (text: string) => options.output.write(`${text}\n`);
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const prompt = () => {
    if (options.interactive) options.output.write(`${state.speaker} › `);
  };
  if (options.interactive) write(welcomeText(options.locale ?? "vi"));
  prompt();
  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === "/quit" || line === "/exit") break;
    // A piped conversation is echoed, so its transcript reads like the chat it was.
    if (!options.interactive && line !== "") write(`${state.speaker} › ${line}`);
    if (line !== "" && !line.startsWith("#!")) {
      const steering = steer(line, state);
      if (steering !== undefined) write(steering);
      else await converse(line, state, options, write);
    }
    prompt();
  }
  lines.close();
}

/** `operator`: the person at the terminal, the first speaker; the workspace admin of the terminal chat. */
type ChatState = { operator: string; speaker: string; channel: string; clock: AdjustableClock; sequence: number };

function steer(line: string, state: ChatState): string | undefined {
  const [word, ...rest] = line.split(/\s+/);
  const argument = rest.join(" ").replace(/^[@#]/, "").trim();
  if (word === "/as" && argument !== "") {
    state.speaker = argument;
    return `— giờ bạn là ${argument} / you are now ${argument}`;
  }
  if (word === "/in" && argument !== "") {
    state.channel = argument;
    return `— kênh #${argument} / channel #${argument}`;
  }
  if (word === "/now" && argument !== "") {
    const fixed = new Date(argument);
    if (Number.isNaN(fixed.getTime()))
      return "— thời điểm không hợp lệ / invalid time (ví dụ / e.g. /now 2026-12-01T09:00:00+07:00)";
    state.clock.set(fixed);
    return `— đồng hồ dừng ở ${argument} / clock frozen at ${argument}`;
  }
  return undefined;
}

async function converse(line: string, state: ChatState, options: ConsoleChatOptions, write: (t: string) => void) {
  state.sequence += 1;
  const message = toIncomingMessage(line, state);
  const answer = await answerOrBusy(options.bot, message, options.logger);
  const replies = answer.replies;
  for (const reply of replies) write(formatConsoleReply(reply, await saveAttachment(reply, options.filesDir)));
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

function welcomeText(locale: Locale): string {
  const vi = [
    "Rõ Việc — trò chuyện trên terminal. Gõ như trong nhóm chat, ví dụ:",
    "  giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau",
    "  việc của tôi · xong #1 · giúp",
    "Lệnh của terminal: /as @Tên (đổi người nói), /in #kênh (đổi kênh), /quit (thoát).",
  ];
  const en = [
    "Rõ Việc — terminal chat. Type as in a team chat, e.g.:",
    "  assign @Lan write the planning report by Friday 5pm",
    "  my tasks · done #1 · help",
    "Terminal commands: /as @Name (switch speaker), /in #channel (switch channel), /quit.",
  ];
  return (locale === "en" ? [...en, "", ...vi] : [...vi, "", ...en]).join("\n");
}
