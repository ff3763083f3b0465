/**
 * Lunar days and the Tết break as spans: "rằm", "mùng 1 tháng sau", "15/8 âm lịch", "30 Tết", "trước Tết",
 * "sau Tết". The dates come from src/calendar (the Vietnamese lunar calendar and the channel's working days).
 */
import { lunarDateOf, lunarNewYearsEve, nextLunarDay, tetDeadline } from "../calendar/index.js";
import type { ResolveEnv } from "./resolve-env.js";
import { daySpan, type PieceBag, type Span } from "./resolve-span.js";
import { isoDateOf, type Wall, wallOf } from "./wall.js";

function wallOfIso(iso: string): Wall {
  return wallOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The next last day of a lunar year (today included). */
function nextEve(today: string): string {
  const year = lunarDateOf(today).year;
  const eve = lunarNewYearsEve(year + 1);
  return eve >= today ? eve : lunarNewYearsEve(year + 2);
}

/** The day a lunar or Tết piece names; undefined when the bag has none, null when the day does not exist. */
export function lunarSpan(bag: PieceBag, env: ResolveEnv): Span | null | undefined {
  if (!bag.tetEdge && !bag.lunarEve && !bag.lunar) return undefined;
  const today = isoDateOf(env.now);
  let iso: string | null;
  if (bag.tetEdge) iso = tetDeadline(today, bag.tetEdge.edge, env.calendar);
  else if (bag.lunarEve) iso = nextEve(today);
  else if (bag.lunar) iso = nextLunarDay(today, bag.lunar.d, bag.lunar.m, bag.lunar.rel ?? undefined);
  else return undefined;
  return iso === null ? null : daySpan(wallOfIso(iso));
}
