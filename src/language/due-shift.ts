/**
 * Moving a deadline by an amount: "gia hạn #3 thêm 2 ngày", "lùi #4 1 tuần", "extend #3 by 2 days", "push #7 back
 * a week", "move #21 earlier by 1 day". readShift reads the amount; applyDueShift moves a task's current deadline
 * in the channel's zone, keeping its time of day (and counting working days on the channel's calendar).
 */
import { DateTime } from "luxon";
import type { WorkingCalendar } from "../calendar/index.js";
import { NUMBER_WORD_RE, readNumber } from "./lexicon.js";
import type { DueShift } from "./types.js";

const NUM = `\\d{1,3}|${NUMBER_WORD_RE}`;
const VI_UNIT = "ngay lam viec|ngay|hom|tuan|thang|gio|tieng|h";
const EN_UNIT = "working days?|business days?|days?|weeks?|months?|hours?|hrs?";
const VI_SHIFT = new RegExp(
  `^(?:(?:cho |xin )?(?:them|lui|lui lai|day|lai|som|len som|som len|ra)\\s+)?(${NUM})\\s*(${VI_UNIT})(?:\\s+(lam viec))?(?:\\s+(?:nua|them|sau))?(?:\\s+(som hon|som))?$`,
);
const EN_SHIFT = new RegExp(
  `^(?:(back|forward|earlier|later|out)\\s+)?(?:(?:by|for)\\s+)?(?:another\\s+)?(${NUM}|a|an)\\s+(?:more\\s+|extra\\s+)?(${EN_UNIT})(?:\\s+(more|later|earlier|extra|back))?$`,
);

function unitOf(word: string): { unit: DueShift["unit"]; working: boolean } {
  if (/^(?:ngay lam viec|working|business)/.test(word)) return { unit: "day", working: true };
  if (/^(?:ngay|hom|day)/.test(word)) return { unit: "day", working: false };
  if (/^(?:tuan|week)/.test(word)) return { unit: "week", working: false };
  if (/^(?:thang|month)/.test(word)) return { unit: "month", working: false };
  return { unit: "hour", working: false };
}

/** The amount in a folded phrase that is only an amount ("thêm 2 ngày", "by a week"), or null. */
export function readShift(folded: string): DueShift | null {
  const text = folded
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const vi = VI_SHIFT.exec(text);
  if (vi) {
    const n = readNumber(vi[1] ?? "");
    if (!n) return null;
    const { unit, working } = unitOf(vi[3] ? "ngay lam viec" : (vi[2] ?? ""));
    const earlier = /^(?:som|len som|som len)\b/.test(text) || !!vi[4];
    return { amount: earlier ? -n : n, unit, workingDays: working };
  }
  const en = EN_SHIFT.exec(text);
  if (!en) return null;
  const n = /^an?$/.test(en[2] ?? "") ? 1 : readNumber(en[2] ?? "");
  if (!n) return null;
  const { unit, working } = unitOf(en[3] ?? "");
  const earlier = en[1] === "earlier" || en[1] === "forward" || en[4] === "earlier";
  return { amount: earlier ? -n : n, unit, workingDays: working };
}

/** The deadline `shift` moves `deadline` to, in `timezone`, keeping the time of day. */
export function applyDueShift(deadline: Date, shift: DueShift, timezone: string, calendar: WorkingCalendar): Date {
  const local = DateTime.fromJSDate(deadline, { zone: timezone });
  if (shift.unit === "hour") return local.plus({ hours: shift.amount }).toJSDate();
  if (!shift.workingDays) return local.plus({ [`${shift.unit}s`]: shift.amount }).toJSDate();
  const day = calendar.addWorkingDays(local.toISODate() as string, shift.amount);
  const [year, month, date] = day.split("-").map(Number);
  return local.set({ year, month, day: date }).toJSDate();
}
