/**
 * From a read message to a command. A message that names a task goes to task-command.ts and is never a new task.
 * Otherwise the command word it opens with decides (lead-verb.ts); without one, a list question is a list, and
 * a message that names a person or a deadline is a new task. Each refusal says what is missing.
 */

import { addTask, hasDeadline } from "./add-task.js";
import { asksForCancelled } from "./cancelled-phrase.js";
import type { Verb } from "./command-table.js";
import { readDataDeletion } from "./data-phrases.js";
import { helpTopicOf } from "./help-topics.js";
import { type Lead, leadVerb } from "./lead-verb.js";
import { listIntent } from "./list-intent.js";
import { managersQueryLocale } from "./managers-query.js";
import type { Message } from "./message.js";
import { readOrgPhrase } from "./org-phrases.js";
import { parseSettings, SETTINGS_PHRASE } from "./parse-settings.js";
import { recurringTask } from "./recurrence/recurring-task.js";
import { seriesCommand } from "./recurrence/series-command.js";
import { fail, ok } from "./result.js";
import { taskCommand } from "./task-command.js";
import type { ParseResult } from "./types.js";

const SLASH_PREFIX = /^\s*(?:\/\s*)?(?:(?:task|tasks|viec)\s+)?/;

function settings(msg: Message, from: number): ParseResult {
  const s = parseSettings(
    msg.blankedOrig.slice(from).trim(),
    msg.blankedFolded.slice(from).trim(),
    msg.mentions.map((m) => m.name),
    msg.ctx,
  );
  if (!s) return fail(msg, "bad_setting", "settings", msg.orig.slice(from).trim());
  return "error" in s ? fail(msg, "bad_setting", "settings", s.fragment) : ok(msg, "settings", { settings: s });
}

function help(msg: Message, lead: Lead): ParseResult {
  return ok(msg, "help", { helpTopic: helpTopicOf(msg.blankedFolded.slice(lead.to)) });
}

function list(msg: Message, verb: Verb): ParseResult {
  const asked = listIntent(msg);
  const filter = asked ?? (verb.filter === "open" && msg.mentions.length ? "assignee" : (verb.filter ?? "open"));
  if (filter === "assignee" && msg.mentions.length === 0) return fail(msg, "missing_assignee", "list");
  return ok(msg, "list", { filter });
}

/** A command word the message opens with; null when the word turns out to be the task's own. */
function byLead(msg: Message, lead: Lead): ParseResult | null {
  const { verb } = lead;
  switch (verb.command) {
    case "help":
      return help(msg, lead);
    case "settings":
      return settings(msg, lead.to);
    case "export":
      return ok(msg, "export", {
        exportFormat: /\bcsv\b/.test(msg.blankedFolded) ? "csv" : "xlsx",
        ...(asksForCancelled(msg.blankedFolded) ? { exportWithCancelled: true } : {}),
      });
    case "summary":
    case "status":
      return ok(msg, verb.command);
    case "list":
      return list(msg, verb);
    case "add":
      return addTask(msg, lead.to);
    case "show": {
      const filter = listIntent(msg);
      if (filter) return ok(msg, "list", { filter });
      return msg.mentions.length ? null : fail(msg, "missing_task_ref", "show");
    }
    default:
      // A task's command word without a task number: with a person it is the task's first word ("hủy đặt phòng
      // khách sạn @Tuấn"); alone it lacks the number ("xong", "gia hạn").
      return msg.mentions.length ? null : fail(msg, "missing_task_ref", verb.command);
  }
}

const QUESTION_START = /^(?:ai|sao|bao|khi|what|who|when|why|how|where|which)$/;
const QUESTION_END = /^(?:khong|ko|chua|gi|nao|sao|dau)$/;

/** "Hôm nay ai trực?", "bao giờ nộp báo cáo": a question naming no one asks something; it is not a task. */
function isQuestion(msg: Message): boolean {
  const words = msg.words.filter((w) => w.key !== "");
  return (
    /\?\s*$/.test(msg.orig) || QUESTION_START.test(words[0]?.key ?? "") || QUESTION_END.test(words.at(-1)?.key ?? "")
  );
}

/** Recurring tasks (issue 18): a rhythm in a new task's words makes it a series; a command word keeps its meaning. */
function recurring(msg: Message, lead: Lead | null, from: number): ParseResult | null {
  const byWord = lead && !lead.afterMention;
  if (byWord && ["help", "settings", "export", "status"].includes(lead.verb.command)) return null;
  // "bao" opens "báo cáo" as well as "bao giờ": only a question mark makes a rhythm a question here.
  if (!msg.mentions.length && /\?\s*$/.test(msg.orig)) return null;
  return recurringTask(msg, byWord ? (lead.verb.command === "add" ? lead.to : lead.from) : from);
}

export function buildCommand(msg: Message): ParseResult {
  const managersAsked = managersQueryLocale(msg.folded);
  if (managersAsked) {
    return ok({ ...msg, locale: managersAsked }, "settings", { settings: { key: "manager", value: null } });
  }
  const deletion = readDataDeletion(msg);
  if (deletion) return ok({ ...msg, locale: deletion }, "delete_data");
  const org = readOrgPhrase(msg);
  if (org) return ok({ ...msg, locale: org.locale }, org.command, { org: org.org });
  // Settings phrases work without "cài đặt": "giờ kết thúc 17:30", "thêm quản lý @Lan".
  const from = SLASH_PREFIX.exec(msg.blankedFolded)?.[0].length ?? 0;
  if (SETTINGS_PHRASE.test(msg.blankedFolded.slice(from))) return settings(msg, from);
  const series = seriesCommand(msg);
  if (series) return series;
  if (msg.ref) return taskCommand(msg);
  const lead = leadVerb(msg);
  const repeat = recurring(msg, lead, from);
  if (repeat) return repeat;
  const byWord = lead && !lead.afterMention ? byLead(msg, lead) : null;
  if (byWord) return byWord;
  const filter = listIntent(msg);
  if (filter) return ok(msg, "list", { filter });
  const bodyFrom = lead && !lead.afterMention ? lead.from : from;
  if (msg.mentions.length > 0 || (!isQuestion(msg) && hasDeadline(msg, bodyFrom))) return addTask(msg, bodyFrom);
  return fail(msg, "unknown_command", undefined, msg.orig.slice(from).trim().split(/\s+/)[0]);
}
