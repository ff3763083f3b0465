/**
 * Turns the pieces of a phrase into a deadline, by the product rules of issue 3:
 * a date alone → that date at end-of-day; a time alone → today if still ahead, else
 * tomorrow; a period → end-of-day on its last working day; "trong N ngày" → N
 * calendar days after today; "N ngày làm việc" → N working days.
 */
import { type DateTime, FixedOffsetZone } from "luxon";
import type { WorkingCalendar } from "../calendar/index.js";
import type { Piece } from "./due-pieces.js";
import { edgeSpan, holidaySpan, seasonSpan, weekendSpan } from "./resolve-extra.js";
import { gatherPieces } from "./resolve-pieces.js";
import { dateSpan, daySpan, type PieceBag, type Span } from "./resolve-span.js";
import { clockHour, podDeadline, podWindow } from "./resolve-time.js";
import type { Grain } from "./types.js";

/**
 * `now` is the channel's wall-clock time carried in UTC: calendar arithmetic on a
 * fixed zone is fast and DST-free, and the wall time is placed in the real zone once,
 * at the end (so "9h sáng mai" stays 09:00 across a DST change).
 */
export interface ResolveEnv {
  now: DateTime;
  /** The real instant in the channel's zone, for elapsed-time offsets ("in 3 hours"). */
  realNow: DateTime;
  zone: string;
  endOfDay: number;
  calendar: WorkingCalendar;
}

export interface Resolved {
  start: DateTime;
  deadline: DateTime;
  grain: Grain;
  hasTime: boolean;
}

const iso = (d: DateTime): string => d.toISODate() as string;

/** The wall-clock day of a "YYYY-MM-DD" string (cheaper than parsing it with a zone). */
function dayOf(base: DateTime, isoDate: string): DateTime {
  const [year, month, day] = isoDate.split("-").map(Number);
  return base.startOf("day").set({ year, month, day });
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  return day.startOf("day").plus({ minutes });
}

/** End-of-day on the last working day of a span (its last day when it has none). */
function spanDeadline(span: Span, env: ResolveEnv): DateTime {
  const first = span.start.startOf("day");
  const last = span.end.minus({ milliseconds: 1 }).startOf("day");
  if (span.grain === "day" && +first === +last) return atMinutes(first, env.endOfDay);
  const found = env.calendar.lastWorkingDayInRange(iso(first), iso(last));
  const day = found ? dayOf(first, found) : last;
  return atMinutes(day, env.endOfDay);
}

function baseSpan(bag: PieceBag, env: ResolveEnv): Span | null | undefined {
  const { now } = env;
  let span: Span | null | undefined;
  if (bag.weekend) span = weekendSpan(now, bag.weekend.offset);
  else if (bag.season) span = seasonSpan(now, bag.season.season);
  else if (bag.holiday) span = holidaySpan(now, bag.holiday.name);
  else span = dateSpan(now, bag);
  if (bag.edge) {
    if (bag.edge.edge === "end" && !span && (bag.time || bag.pod)) return undefined;
    return span ? edgeSpan(span, bag.edge.edge) : null;
  }
  return span;
}

/** A clock time on the span's day, or today/tomorrow when no day was named. */
function withTime(t: Extract<Piece, { k: "time" }>, bag: PieceBag, span: Span | undefined, env: ResolveEnv): Resolved {
  const h = clockHour(t, bag.pod?.pod ?? null);
  const zone = bag.tz ? FixedOffsetZone.instance(bag.tz.offset) : env.now.zone;
  const local = bag.tz ? env.realNow.setZone(zone) : env.now;
  let day: DateTime = local.startOf("day");
  if (span) day = span.grain === "day" || span.grain === "hour" ? span.start : spanDeadline(span, env);
  let at: DateTime = day
    .setZone(zone, { keepLocalTime: true })
    .startOf("day")
    .plus({ hours: h, minutes: t.m, seconds: t.s ?? 0 });
  if (!span && at <= local) at = at.plus({ days: 1 });
  if (bag.tz) at = at.setZone(env.zone).setZone("utc", { keepLocalTime: true });
  return { start: at, deadline: at, grain: bag.tz && t.grain === "hour" ? "minute" : t.grain, hasTime: true };
}

/** Real elapsed time from now (DST-aware), as a wall-clock time. */
function elapsed(env: ResolveEnv, d: Record<string, number>): DateTime {
  return env.realNow.plus(d).setZone("utc", { keepLocalTime: true });
}

function withOffset(o: Extract<Piece, { k: "offset" }>, bag: PieceBag, env: ResolveEnv): Resolved | null {
  const { now } = env;
  const small = o.unit === "second" || o.unit === "minute" || o.unit === "hour";
  if (o.style === "window" || o.style === "past") {
    const unit = o.unit;
    const sign = o.style === "window" ? 1 : -1;
    const start = now.startOf(unit).plus({ [`${unit}s`]: o.style === "window" ? 1 : -o.n });
    const end = o.style === "window" ? start.plus({ [`${unit}s`]: o.n }) : now.startOf(unit);
    const deadline = small
      ? elapsed(env, { [`${unit}s`]: sign * o.n })
      : spanDeadline({ start, end, grain: "day" }, env);
    return { start, deadline, grain: unit, hasTime: small };
  }
  if (small) {
    const at = elapsed(env, { seconds: Math.round((o.unit === "hour" ? 3600 : o.unit === "minute" ? 60 : 1) * o.n) });
    const grain = o.unit === "hour" && Number.isInteger(o.n) ? "minute" : "second";
    return { start: at.startOf(grain), deadline: at, grain, hasTime: true };
  }
  const today = now.startOf("day");
  const day = o.working
    ? dayOf(today, env.calendar.addWorkingDays(iso(today), o.n))
    : today.plus({ [`${o.unit}s`]: o.n });
  if (bag.time) return withTime(bag.time, bag, daySpan(day), env);
  return { start: day, deadline: atMinutes(day, env.endOfDay), grain: "day", hasTime: false };
}

/** Resolves the pieces of one phrase; null when they do not make a deadline. */
export function resolveDue(pieces: Piece[], env: ResolveEnv): Resolved | null {
  const bag = gatherPieces(pieces);
  if (!bag) return null;
  const { now } = env;
  if (bag.now) return { start: now.startOf("second"), deadline: now, grain: "second", hasTime: true };
  if (bag.asap) return { start: now.startOf("second"), deadline: now, grain: "second", hasTime: true };
  if (bag.eod) {
    const at = atMinutes(now, env.endOfDay);
    return { start: at, deadline: at, grain: "minute", hasTime: true };
  }
  if (bag.offset) return withOffset(bag.offset, bag, env);
  const span = baseSpan(bag, env);
  if (span === null) return null;
  if (bag.time) return withTime(bag.time, bag, span, env);
  if (bag.pod) {
    const day = (span?.start ?? now).startOf("day");
    const [from] = podWindow(bag.pod.pod, bag.pod.vi);
    const deadline = atMinutes(day, podDeadline(bag.pod.pod, env.endOfDay));
    return { start: day.plus({ hours: from }), deadline, grain: "hour", hasTime: true };
  }
  if (!span) return null;
  return { start: span.start, deadline: spanDeadline(span, env), grain: span.grain, hasTime: false };
}
