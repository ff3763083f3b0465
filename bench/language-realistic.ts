/**
 * Scores a command parser on the realistic corpus (test/language/corpus): a case counts only when every annotated
 * field matches — command (or error), task number, people, title, deadline instant, list filter and shift.
 * Shared by `npm run bench:language` and the floor test in test/language/realistic.test.ts.
 */
import type { ParseContext, ParseResult } from "../src/language/index.js";
import {
  CORPUS_NOW,
  CORPUS_ZONE,
  MEMBERS,
  REALISTIC_CORPUS,
  type RealisticCase,
} from "../test/language/corpus/index.js";

export type CommandParser = (text: string, ctx: ParseContext) => ParseResult;

export interface RealisticResult {
  entry: RealisticCase;
  ok: boolean;
  /** What differed, e.g. `title "nộp báo cáo nhé" ≠ "nộp báo cáo"`; empty when ok. */
  diff: string[];
}

export function corpusContext(): ParseContext {
  return { now: new Date(CORPUS_NOW), timezone: CORPUS_ZONE, knownNames: MEMBERS };
}

const show = (v: unknown): string => JSON.stringify(v ?? null);

function compare(entry: RealisticCase, r: ParseResult): string[] {
  if (entry.command.startsWith("error:")) {
    const want = entry.command.slice("error:".length);
    return !r.ok && r.error === want ? [] : [`${r.ok ? r.command.command : `error:${r.error}`} ≠ ${entry.command}`];
  }
  if (!r.ok) return [`error:${r.error} ${show(r.fragment)} ≠ ${entry.command}`];
  const c = r.command;
  const diff: string[] = [];
  const check = (name: string, got: unknown, want: unknown) => {
    if (show(got) !== show(want)) diff.push(`${name} ${show(got)} ≠ ${show(want)}`);
  };
  check("command", c.command, entry.command);
  check("ref", c.taskRef, entry.ref);
  check("who", c.assignees, entry.who);
  check("title", c.title, entry.title);
  const due = c.due ? c.due.deadline.toISOString() : null;
  check("due", due, entry.due ? new Date(entry.due).toISOString() : null);
  if (entry.filter) check("filter", c.filter, entry.filter);
  const shift = (c as { dueShift?: unknown }).dueShift ?? null;
  check("shift", shift, entry.shift ?? null);
  return diff;
}

export function scoreRealistic(locale: "vi" | "en", parse: CommandParser): RealisticResult[] {
  const ctx = corpusContext();
  return REALISTIC_CORPUS[locale].map((entry) => {
    const diff = compare(entry, parse(entry.text, ctx));
    return { entry, ok: diff.length === 0, diff };
  });
}
