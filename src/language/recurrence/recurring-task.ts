/**
 * A new recurring task ("repeat"): the recurring phrase and its end are taken out of the task words first, so the
 * deadline finder reads only the time and date words left ("every Monday 9am" → 9am; "trước 16h thứ 6 hằng tuần" →
 * trước 16h), and what remains is the title. "assign @Lan weekly report every Monday 9am" is the series "weekly
 * report", every Monday at 09:00 — never a one-off titled "weekly report every".
 */
import { DateTime } from "luxon";
import { titleFrom, trimFillers } from "../fillers.js";
import { findDue } from "../find-due.js";
import type { Message } from "../message.js";
import { toDueResolution } from "../parse-due.js";
import { fail, ok } from "../result.js";
import type { ParseResult } from "../types.js";
import { type Word, wordsOf } from "../words.js";
import { composeRule } from "./compose-rule.js";
import { type FoundPhrase, findRecurringPhrase } from "./find-recurrence.js";
import { findUntil } from "./find-until.js";

interface Span {
  from: number;
  to: number;
}

function blankSpans(text: string, spans: Span[]): string {
  let out = text;
  for (const { from, to } of spans) out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
  return out;
}

function today(msg: Message): string {
  return DateTime.fromJSDate(msg.ctx.now, { zone: msg.ctx.timezone }).toISODate() as string;
}

/** The recurring phrase of the task words starting at `bodyFrom`, if any. */
export function recurringPhraseOf(msg: Message, bodyFrom: number): FoundPhrase | null {
  return findRecurringPhrase(msg.blankedFolded, bodyFrom);
}

/** The words from `bodyFrom` with the spans taken out, and the deadline among them. */
function readRest(msg: Message, bodyFrom: number, spans: Span[]) {
  const orig = blankSpans(msg.blankedOrig, spans);
  const folded = blankSpans(msg.blankedFolded, spans);
  const words = wordsOf(orig, folded).filter((w) => w.from >= bodyFrom);
  const [start, end] = trimFillers(words, msg.fillers);
  const found = findDue({ orig, folded, words, env: msg.env, vietnamese: msg.fillers.vietnamese }, start, end);
  return { orig, words, found };
}

/** A "repeat" command from the task words at `bodyFrom`, or null when they hold no recurring phrase. */
export function recurringTask(msg: Message, bodyFrom: number): ParseResult | null {
  const phrase = recurringPhraseOf(msg, bodyFrom);
  if (!phrase) return null;
  const until = findUntil(msg.blankedFolded, bodyFrom, today(msg));
  const spans: Span[] = until ? [phrase, until] : [phrase];
  const { orig, words, found } = readRest(msg, bodyFrom, spans);
  if (found?.badFragment !== undefined) return fail(msg, "bad_due", "repeat", found.badFragment || undefined);
  const kept: Word[] = found ? [...words.slice(0, found.first), ...words.slice(found.end)] : words;
  const title = titleFrom(kept, msg.fillers, msg.tail);
  if (!title) return fail(msg, "missing_title", "repeat");
  const dueWords = found?.due ? [words[found.first] as Word, words[found.end - 1] as Word] : null;
  const due =
    found?.due && dueWords ? toDueResolution(found.due, orig.slice(dueWords[0].from, dueWords[1].to), msg.env) : null;
  const text = msg.orig.slice(phrase.from, phrase.to);
  const rule = composeRule(phrase.draft, due, {
    today: today(msg),
    timezone: msg.ctx.timezone,
    until: until?.date ?? null,
    text,
  });
  if (!rule) return fail(msg, "bad_due", "repeat", text);
  return ok(msg, "repeat", {
    title,
    taskRef: null,
    recurrence: rule.recurrence,
    ...(rule.ask ? { recurrenceAsk: rule.ask } : {}),
  });
}
