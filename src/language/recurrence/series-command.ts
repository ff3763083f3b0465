/**
 * Commands on recurring series, which have their own numbers ("#L3") so they never meet a task's: "việc định kỳ" /
 * "recurring" lists them; "tạm dừng", "tiếp tục", "dừng lặp", "bỏ qua lần tới" (pause, resume, stop, skip next)
 * act on one; "đổi lịch #L3 thành thứ 2 và thứ 5 hằng tuần" / "change #L3 to every Monday and Thursday" gives it a
 * new rhythm, read as a new series' rhythm is.
 */
import type { Message } from "../message.js";
import { fail, ok } from "../result.js";
import type { ParseResult, SeriesAction } from "../types.js";
import { readRecurrence } from "./recurring-task.js";

const SERIES_REF = /#\s?l\s?(\d{1,6})(?!\d)/;
const LIST =
  /^\s*(?:\/\s*)?(?:(?:danh sach|ds|xem|liet ke)\s+)?(?:cac\s+)?(?:viec|cong viec)\s+(?:dinh ky|lap lai)(?:\s+(?:cua kenh|cua toi))?\s*[?.!]*\s*$|^\s*(?:\/\s*)?(?:(?:list|show)\s+)?(?:recurring(?:\s+tasks)?|repeating\s+tasks|series)\s*[?.!]*\s*$/;

/** "đổi tên #L3 thành …", "rename #L3 …": the new title is what follows the series number. */
const RENAME = /(?<![a-z])(?:doi ten|sua ten|dat lai ten|rename|retitle)(?![a-z])/;
const RENAME_LEAD = /^\s*(?:thành|thanh|là|la|to|as|:)?(?!\p{L})\s*/iu;
/** A change of rhythm: "đổi lịch", "sửa lịch", "chuyển lịch", "đổi #L3 thành …", "change/reschedule #L3 to …". */
const RESCHEDULE =
  /(?<![a-z])(?:doi lai lich|doi lich|sua lich|chuyen lich|dat lai lich|doi|sua|reschedule|change|set|make)(?![a-z])/;
const RESCHEDULE_LEAD = /^\s*(?:(?:thanh|sang|la|to|into|as)(?![a-z])|:)?\s*/;
const REASSIGN = /(?<![a-z])(?:giao lai|chuyen giao|chuyen|doi nguoi|reassign|hand over)(?![a-z])/;

const ACTIONS: [SeriesAction, RegExp][] = [
  ["skip", /(?<![a-z])(?:bo qua|bo|nghi|skip)(?:\s+(?:lan|dot|ky)\s+(?:toi|sau|ke tiep))?(?:\s+next)?(?![a-z])/],
  ["pause", /(?<![a-z])(?:tam dung|tam ngung|tam hoan|pause|hold)(?![a-z])/],
  ["resume", /(?<![a-z])(?:tiep tuc|chay lai|bat lai|mo lai|resume|unpause|restart)(?![a-z])/],
  [
    "stop",
    /(?<![a-z])(?:dung lap|dung han|dung|ngung lap|ngung|ket thuc|huy lap|huy|xoa|stop|end|cancel|delete)(?![a-z])/,
  ],
  ["list", /(?<![a-z])(?:xem|show|view|chi tiet)(?![a-z])/],
];

function actionOf(folded: string): SeriesAction | null {
  return ACTIONS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** A command on series, or null when the message is about something else. */
export function seriesCommand(msg: Message): ParseResult | null {
  const folded = msg.blankedFolded;
  if (LIST.test(folded)) return ok(msg, "series", { seriesAction: "list", seriesRef: null, taskRef: null });
  const ref = SERIES_REF.exec(folded);
  if (!ref) return null;
  const end = ref.index + ref[0].length;
  if (RENAME.test(folded.slice(0, ref.index))) {
    const title = msg.blankedOrig.slice(end).replace(RENAME_LEAD, "").trim();
    return ok(msg, "series", { seriesAction: "rename", seriesRef: Number(ref[1]), taskRef: null, title });
  }
  if (REASSIGN.test(folded) && msg.mentions.length > 0) {
    return ok(msg, "series", { seriesAction: "assign", seriesRef: Number(ref[1]), taskRef: null });
  }
  const reschedule = rescheduleOf(msg, Number(ref[1]), ref.index, end);
  if (reschedule) return reschedule;
  const action = actionOf(folded.slice(0, ref.index) + folded.slice(end));
  if (!action) return fail(msg, "unknown_command", "series", msg.orig.trim().split(/\s+/)[0]);
  return ok(msg, "series", { seriesAction: action, seriesRef: Number(ref[1]), taskRef: null });
}

/**
 * "đổi lịch #L3 thành …": the new rhythm read after the series number. A change word without a rhythm is still a
 * reschedule, with no rule: the handler asks for one rather than guess.
 */
function rescheduleOf(msg: Message, number: number, refAt: number, end: number): ParseResult | null {
  const folded = msg.blankedFolded;
  if (!RESCHEDULE.test(folded.slice(0, refAt)) && !RESCHEDULE.test(folded.slice(end))) return null;
  // "thành/sang/to": the link word is no deadline cue ("to 9am" is not "until 9am").
  const lead = RESCHEDULE_LEAD.exec(folded.slice(end))?.[0].length ?? 0;
  const read = readRecurrence(msg, end + lead, true);
  if (!read && actionOf(folded.slice(0, refAt) + folded.slice(end))) return null;
  const base = { seriesAction: "reschedule" as const, seriesRef: number, taskRef: null };
  if (!read?.recurrence) return ok(msg, "series", base);
  return ok(msg, "series", { ...base, recurrence: read.recurrence, ...(read.ask ? { recurrenceAsk: read.ask } : {}) });
}
