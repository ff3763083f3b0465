/** What resolving a deadline phrase needs to know about the moment and the channel (see resolve-due.ts). */
import type { WorkingCalendar } from "../calendar/index.js";
import type { Wall } from "./wall.js";
import type { WallZone } from "./zone.js";

/**
 * `now` is the channel's wall clock (wall.ts): calendar arithmetic on plain numbers is
 * fast and DST-free, and the wall time is placed in the real zone once, at the end (so
 * "9h sáng mai" stays 09:00 across a DST change).
 */
export interface ResolveEnv {
  now: Wall;
  /** The real instant (ms), for elapsed-time offsets ("in 3 hours"). */
  realNow: number;
  zone: WallZone;
  endOfDay: number;
  calendar: WorkingCalendar;
}
