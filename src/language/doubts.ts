/**
 * How sure a reading is (ParseDoubt in types.ts): a deadline already past or on a day off, a time word left in a
 * title when no deadline was read, and another reading of the same words (a change word at the start of a new
 * task, or a relative period after a report noun taken as the deadline). The bot may ask instead of acting.
 */

import { followsReportNoun } from "./due-position.js";
import { fold } from "./fold.js";
import type { Message } from "./message.js";
import type { ParseDoubt, ParsedCommand } from "./types.js";
import { isoDateOf } from "./wall.js";
import { wallAt } from "./zone.js";

const CHANGE_WORD = /^(?:lui|day|hoan|doi|gia han|push|move|postpone|reschedule|delay|extend)(?![a-z])/;
const TIME_WORD =
  /(?<![\p{L}\p{N}])(?:(?:tuần|tháng|quý|năm|tuan|thang|quy|nam)(?:\s+(?:\d{1,4}|này|nay|sau|tới|toi|trước|truoc|qua))?|hôm nay|hôm qua|ngày mai|tết|tet|rằm|week|month|quarter|year|today|tomorrow|q[1-4]|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}h\d{0,2})(?![\p{L}\p{N}])/iu;

/** A reminder's time is not a deadline: only a task's own deadline is checked against the clock and working days. */
function dueDoubts(cmd: ParsedCommand, msg: Message): ParseDoubt[] {
  if (!cmd.due || (cmd.command !== "add" && cmd.command !== "due")) return [];
  const out: ParseDoubt[] = [];
  if (cmd.due.deadline.getTime() < msg.ctx.now.getTime()) out.push({ kind: "past_deadline" });
  const day = isoDateOf(wallAt(cmd.due.deadline.getTime(), msg.env.zone));
  if (!msg.env.calendar.isWorkingDay(day)) out.push({ kind: "day_off", day });
  return out;
}

/** A new task whose title starts with a change word may be a deadline change of a task not numbered. */
function changeReading(cmd: ParsedCommand): ParseDoubt[] {
  if (cmd.command !== "add" || !cmd.title || !cmd.due) return [];
  const m = CHANGE_WORD.exec(fold(cmd.title.slice(0, 40)));
  if (!m) return [];
  const reading: ParsedCommand = { ...cmd, command: "due", title: null, doubts: [] };
  return [{ kind: "other_reading", cue: cmd.title.slice(0, m[0].length), reading }];
}

/** "nộp báo cáo tuần sau": the period may name the report ("next week's report") rather than the deadline. */
function reportReading(cmd: ParsedCommand, msg: Message): ParseDoubt[] {
  if (cmd.command !== "add" || !cmd.title || !cmd.due || cmd.due.grain === "day" || cmd.due.hasTime) return [];
  const at = msg.orig.indexOf(cmd.due.text);
  if (at < 0 || !followsReportNoun(fold(msg.orig.slice(0, at)))) return [];
  const title = `${cmd.title} ${cmd.due.text}`;
  return [{ kind: "other_reading", cue: cmd.due.text, reading: { ...cmd, title, due: null, doubts: [] } }];
}

/**
 * A new task whose title keeps a time word that may have been its deadline ("soạn tờ trình tháng 12"). Not after a
 * report noun ("báo cáo quý", "giao ban tuần": the period names the report) nor in a rename (the new title is the
 * person's own words, and a rename sets no deadline).
 */
function timeWordInTitle(cmd: ParsedCommand): ParseDoubt[] {
  if (cmd.command !== "add" || !cmd.title || cmd.due || cmd.dueShift) return [];
  const title = cmd.title.slice(0, 2000);
  const found = TIME_WORD.exec(title);
  if (!found || followsReportNoun(fold(title.slice(0, found.index)))) return [];
  return [{ kind: "time_word_in_title", word: found[0] }];
}

/** Every reason to doubt this reading of the message (empty when sure). */
export function doubtsOf(cmd: ParsedCommand, msg: Message): ParseDoubt[] {
  return [...dueDoubts(cmd, msg), ...changeReading(cmd), ...reportReading(cmd, msg), ...timeWordInTitle(cmd)];
}
