import type { Locale } from "../core/incoming.js";
import type { CommandName } from "../language/index.js";

/** Per-command help: the form of the command, what it does, and examples a user can copy. */
export interface CommandHelp {
  usage: string;
  description: string;
  examples: string[];
}

const viHelp: Record<CommandName, CommandHelp> = {
  add: {
    usage: "giao @người <việc> [hạn]  ·  /viec them <việc> [@người] [hạn]",
    description: "Tạo việc mới, giao cho một hay nhiều người, có hạn hoặc không.",
    examples: [
      `"giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau"`,
      `"/viec them chuẩn bị họp giao ban @Minh @Lan mai"`,
    ],
  },
  list: {
    usage:
      "việc của tôi · việc của @người · việc quá hạn · việc hôm nay · việc tuần này · việc đã xong · danh sách việc",
    description: "Xem danh sách việc, xếp theo hạn.",
    examples: [`"việc của tôi"`, `"/viec ds quá hạn"`, `"việc của @Lan"`],
  },
  show: { usage: "xem #số", description: "Xem chi tiết một việc và lịch sử thay đổi.", examples: [`"xem #12"`] },
  done: {
    usage: "xong #số",
    description: "Người làm báo xong phần của mình; người giao hoặc quản lý đóng cả việc.",
    examples: [`"xong #12"`, `"/viec xong 12"`],
  },
  reopen: { usage: "mở lại #số", description: "Mở lại một việc đã xong hoặc đã hủy.", examples: [`"mở lại #12"`] },
  cancel: { usage: "hủy #số", description: "Hủy một việc không còn cần làm.", examples: [`"hủy #12"`] },
  due: {
    usage: "gia hạn #số <hạn mới>  ·  dời hạn #số <hạn mới>",
    description: "Đổi hạn của việc.",
    examples: [`"gia hạn #12 đến 17h thứ 2 tuần sau"`, `"dời hạn #12 sang ngày mai"`],
  },
  assign: {
    usage: "giao lại #số cho @người  ·  thêm người #số @người  ·  bỏ người #số @người",
    description: "Đổi, thêm hoặc bỏ người làm.",
    examples: [`"giao lại #12 cho @Minh"`, `"/viec giao #12 @Lan"`],
  },
  edit: { usage: "đổi tên #số <tên mới>", description: "Đổi tên việc.", examples: [`"đổi tên #12 báo cáo quý 4"`] },
  ack: {
    usage: "nhận việc #số",
    description: "Người được giao xác nhận đã nhận việc.",
    examples: [`"nhận việc #12"`, `"ok #12"`],
  },
  status: {
    usage: "tình hình  ·  tình hình @người",
    description: "Số việc đang mở, quá hạn, đến hạn và xong tuần này, tỉ lệ đúng hạn.",
    examples: [`"tình hình"`, `"tình hình @Lan"`],
  },
  summary: { usage: "báo cáo tuần", description: "Báo cáo công việc trong tuần.", examples: [`"báo cáo tuần"`] },
  settings: {
    usage: "cài đặt  ·  cài đặt <mục> <giá trị>",
    description:
      'Xem hoặc đổi cài đặt của kênh: ngôn ngữ (vi/en), múi giờ, giờ hết ngày làm việc, ngày làm việc, báo cáo tuần, nhắc việc: quản lý kênh đổi được. Quản lý kênh và ngày nghỉ (áp dụng cho mọi kênh) chỉ quản trị viên đổi được. "quản lý kênh" cho biết ai là quản lý và ai đã thay đổi.',
    examples: [
      `"cài đặt ngôn ngữ en"`,
      `"cài đặt giờ hết ngày 17:30"`,
      `"quản lý kênh"`,
      `"thêm quản lý @Lan"`,
      `"cài đặt ngày nghỉ 02/01/2027"`,
    ],
  },
  help: { usage: "trợ giúp [lệnh]", description: "Xem hướng dẫn.", examples: [`"trợ giúp"`, `"trợ giúp giao"`] },
  remind: { usage: "nhắc #số <khi nào>", description: "Hẹn nhắc việc.", examples: [`"nhắc #12 lúc 9h mai"`] },
  export: { usage: "xuất excel", description: "Xuất danh sách việc ra tệp.", examples: [`"xuất excel"`, `"xuất csv"`] },
  snooze: {
    usage: "nút 💤 Nhắc lại sau trên tin nhắc hạn (Slack)",
    description: "Hoãn lần nhắc tới của một việc: 1 giờ nữa hoặc sáng mai.",
    examples: [`"💤 Nhắc lại sau → Sáng mai"`],
  },
};

const enHelp: Record<CommandName, CommandHelp> = {
  add: {
    usage: "assign @person <task> [due]  ·  /task add <task> [@person] [due]",
    description: "Creates a task for zero or more people, with or without a due date.",
    examples: [
      `"assign @Lan send the planning report by 5pm next Friday"`,
      `"/task add prepare the weekly meeting @Minh tomorrow"`,
    ],
  },
  list: {
    usage: "my tasks · tasks of @person · overdue · due today · this week · done · list",
    description: "Lists tasks, sorted by due date.",
    examples: [`"my tasks"`, `"/task list overdue"`, `"tasks of @Lan"`],
  },
  show: { usage: "show #number", description: "Shows one task with its history.", examples: [`"show #12"`] },
  done: {
    usage: "done #number",
    description: "An assignee finishes their part; the creator or a manager closes the whole task.",
    examples: [`"done #12"`, `"/task done 12"`],
  },
  reopen: { usage: "reopen #number", description: "Reopens a done or cancelled task.", examples: [`"reopen #12"`] },
  cancel: {
    usage: "cancel #number",
    description: "Cancels a task that is no longer needed.",
    examples: [`"cancel #12"`],
  },
  due: {
    usage: "due #number <new due>  ·  extend #number <new due>",
    description: "Changes the due date.",
    examples: [`"due #12 next Monday 5pm"`, `"extend #12 to tomorrow"`],
  },
  assign: {
    usage: "reassign #number to @person  ·  /task assign #number @person",
    description: "Replaces, adds or removes assignees.",
    examples: [`"reassign #12 to @Minh"`, `"/task assign #12 @Lan"`],
  },
  edit: {
    usage: "rename #number <new title>",
    description: "Renames a task.",
    examples: [`"rename #12 quarterly report"`],
  },
  ack: { usage: "got it #number", description: "An assignee confirms they took the task.", examples: [`"got it #12"`] },
  status: {
    usage: "status  ·  status @person",
    description: "Open, overdue, due this week and done this week, and the on-time rate.",
    examples: [`"status"`, `"status @Lan"`],
  },
  summary: { usage: "summary", description: "The weekly report.", examples: [`"summary"`] },
  settings: {
    usage: "settings  ·  settings <item> <value>",
    description:
      'Shows or changes the channel\'s settings: language (vi/en), time zone, end of working day, working days, weekly summary, reminders, which its managers change. Managers, and days off (which apply to every channel), only a workspace admin changes. "managers" shows who manages the channel and who changed that.',
    examples: [
      `"settings language vi"`,
      `"settings endofday 17:30"`,
      `"managers"`,
      `"add manager @Lan"`,
      `"settings dayoff 2027-01-02"`,
    ],
  },
  help: { usage: "help [command]", description: "Shows this help.", examples: [`"help"`, `"help add"`] },
  remind: {
    usage: "remind #number <when>",
    description: "Sets a reminder.",
    examples: [`"remind #12 at 9am tomorrow"`],
  },
  export: {
    usage: "export xlsx",
    description: "Exports the task list to a file.",
    examples: [`"export xlsx"`, `"export csv"`],
  },
  snooze: {
    usage: "the 💤 Snooze menu on ping messages (Slack)",
    description: "Moves a task's next ping: in one hour or to tomorrow morning.",
    examples: [`"💤 Snooze → Tomorrow morning"`],
  },
};

export function commandHelp(locale: Locale, command: CommandName): CommandHelp {
  return (locale === "en" ? enHelp : viHelp)[command];
}

/** The first example of a command, used by error messages to show the right form. */
export function exampleFor(locale: Locale, command: CommandName): string {
  return commandHelp(locale, command).examples[0] ?? "";
}
