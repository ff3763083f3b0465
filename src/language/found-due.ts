/** The shapes finding a deadline in the task words works on (find-due.ts) and reports (impossible-dates.ts). */
import type { Resolved, ResolveEnv } from "./resolve-due.js";
import type { Word } from "./words.js";

export interface FoundDue {
  due: Resolved | null;
  /** Word indexes [first, end) of the deadline words, cue included. */
  first: number;
  end: number;
  /** Words after a deadline word that could not be read, or an impossible date. */
  badFragment?: string;
}

export interface DueText {
  orig: string;
  folded: string;
  words: Word[];
  env: ResolveEnv;
  /** A Vietnamese message: "gap" typed without accents is then "gấp" (urgent). */
  vietnamese: boolean;
}
