/**
 * Turns the pieces of a phrase into a deadline, by the rules the README states ("How deadlines are understood"):
 * a date alone → that date at end-of-day; a time alone → today if still ahead, else
 * tomorrow; a period → end-of-day on its last working day; "trong N ngày" → N
 * calendar days after today; "N ngày làm việc" → N working days.
 */
import type { Piece } from "./due-pieces.js";
import type { ResolveEnv } from "./resolve-env.js";
import { edgeSpan, holidaySpan, restSpan, seasonSpan, weekendSpan } from "./resolve-extra.js";
import { lunarSpan } from "./resolve-lunar.js";
import { gatherPieces } from "./resolve-pieces.js";
import { dateSpan, daySpan, type PieceBag, type Span, unitSpan } from "./resolve-span.js";
import { clockHour, podDeadline, podWindow } from "./resolve-time.js";
import type { Grain } from "./types.js";
import { DAY, isoDateOf, MINUTE, plus, startOf, type Wall, type WallUnit, wallOf } from "./wall.js";
import { wallAt } from "./zone.js";

export type { ResolveEnv } from "./resolve-env.js";

export interface Resolved {
  start: Wall;
  deadline: Wall;
  grain: Grain;
  hasTime: boolean;
  /** Which rule gave a deadline to an urgency word ("gấp", "asap"); see DueResolution.vague. */
  vague?: "end_of_today" | "end_of_next_working_day";
}

/** The wall of a "YYYY-MM-DD" string. */
function dayOf(isoDate: string): Wall {
  return wallOf(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

function atMinutes(day: Wall, minutes: number): Wall {
  return startOf(day, "day") + minutes * MINUTE;
}

/** End-of-day on the last working day of a span (its last day when it has none). */
function spanDeadline(span: Span, env: ResolveEnv): Wall {
  const first = startOf(span.start, "day");
  const last = startOf(span.end - 1, "day");
  if (span.grain === "day" && first === last) return atMinutes(first, env.endOfDay);
  const found = env.calendar.lastWorkingDayInRange(isoDateOf(first), isoDateOf(last));
  const day = found ? dayOf(found) : last;
  return atMinutes(day, env.endOfDay);
}

function baseSpan(bag: PieceBag, env: ResolveEnv): Span | null | undefined {
  const { now } = env;
  let span: Span | null | undefined = lunarSpan(bag, env);
  if (span !== undefined) return span;
  if (bag.weekend) span = weekendSpan(now, bag.weekend.offset);
  else if (bag.season) span = seasonSpan(now, bag.season.season);
  else if (bag.holiday) span = holidaySpan(now, bag.holiday.name);
  else if (bag.rest) span = restSpan(now, bag.rest);
  else span = dateSpan(now, bag);
  if (bag.weekOf) return span?.grain === "day" ? unitSpan(span.start, "week") : null;
  if (bag.edge) {
    if (bag.edge.edge === "end" && !span && (bag.time || bag.pod)) return undefined;
    return span ? edgeSpan(span, bag.edge.edge) : null;
  }
  return span;
}

/**
 * A clock time on the span's day, or today/tomorrow when no day was named. With a zone
 * named ("3pm EST") the wall is read in that fixed offset, then brought to the channel's.
 */
function withTime(t: Extract<Piece, { k: "time" }>, bag: PieceBag, span: Span | undefined, env: ResolveEnv): Resolved {
  const h = clockHour(t, bag.pod?.pod ?? null);
  const tzOffset = bag.tz ? bag.tz.offset * MINUTE : 0;
  const local = bag.tz ? env.realNow + tzOffset : env.now;
  let day: Wall = startOf(local, "day");
  if (span) day = span.grain === "day" || span.grain === "hour" ? span.start : spanDeadline(span, env);
  let at = startOf(day, "day") + h * 3_600_000 + t.m * MINUTE + (t.s ?? 0) * 1000;
  if (!span && at <= local) at += DAY;
  if (bag.tz) at = wallAt(at - tzOffset, env.zone);
  return { start: at, deadline: at, grain: bag.tz && t.grain === "hour" ? "minute" : t.grain, hasTime: true };
}

/** Real elapsed time from now (DST-aware), as a wall-clock time. */
function elapsed(env: ResolveEnv, ms: number): Wall {
  return wallAt(env.realNow + ms, env.zone);
}

const UNIT_MS = { second: 1000, minute: MINUTE, hour: 3_600_000 } as const;

function withOffset(o: Extract<Piece, { k: "offset" }>, bag: PieceBag, env: ResolveEnv): Resolved | null {
  const { now } = env;
  const unit: WallUnit = o.unit;
  const small = unit === "second" || unit === "minute" || unit === "hour";
  if (o.style === "window" || o.style === "past") {
    const sign = o.style === "window" ? 1 : -1;
    const start = plus(startOf(now, unit), unit, o.style === "window" ? 1 : -o.n);
    const end = o.style === "window" ? plus(start, unit, o.n) : startOf(now, unit);
    const deadline = small ? elapsed(env, sign * o.n * UNIT_MS[unit]) : spanDeadline({ start, end, grain: "day" }, env);
    return { start, deadline, grain: unit, hasTime: small };
  }
  if (small) {
    const at = elapsed(env, 1000 * Math.round((unit === "hour" ? 3600 : unit === "minute" ? 60 : 1) * o.n));
    const grain = unit === "hour" && Number.isInteger(o.n) ? "minute" : "second";
    return { start: startOf(at, grain), deadline: at, grain, hasTime: true };
  }
  const today = startOf(now, "day");
  const day = o.working ? dayOf(env.calendar.addWorkingDays(isoDateOf(today), o.n)) : plus(today, unit, o.n);
  if (bag.time) return withTime(bag.time, bag, daySpan(day), env);
  return { start: day, deadline: atMinutes(day, env.endOfDay), grain: "day", hasTime: false };
}

/**
 * "gấp", "asap", "ngay bây giờ": the period starts now (as Duckling reads it), but a deadline at the very second of
 * the message would be overdue at once. The deadline is the end of today's working day when today is a working day
 * and that hour is still ahead, else the end of the next working day.
 */
function urgent(env: ResolveEnv): Resolved {
  const { now } = env;
  const today = startOf(now, "day");
  const endToday = atMinutes(today, env.endOfDay);
  const start = startOf(now, "second");
  if (env.calendar.isWorkingDay(isoDateOf(today)) && now < endToday) {
    return { start, deadline: endToday, grain: "second", hasTime: true, vague: "end_of_today" };
  }
  const next = dayOf(env.calendar.nextWorkingDay(isoDateOf(today)));
  const deadline = atMinutes(next, env.endOfDay);
  return { start, deadline, grain: "second", hasTime: true, vague: "end_of_next_working_day" };
}

/** Resolves the pieces of one phrase; null when they do not make a deadline. */
export function resolveDue(pieces: Piece[], env: ResolveEnv): Resolved | null {
  const bag = gatherPieces(pieces);
  if (!bag) return null;
  const { now } = env;
  if (bag.now || bag.asap) return urgent(env);
  if (bag.eod) {
    const at = atMinutes(now, env.endOfDay);
    return { start: at, deadline: at, grain: "minute", hasTime: true };
  }
  if (bag.offset) return withOffset(bag.offset, bag, env);
  const span = baseSpan(bag, env);
  if (span === null) return null;
  if (bag.time) return withTime(bag.time, bag, span, env);
  if (bag.pod) {
    const day = startOf(span?.start ?? now, "day");
    const [from] = podWindow(bag.pod.pod, bag.pod.vi);
    const deadline = atMinutes(day, podDeadline(bag.pod.pod, env.endOfDay));
    return { start: day + from * 3_600_000, deadline, grain: "hour", hasTime: true };
  }
  if (!span) return null;
  return { start: span.start, deadline: spanDeadline(span, env), grain: span.grain, hasTime: false };
}
