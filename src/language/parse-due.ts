/**
 * parseDue: a whole phrase ("thứ 6 tuần sau", "by Friday 5pm", "July 13-15") to a
 * deadline. Ranges resolve to their end as the deadline and their start as the period.
 */
import { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
import { MAX_DUE_CHARS, startWork } from "./bounds.js";
import { fold } from "./fold.js";
import { type Resolved, type ResolveEnv, resolveDue } from "./resolve-due.js";
import { readShortEnglish, scanPieces } from "./scan.js";
import type { DueResolution, Grain, ParseContext } from "./types.js";
import { instantOf, wallAt, wallZone } from "./zone.js";

const DEFAULT_END_OF_DAY = 17 * 60;
let defaultCalendar: WorkingCalendar | null = null;

// Words that introduce a deadline; they are not part of it ("trước 17h", "by Friday").
// "trước Tết" / "before Tet" keep their cue: before the Tết break is not the day of Tết.
const MARKERS =
  /^(?:(?:truoc(?!\s+(?:khi\s+)?(?:(?:ky|dot)\s+)?(?:nghi\s+)?tet)|before(?!\s+(?:the\s+)?(?:tet|lunar new year))|trc|dl|han chot|han|deadline|by|due(?: date)?|den|sang|until|till|through|no later than|cham nhat|muon nhat|toi han|ve)(?:\s*:)?\s+|:\s*)+/;
const GRAINS: Grain[] = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];

let lastEnv: { key: string; ctx: ParseContext; env: ResolveEnv } | null = null;

export function envOf(ctx: ParseContext): ResolveEnv {
  const key = `${ctx.now.getTime()}|${ctx.timezone}|${ctx.endOfDayMinutes}`;
  if (lastEnv && lastEnv.key === key && lastEnv.ctx.calendar === ctx.calendar) return lastEnv.env;
  defaultCalendar ??= createWorkingCalendar();
  const zone = wallZone(ctx.timezone);
  const realNow = ctx.now.getTime();
  const env: ResolveEnv = {
    now: wallAt(realNow, zone),
    realNow,
    zone,
    endOfDay: ctx.endOfDayMinutes ?? DEFAULT_END_OF_DAY,
    calendar: ctx.calendar ?? defaultCalendar,
  };
  lastEnv = { key, ctx, env };
  return env;
}

function resolveText(orig: string, folded: string, env: ResolveEnv): Resolved | null {
  if (!/[a-z0-9]/.test(folded)) return null;
  const pieces = scanPieces(orig, folded);
  return pieces
    ? resolveDue(
        pieces.map((p) => p.piece),
        env,
      )
    : null;
}

const RANGE =
  /\s*(?:\s-\s|-|–|\bto\b|\bthru\b|\bthrough\b|\btill\b|\buntill?\b|\band\b|\bbut before\b|\bden\b|\btoi\b)\s*/g;
const RANGE_PREFIX = /^(?:from|between|later than|tu|in between|around)\s+/;
const MERIDIEM = /\s*(a\.?\s?m\.?|p\.?\s?m\.?)$/;

/** "July 13-15", "from 9:30 to 11:00 on Thursday", "3-4pm": the left side borrows what it lacks. */
function resolveRange(orig: string, folded: string, env: ResolveEnv): Resolved | null {
  const off = RANGE_PREFIX.exec(folded)?.[0].length ?? 0;
  for (const m of folded.slice(off).matchAll(RANGE)) {
    const cut = off + (m.index ?? 0);
    const [lo, lf] = [orig.slice(off, cut), folded.slice(off, cut)];
    const [ro, rf] = [orig.slice(cut + m[0].length), folded.slice(cut + m[0].length)];
    const right = resolveText(ro, rf, env) ?? borrowRight(lo, lf, ro, rf, env);
    if (!right) continue;
    const left = borrowLeft(lo, lf, ro, rf, env);
    if (!left) continue;
    const grain = GRAINS[Math.min(GRAINS.indexOf(left.grain), GRAINS.indexOf(right.grain))] as Grain;
    return { start: left.start, deadline: right.deadline, grain, hasTime: right.hasTime };
  }
  return null;
}

function borrowLeft(lo: string, lf: string, ro: string, rf: string, env: ResolveEnv): Resolved | null {
  const mer = MERIDIEM.exec(rf)?.[1];
  if (mer && !MERIDIEM.test(lf) && /\d$/.test(lf)) return resolveText(`${lo} ${mer}`, `${lf} ${mer}`, env);
  const words = [...rf.matchAll(/\S+/g)];
  for (let i = 1; i < words.length; i++) {
    const at = words[i]?.index ?? 0;
    if (/^\d/.test(rf.slice(at))) continue;
    const hit = resolveText(`${lo} ${ro.slice(at)}`, `${lf} ${rf.slice(at)}`, env);
    if (hit) return hit;
  }
  return resolveText(lo, lf, env);
}

function borrowRight(lo: string, lf: string, ro: string, rf: string, env: ResolveEnv): Resolved | null {
  const words = [...lf.matchAll(/\S+/g)];
  for (let i = words.length - 1; i >= 1; i--) {
    const at = words[i]?.index ?? 0;
    const hit = resolveText(`${lo.slice(0, at)} ${ro}`, `${lf.slice(0, at)} ${rf}`, env);
    if (hit) return hit;
  }
  // "8am until 6": a bare number on the right is a clock time.
  return /^\d{1,2}(?::\d{2})?$/.test(rf.trim()) ? resolveText(`at ${ro}`, `at ${rf}`, env) : null;
}

/** Resolves a phrase given as original text and its folded copy; markers are skipped. */
export function resolvePhrase(orig: string, folded: string, env: ResolveEnv, allowRange = true): Resolved | null {
  let skip = MARKERS.exec(folded)?.[0].length ?? 0;
  // "sáng" (morning) folds to the marker "sang" (to): keep it when typed with its accent.
  if (skip > 0 && /^sáng/i.test(orig)) skip = 0;
  const [o, f] = [orig.slice(skip), folded.slice(skip)];
  const whole = resolveText(o, f, env);
  if (whole || !allowRange) return whole;
  return resolveRange(o, f, env);
}

/** Places the wall-clock results in the channel's zone. */
export function toDueResolution(r: Resolved, text: string, env: ResolveEnv): DueResolution {
  const real = (w: number): Date => new Date(instantOf(w, env.zone));
  const due: DueResolution = {
    deadline: real(r.deadline),
    hasTime: r.hasTime,
    start: real(r.start),
    grain: r.grain,
    text,
  };
  return r.vague ? { ...due, vague: { word: text, rule: r.vague } } : due;
}

/** Reads a whole phrase as a deadline ("thứ 6 tuần sau", "by Friday 5pm"); null if it is not one. */
export function parseDue(text: string, ctx: ParseContext): DueResolution | null {
  const orig = text.normalize("NFC").trim();
  if (orig.length > MAX_DUE_CHARS * 2) return null;
  startWork();
  readShortEnglish(true);
  const env = envOf(ctx);
  const r = resolvePhrase(orig, fold(orig), env);
  return r ? toDueResolution(r, orig, env) : null;
}
