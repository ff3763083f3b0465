/**
 * Where our deadline rules deliberately read a phrase differently from Duckling.
 * A phrase is only excused when it misses; everything else counts against us.
 */
import type { CorpusEntry } from "./language-duckling.js";

export const DIFFERENCES = {
  by: '"by X" / "within X" name a deadline: we return X itself (its period and deadline); Duckling returns the interval from now until X.',
  dayOffset:
    '"in N days", "N days hence", "in N years": N calendar days (or years) after today, a date due at end-of-day (day grain); Duckling keeps the current clock time (hour/month grain).',
  officeHours:
    'An hour from 1 to 6 with no am/pm or part of day is read as afternoon (offices set no 3 a.m. deadlines; Vietnamese "3h" is 15:00); Duckling reads 3:18 / 1:50 as morning.',
  pastTime:
    'A time of day already past is tomorrow ("today if still ahead, else tomorrow"); Duckling keeps today while the hour is still running (4:23 at 4:30).',
  noon: '"this afternoon at 12" is noon for us; Duckling reads midnight.',
} as const;

const DAY_OFFSET =
  /^(?:in (?:a|\d+) days?|(?:a|\d+|seven|fourteen) days? (?:from (?:right )?now|hence)|a fortnight hence|\d+ days hence|after \d+ days|two years hence|in \d+ years? at .*|at \d+ in \d+ years)$/i;

export function differenceOf(e: CorpusEntry): keyof typeof DIFFERENCES | undefined {
  const p = e.phrase.toLowerCase();
  if (e.category === "deadline_by") return "by";
  if (DAY_OFFSET.test(p)) return "dayOffset";
  if (["3h18", "at 4:23", "tomorrow at 150ish"].includes(p)) return "officeHours";
  if (["4:23am", "four twenty-three a m"].includes(p)) return "pastTime";
  if (p === "this afternoon at 12") return "noon";
  return undefined;
}
