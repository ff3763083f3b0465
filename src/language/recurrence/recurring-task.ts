/**
 * A new recurring task ("repeat"): the recurring phrase and its end are taken out of the task words first, so the
 * deadline finder reads only the time and date words left ("every Monday 9am" → 9am; "trước 16h thứ 6 hằng tuần" →
 * trước 16h), and what remains is the title. "assign @Lan weekly report every Monday 9am" is the series "weekly
 * report", every Monday at 09:00 — never a one-off titled "weekly report every".
 */
import { DateTime } from "luxon";
import { titleFrom, trimFillers } from "../fillers.js";
import { findDue, findDueAlone } from "../find-due.js";
import type { Message } from "../message.js";
import { toDueResolution } from "../parse-due.js";
import { fail, ok } from "../result.js";
import type { DueResolution, ParsedCommand, ParseResult } from "../types.js";
import { isPunctuation, type Word, wordsOf } from "../words.js";
import { composeRule } from "./compose-rule.js";
import type { RecurrenceDraft } from "./draft.js";
import { findModifiers } from "./find-modifiers.js";
import { type FoundPhrase, findRecurringPhrase } from "./find-recurrence.js";
import { findUntil } from "./find-until.js";

interface Span {
  from: number;
  to: number;
}

/** The text with each span replaced by a clause break of the same length, so words on either side never join. */
function blankSpans(text: string, spans: Span[]): string {
  let out = text;
  for (const { from, to } of spans) out = `${out.slice(0, from)};${" ".repeat(to - from - 1)}${out.slice(to)}`;
  return out;
}

/**
 * The deadline words are the rhythm's only when they say what it leaves open: a time of day, or the day a bare
 * "hằng tuần" / "hàng tháng" lacks. Other date words ("plan the week") are the title's.
 */
function fillsRule(due: DueResolution, draft: RecurrenceDraft): boolean {
  if (due.hasTime) return true;
  if (draft.freq === "weekly") return !draft.weekdays;
  if (draft.freq === "monthly") return !draft.weekdays && !draft.monthDays;
  if (draft.freq === "quarterly" || draft.freq === "yearly") return !draft.monthDays;
  return false;
}

function today(msg: Message): string {
  return DateTime.fromJSDate(msg.ctx.now, { zone: msg.ctx.timezone }).toISODate() as string;
}

/** The recurring phrase of the task words starting at `bodyFrom`, if any. */
export function recurringPhraseOf(msg: Message, bodyFrom: number): FoundPhrase | null {
  return findRecurringPhrase(msg.blankedFolded, msg.blankedOrig, bodyFrom);
}

/**
 * The words from `bodyFrom` with the spans taken out, and the deadline among them; `alone`: they hold no title (a
 * series' new rhythm), so a time with nothing beside it is the rhythm's.
 */
function readRest(msg: Message, bodyFrom: number, spans: Span[], alone = false) {
  const orig = blankSpans(msg.blankedOrig, spans);
  const folded = blankSpans(msg.blankedFolded, spans);
  const words = wordsOf(orig, folded).filter((w) => w.from >= bodyFrom);
  const [start, end] = trimFillers(words, msg.fillers);
  const text = { orig, folded, words, env: msg.env, vietnamese: msg.fillers.vietnamese };
  const found = alone ? findDueAlone(text, start, end) : findDue(text, start, end);
  return { orig, words, found };
}

/** A rhythm read from words: its rule, what to ask when it lacks its day, and the words left (the title's). */
export interface ReadRecurrence {
  /** Null when the rhythm's days do not make a rule. */
  recurrence: NonNullable<ParsedCommand["recurrence"]> | null;
  ask: ParsedCommand["recurrenceAsk"];
  kept: Word[];
  /** The rhythm as written. */
  text: string;
}

/**
 * The rhythm of the words starting at `bodyFrom`, with its end, day-off modifiers and time of day; null when they
 * hold no recurring phrase. `alone`: the words are only the rhythm (no title).
 */
export function readRecurrence(msg: Message, bodyFrom: number, alone = false): ReadRecurrence | null {
  const phrase = recurringPhraseOf(msg, bodyFrom);
  if (!phrase) return null;
  const until = findUntil(msg.blankedFolded, bodyFrom, today(msg));
  const modifiers = findModifiers(msg.blankedFolded, bodyFrom);
  const spans: Span[] = [phrase, ...(until ? [until] : []), ...modifiers];
  const rest = readRest(msg, bodyFrom, spans, alone);
  const { orig, words } = rest;
  // The rhythm gives the days: words a deadline word could not read ("gia hạn tên miền") stay in the title.
  const found = rest.found?.due ? rest.found : null;
  const first = found ? (words[found.first] as Word) : null;
  const last = found ? (words[found.end - 1] as Word) : null;
  const read =
    found?.due && first && last ? toDueResolution(found.due, orig.slice(first.from, last.to), msg.env) : null;
  const due = read && fillsRule(read, phrase.draft) ? read : null;
  const kept = (due && found ? [...words.slice(0, found.first), ...words.slice(found.end)] : words).filter(
    (w) => !isPunctuation(w),
  );
  const text = msg.orig.slice(phrase.from, phrase.to);
  const rule = composeRule(phrase.draft, due, {
    today: today(msg),
    timezone: msg.ctx.timezone,
    until: until?.date ?? null,
    text,
  });
  if (!rule) return { recurrence: null, ask: undefined, kept, text };
  const dayOff = modifiers.find((m) => m.dayOff)?.dayOff;
  const skipTet = modifiers.some((m) => m.skipTet);
  return {
    recurrence: { ...rule.recurrence, ...(dayOff ? { dayOff } : {}), ...(skipTet ? { skipTet } : {}) },
    ask: rule.ask,
    kept,
    text,
  };
}

/** A "repeat" command from the task words at `bodyFrom`, or null when they hold no recurring phrase. */
export function recurringTask(msg: Message, bodyFrom: number): ParseResult | null {
  const read = readRecurrence(msg, bodyFrom);
  if (!read) return null;
  const title = titleFrom(read.kept, msg.fillers, msg.tail);
  if (!title) return fail(msg, "missing_title", "repeat");
  if (!read.recurrence) return fail(msg, "bad_due", "repeat", read.text);
  return ok(msg, "repeat", {
    title,
    taskRef: null,
    recurrence: read.recurrence,
    ...(read.ask ? { recurrenceAsk: read.ask } : {}),
  });
}
