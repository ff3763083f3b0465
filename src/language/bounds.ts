/**
 * Bounds on the work one message may cost. A chat message can be 40,000 characters of anything, and the parser
 * runs while a platform waits for its acknowledgement (Slack allows 3 s), so:
 * - only the first HEAD_LIMIT characters are read for the command, the people and the deadline; the rest can only
 *   be title text;
 * - a deadline phrase is at most MAX_DUE_WORDS words and MAX_DUE_CHARS characters;
 * - the deadline search tries at most MAX_CUES deadline words, and all reading of deadline pieces stops after
 *   WORK_LIMIT steps (one step = the rules tried at one position of a phrase). Ordinary messages use a few hundred.
 * The meter is module state: parsing is synchronous, so one message is measured at a time.
 */

export const HEAD_LIMIT = 2000;
export const MAX_DUE_WORDS = 12;
export const MAX_DUE_CHARS = 120;
export const MAX_CUES = 8;
export const WORK_LIMIT = 6000;

let steps = 0;
let limit = WORK_LIMIT;

/** Starts measuring one message (or one phrase for parseDue). */
export function startWork(max = WORK_LIMIT): void {
  steps = 0;
  limit = max;
}

/** Spends one step; false once the budget is gone (the caller then stops reading). */
export function spend(): boolean {
  steps++;
  return steps <= limit;
}

/** Steps spent since startWork: what the bounded-work test measures. */
export function workDone(): number {
  return steps;
}

/**
 * Where to cut a long message: at HEAD_LIMIT, moved back to the last space so no word (or surrogate pair) is split;
 * the whole text when it is shorter.
 */
export function headEnd(text: string): number {
  if (text.length <= HEAD_LIMIT) return text.length;
  const space = text.lastIndexOf(" ", HEAD_LIMIT);
  if (space > HEAD_LIMIT / 2) return space;
  const code = text.charCodeAt(HEAD_LIMIT - 1);
  return code >= 0xd800 && code <= 0xdbff ? HEAD_LIMIT - 1 : HEAD_LIMIT;
}
