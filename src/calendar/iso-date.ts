/**
 * Plain "YYYY-MM-DD" local-date arithmetic. Dates stay strings so the calendar never
 * depends on a time zone: the caller decides which local day "today" is.
 */
import { fromJulianDay, julianDay } from "./lunar.js";

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits "YYYY-MM-DD" into numbers; throws on anything else (fail fast on caller bugs). */
export function parseIsoDate(iso: string): [number, number, number] {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Julian day number of an ISO date; handy for day differences. */
export function isoToJulian(iso: string): number {
  const [y, m, d] = parseIsoDate(iso);
  return julianDay(d, m, y);
}

export function julianToIso(jd: number): string {
  const [d, m, y] = fromJulianDay(jd);
  return toIsoDate(y, m, d);
}

export function addDays(iso: string, n: number): string {
  return julianToIso(isoToJulian(iso) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  return (isoToJulian(iso) % 7) + 1;
}
