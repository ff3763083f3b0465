/**
 * Clock-time readings: bare numbers that are hours ("at 3", "9 tomorrow"), am/pm and
 * Vietnamese parts of day ("3 giờ chiều" = 15:00), and the office-hours rule.
 */
import type { Piece, Pod } from "./due-pieces.js";

type Time = Extract<Piece, { k: "time" }>;

/** Reads a bare number as a clock time: "3" → 3:00, "1030" → 10:30; null if it cannot be one. */
export function numberAsTime(n: Extract<Piece, { k: "num" }>): Time | null {
  if (n.min !== undefined) return { k: "time", h: n.n, m: n.min, s: null, grain: "minute", mer: n.mer ?? null };
  if (n.digits >= 3) {
    const h = Math.floor(n.n / 100);
    const m = n.n % 100;
    return h <= 23 && m <= 59 ? { k: "time", h, m, s: null, grain: "minute", mer: n.mer ?? null } : null;
  }
  return n.n <= 24 ? { k: "time", h: n.n, m: 0, s: null, grain: "hour", mer: n.mer ?? null } : null;
}

/**
 * The 24-hour clock hour of a time, given am/pm or a part of day. Without either, an
 * hour from 1 to 6 is read as afternoon: no office sets a 3 a.m. deadline, and
 * Vietnamese speakers say "3 giờ" for 15:00 (Duckling also reads "2:30" as 14:30).
 */
export function clockHour(t: Time, pod: Pod | null): number {
  const h = t.h;
  if (t.mer === "am") return h === 12 ? 0 : h;
  if (t.mer === "pm") return h < 12 ? h + 12 : h;
  switch (pod) {
    case "morning":
    case "earlymorning":
      return h === 12 ? 24 : h;
    case "noon":
      return h <= 5 ? h + 12 : h;
    case "afternoon":
    case "afterlunch":
    case "lateevening":
      return h < 12 ? h + 12 : h;
    case "evening":
      return h < 12 ? h + 12 : h === 12 ? 24 : h;
    case "night":
      return h >= 6 && h < 12 ? h + 12 : h === 12 ? 24 : h;
    default:
      return h >= 1 && h <= 6 && t.grain !== "second" ? h + 12 : h;
  }
}

/** Part-of-day windows [from, to) in hours; Duckling's, with Vietnamese "sáng" from 4:00. */
export function podWindow(pod: Pod, vi: boolean): [number, number] {
  const w: Record<Pod, [number, number]> = {
    morning: [vi ? 4 : 0, 12],
    earlymorning: [0, 9],
    noon: [12, 14],
    afternoon: [12, 19],
    evening: [18, 24],
    lateevening: [21, 24],
    night: [18, 24],
    afterlunch: [13, 17],
  };
  return w[pod];
}

/** The deadline a part of day stands for, in minutes; "chiều" means by the end of the working day. */
export function podDeadline(pod: Pod, endOfDay: number): number {
  const at: Record<Pod, number> = {
    morning: 9 * 60,
    earlymorning: 7 * 60,
    noon: 12 * 60,
    afternoon: endOfDay,
    afterlunch: 13 * 60,
    evening: 20 * 60,
    lateevening: 23 * 60,
    night: 23 * 60,
  };
  return at[pod];
}
