/**
 * The realistic corpus: commands written the way office staff type them in Zalo and Slack groups, each annotated
 * by hand with what a careful person means, before the parser was run on it. An expectation is never changed to
 * match the parser; a miss is a miss.
 *
 * Conventions of the annotations:
 * - now is Wednesday 2 December 2026, 10:00 in Asia/Ho_Chi_Minh; default working calendar (Monday–Friday and
 *   Vietnamese public holidays); the working day ends at 17:00; the channel's members are MEMBERS.
 * - title: the task's words as typed (diacritics and case kept), without the command word, the mentions, the
 *   deadline and its cue word ("trước", "hạn", "by"), and without the words that only address people: particles
 *   ("nhé", "ạ", "nha"), politeness ("nhờ", "giúp chị", "làm ơn", "please", "can you") and the speaker's pronouns.
 * - who: the names as typed after "@" (whole names, several words when the person has a full name).
 * - due: the deadline instant, ISO 8601 with offset. A date alone is 17:00 that day; a period is 17:00 on its last
 *   working day; "gấp", "asap", "càng sớm càng tốt" are 17:00 today (the end of the working day). Absent: no
 *   deadline. Lunar dates and Tết follow the Vietnamese lunar calendar; "trước Tết" is the last working day before
 *   the Tết break, "sau Tết" the first working day after it.
 * - shift: "gia hạn #3 thêm 2 ngày" moves the task's current deadline; the parser cannot know it, so due is absent.
 */
import type { CommandName, ListFilter, ParseErrorCode } from "../../../src/language/index.js";

export const CORPUS_NOW = "2026-12-02T10:00:00+07:00";
export const CORPUS_ZONE = "Asia/Ho_Chi_Minh";

/** The channel's member names the bot passes to the parser (Zalo display names are often full names). */
export const MEMBERS = [
  "Lan",
  "Lân",
  "Nguyễn Văn Lan",
  "Minh",
  "Trần Minh",
  "Hà",
  "Quang",
  "Hoa",
  "Nam",
  "Lê Hoàng Nam",
  "Tuấn",
  "Tuấn Anh",
  "Mai",
  "Trần Thị Mai",
  "Linh",
  "Thảo",
  "Hùng",
  "Trang",
  "Đức",
  "Phúc",
  "Khánh",
  "Dũng",
  "Bảo Ngọc",
  "John",
  "Sarah",
  "Peter Nguyen",
  "Emily",
  "David",
  "Anna",
  "Kevin",
];

export interface DueShift {
  amount: number;
  unit: "hour" | "day" | "week" | "month";
  workingDays: boolean;
}

export interface RealisticCase {
  text: string;
  /** The command the bot should run, or the error it should answer with. */
  command: CommandName | `error:${ParseErrorCode}`;
  ref: number | null;
  who: string[];
  title: string | null;
  /** ISO 8601 with offset, or null for no deadline. */
  due: string | null;
  filter?: ListFilter;
  shift?: DueShift;
}

/** A new task. */
export function add(text: string, who: string[], title: string, due: string | null = null): RealisticCase {
  return { text, command: "add", ref: null, who, title, due };
}

/** A command on one task that carries nothing else (done, ack, show, cancel, reopen). */
export function onTask(text: string, command: CommandName, ref: number): RealisticCase {
  return { text, command, ref, who: [], title: null, due: null };
}

/** A new deadline for a task. */
export function moveTo(text: string, ref: number, due: string, command: CommandName = "due"): RealisticCase {
  return { text, command, ref, who: [], title: null, due };
}

/** The task's current deadline moved by an amount. */
export function moveBy(text: string, ref: number, amount: number, unit: DueShift["unit"], workingDays = false) {
  const c: RealisticCase = { text, command: "due", ref, who: [], title: null, due: null };
  return { ...c, shift: { amount, unit, workingDays } };
}

/** People added to, removed from or given a task. */
export function people(text: string, ref: number, who: string[]): RealisticCase {
  return { text, command: "assign", ref, who, title: null, due: null };
}

export function rename(text: string, ref: number, title: string): RealisticCase {
  return { text, command: "edit", ref, who: [], title, due: null };
}

export function list(text: string, filter: ListFilter, who: string[] = []): RealisticCase {
  return { text, command: "list", ref: null, who, title: null, due: null, filter };
}

/** A command without a task (status, summary, help, settings). */
export function plain(text: string, command: CommandName, who: string[] = []): RealisticCase {
  return { text, command, ref: null, who, title: null, due: null };
}

/** A message the bot must refuse, saying why. */
export function refuse(text: string, error: ParseErrorCode): RealisticCase {
  return { text, command: `error:${error}`, ref: null, who: [], title: null, due: null };
}
