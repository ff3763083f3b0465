import { DateTime } from "luxon";
import { type DueResolution, type ParseContext, parseCommand, parseDue } from "../../src/language/index.js";

/** Wednesday 2 December 2026, 10:00 in Hồ Chí Minh City. */
export const HCM_NOW = "2026-12-02T10:00:00+07:00";

export function ctxAt(iso = HCM_NOW, timezone = "Asia/Ho_Chi_Minh", extra: Partial<ParseContext> = {}): ParseContext {
  return { now: new Date(iso), timezone, ...extra };
}

/** Local wall time of a date in a zone, e.g. "2026-12-11 17:00 Fri". */
export function local(d: Date, zone = "Asia/Ho_Chi_Minh"): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm ccc");
}

export function due(text: string, ctx: ParseContext = ctxAt()): DueResolution {
  const r = parseDue(text, ctx);
  if (!r) throw new Error(`no deadline read in "${text}"`);
  return r;
}

export function deadline(text: string, ctx: ParseContext = ctxAt()): string {
  return local(due(text, ctx).deadline, ctx.timezone);
}

export function command(text: string, ctx: ParseContext = ctxAt()) {
  const r = parseCommand(text, ctx);
  if (!r.ok) throw new Error(`"${text}" failed: ${r.error} ${r.fragment ?? ""}`);
  return r.command;
}
