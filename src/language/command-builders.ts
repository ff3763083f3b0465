/**
 * Builds a command from a message whose command word (if any) was found. One small
 * builder per kind of command; each says precisely what is missing when it fails.
 */
import { VERBS, type Verb } from "./command-table.js";
import { findDue } from "./find-due.js";
import { helpTopicOf } from "./help-topics.js";
import type { Mention } from "./mentions.js";
import { envOf, resolvePhrase, toDueResolution } from "./parse-due.js";
import { parseSettings, SETTINGS_PHRASE } from "./parse-settings.js";
import type { CommandName, ParseContext, ParsedCommand, ParseErrorCode, ParseResult } from "./types.js";

export interface Message {
  orig: string;
  folded: string;
  /** The text with mentions replaced by spaces (same offsets). */
  blankedOrig: string;
  blankedFolded: string;
  mentions: Mention[];
  ref: { ref: number; from: number; to: number } | null;
  locale: "vi" | "en" | null;
  ctx: ParseContext;
  verb: Verb | null;
  /** Where the words after the command word begin. */
  bodyFrom: number;
}

function ok(msg: Message, command: CommandName, fields: Partial<ParsedCommand> = {}): ParseResult {
  const base: ParsedCommand = {
    command,
    taskRef: msg.ref?.ref ?? null,
    title: null,
    assignees: msg.mentions.map((m) => m.name),
    filter: null,
    due: null,
    locale: msg.locale,
    doubts: [],
  };
  return { ok: true, command: { ...base, ...fields } };
}

function fail(msg: Message, error: ParseErrorCode, command?: CommandName, fragment?: string): ParseResult {
  return { ok: false, error, locale: msg.locale, ...(command ? { command } : {}), ...(fragment ? { fragment } : {}) };
}

/** Cleans a title: spaces collapsed, dangling "cho"/"for"/":" at either end removed. */
export function cleanTitle(raw: string): string {
  let t = raw.replace(/\s+/g, " ").trim();
  const edge = /^(?:(?:cho|for|to|giao|:|-|–|,|;)\s*)+|(?:\s*(?:cho|for|to|:|-|–|,|;))+$/iu;
  for (let i = 0; i < 3; i++) t = t.replace(edge, "").trim();
  return t.replace(/^["“'](.*)["”']$/u, "$1").trim();
}

/** Text after the task number (or after the command word when the number came first). */
function afterRef(msg: Message): { o: string; f: string } {
  const from = msg.ref && msg.ref.from >= msg.bodyFrom ? msg.ref.to : msg.bodyFrom;
  const cut = (s: string): string => {
    let rest = s.slice(from);
    if (msg.ref && msg.ref.from >= from)
      rest = s.slice(from, msg.ref.from) + " ".repeat(msg.ref.to - msg.ref.from) + s.slice(msg.ref.to);
    return rest;
  };
  return { o: cut(msg.blankedOrig), f: cut(msg.blankedFolded) };
}

function withDue(msg: Message, command: "due" | "remind"): ParseResult {
  if (!msg.ref) return fail(msg, "missing_task_ref", command);
  const { o, f } = afterRef(msg);
  const text = o.trim();
  if (!text) return fail(msg, "missing_due", command);
  const lead = o.length - o.trimStart().length;
  const env = envOf(msg.ctx);
  const r = resolvePhrase(o.slice(lead).trimEnd(), f.slice(lead, lead + text.length), env);
  return r ? ok(msg, command, { due: toDueResolution(r, text, env) }) : fail(msg, "bad_due", command, text);
}

function assign(msg: Message, mode: "replace" | "add" | "remove"): ParseResult {
  if (!msg.ref) return fail(msg, "missing_task_ref", "assign");
  if (msg.mentions.length === 0) return fail(msg, "missing_assignee", "assign");
  return ok(msg, "assign", { assignMode: mode });
}

function edit(msg: Message): ParseResult {
  if (!msg.ref) return fail(msg, "missing_task_ref", "edit");
  const { o } = afterRef(msg);
  const title = cleanTitle(o.replace(/^\s*(?:thành|thanh|to|into|as|=|:)(?=\s|$)/iu, ""));
  return title ? ok(msg, "edit", { title }) : fail(msg, "missing_title", "edit");
}

export function addTask(msg: Message): ParseResult {
  const env = envOf(msg.ctx);
  const o = msg.blankedOrig.slice(msg.bodyFrom);
  const f = msg.blankedFolded.slice(msg.bodyFrom);
  const found = findDue(o, f, env);
  if (found?.badFragment !== undefined) return fail(msg, "bad_due", "add", found.badFragment || undefined);
  const raw = found ? `${o.slice(0, found.from)} ${o.slice(found.to)}` : o;
  const title = cleanTitle(raw);
  if (!title) return fail(msg, "missing_title", "add");
  const due = found?.due ? toDueResolution(found.due, o.slice(found.from, found.to).trim(), env) : null;
  return ok(msg, "add", { title, due, taskRef: null });
}

function byVerb(msg: Message, verb: Verb): ParseResult {
  const rest = msg.blankedFolded.slice(msg.bodyFrom).trim();
  switch (verb.command) {
    case "help":
      return ok(msg, "help", { helpTopic: helpTopicOf(rest) });
    case "settings": {
      const s = parseSettings(
        msg.blankedOrig.slice(msg.bodyFrom).trim(),
        rest,
        msg.mentions.map((m) => m.name),
        msg.ctx,
      );
      if (!s) return fail(msg, "bad_setting", "settings", msg.orig.slice(msg.bodyFrom).trim());
      return "error" in s ? fail(msg, "bad_setting", "settings", s.fragment) : ok(msg, "settings", { settings: s });
    }
    case "export":
      return ok(msg, "export", { exportFormat: /\bcsv\b/.test(rest) ? "csv" : "xlsx" });
    case "list":
      if (verb.filter === "assignee" && msg.mentions.length === 0) return fail(msg, "missing_assignee", "list");
      return ok(msg, "list", {
        filter: verb.filter === "open" && msg.mentions.length ? "assignee" : (verb.filter ?? "open"),
      });
    case "summary":
    case "status":
      return ok(msg, verb.command);
    case "show":
    case "done":
    case "reopen":
    case "cancel":
    case "ack":
      return msg.ref ? ok(msg, verb.command) : fail(msg, "missing_task_ref", verb.command);
    case "due":
    case "remind":
      return withDue(msg, verb.command);
    case "assign":
      return assign(msg, verb.assignMode ?? "replace");
    case "edit":
      return edit(msg);
    default:
      return addOrAssign(msg, rest);
  }
}

/** "thêm @Minh vào #12" and "assign #12 to @Minh" change assignees; other add words create. */
function addOrAssign(msg: Message, rest: string): ParseResult {
  if (msg.ref && msg.mentions.length > 0) {
    if (
      /(?<![a-z])(?:vao|into)(?![a-z])/.test(rest) ||
      (msg.locale !== "en" && /^them/.test(msg.blankedFolded.trim()))
    ) {
      return assign(msg, "add");
    }
    if (/(?<![a-z])(?:to|cho)(?![a-z])/.test(rest))
      return assign(msg, /^add/.test(msg.blankedFolded.trim()) ? "add" : "replace");
  }
  return addTask(msg);
}

const SLASH_PREFIX = /^\s*\/?\s*(?:(?:task|tasks|viec)\s+)?/;
const SETTINGS_VERB: Verb = { re: /^/, command: "settings", locale: "vi" };

export function buildCommand(msg: Message): ParseResult {
  // Settings phrases work without "cài đặt": "giờ kết thúc 17:30", "thêm quản lý @Lan".
  const from = SLASH_PREFIX.exec(msg.blankedFolded)?.[0].length ?? 0;
  if (SETTINGS_PHRASE.test(msg.blankedFolded.slice(from))) return byVerb({ ...msg, bodyFrom: from }, SETTINGS_VERB);
  if (msg.verb) return byVerb(msg, msg.verb);
  // "#12", "việc 12" alone show the task; "#12 xong", "task 7 done" put the verb last.
  if (msg.ref) {
    const rest = (msg.blankedFolded.slice(0, msg.ref.from) + msg.blankedFolded.slice(msg.ref.to))
      .replace(/^\s*\/?\s*/, "")
      .trim();
    if (rest === "") return ok(msg, "show");
    const verb = VERBS.find((v) => v.re.test(rest) && rest.replace(v.re, "").trim() === "");
    if (verb) return byVerb({ ...msg, bodyFrom: msg.ref.to }, verb);
  }
  const asAdd = addTask(msg);
  if (asAdd.ok && (msg.mentions.length > 0 || asAdd.command.due)) return asAdd;
  if (!asAdd.ok && asAdd.error === "bad_due") return asAdd;
  return fail(msg, "unknown_command", undefined, msg.orig.slice(msg.bodyFrom).trim().split(/\s+/)[0]);
}
