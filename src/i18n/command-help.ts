import type { CommandName, HelpTopic } from "../language/index.js";
import type { Locale } from "../locale.js";

/** Per-topic help: the form of the command, what it does, and examples a user can copy (at least two each). */
export interface CommandHelp {
  usage: string;
  description: string;
  examples: string[];
}

const viHelp: Record<HelpTopic, CommandHelp> = {
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
  show: {
    usage: "xem #số",
    description: "Xem chi tiết một việc: người giao, người làm, hạn và lịch sử thay đổi.",
    examples: [`"xem #12"`, `"#12"`],
  },
  done: {
    usage: "xong #số",
    description: "Người làm báo xong phần của mình; người giao hoặc quản lý đóng cả việc.",
    examples: [`"xong #12"`, `"#12 xong"`],
  },
  reopen: {
    usage: "mở lại #số",
    description: "Mở lại một việc đã xong hoặc đã hủy.",
    examples: [`"mở lại #12"`, `"/viec mo lai #12"`],
  },
  cancel: {
    usage: "hủy #số",
    description: "Hủy một việc không còn cần làm (người giao, người làm hoặc quản lý).",
    examples: [`"hủy #12"`, `"/viec huy #12"`],
  },
  due: {
    usage: "gia hạn #số <hạn mới>  ·  dời hạn #số <hạn mới>",
    description: "Đổi hạn của việc. Hạn đã qua hoặc rơi vào ngày nghỉ thì mình hỏi lại trước khi ghi.",
    examples: [`"gia hạn #12 đến 17h thứ 2 tuần sau"`, `"dời hạn #12 sang ngày mai"`],
  },
  assign: {
    usage: "giao lại #số cho @người  ·  thêm @người vào #số  ·  bỏ người #số @người",
    description: "Đổi, thêm hoặc bỏ người làm của một việc đã có.",
    examples: [`"giao lại #12 cho @Minh"`, `"thêm @Lan vào #12"`],
  },
  edit: {
    usage: "đổi tên #số <tên mới>",
    description: "Đổi tên việc.",
    examples: [`"đổi tên #12 báo cáo quý 4"`, `"sửa tên #7 thành họp giao ban tuần"`],
  },
  ack: {
    usage: "nhận việc #số",
    description: "Người được giao xác nhận đã nhận việc.",
    examples: [`"nhận việc #12"`, `"đã nhận #12"`],
  },
  status: {
    usage: "tình hình  ·  tình hình @người",
    description: "Số việc đang mở, quá hạn, đến hạn và xong tuần này, tỉ lệ đúng hạn.",
    examples: [`"tình hình"`, `"tình hình @Lan"`],
  },
  summary: {
    usage: "báo cáo tuần",
    description: "Báo cáo công việc trong tuần; kênh nhận tự động theo lịch trong cài đặt.",
    examples: [`"báo cáo tuần"`, `"tổng kết tuần"`],
  },
  settings: {
    usage: "cài đặt  ·  cài đặt <mục> <giá trị>",
    description:
      'Xem hoặc đổi cài đặt của kênh: ngôn ngữ, múi giờ, giờ hết ngày làm việc, ngày làm việc, báo cáo tuần, nhắc việc (quản lý kênh đổi được). Ngày nghỉ và ngày làm bù (áp dụng cho mọi kênh; bỏ bằng "bỏ ngày nghỉ …") và quản lý kênh chỉ quản trị viên đổi được. "quản lý kênh" cho biết ai là quản lý và ai đã thay đổi.',
    examples: [
      `"cài đặt ngày làm việc thứ 2 - thứ 7"`,
      `"cài đặt báo cáo tuần 16:00 thứ 6"`,
      `"nghỉ 1/1 - 3/1/2027"`,
      `"bỏ ngày nghỉ 24/12"`,
      `"làm bù 26/4/2026"`,
      `"quản lý kênh"`,
      `"thêm quản lý @Lan"`,
    ],
  },
  help: {
    usage: "trợ giúp [chủ đề]",
    description: "Xem hướng dẫn chung, hoặc của một lệnh.",
    examples: [`"trợ giúp"`, `"trợ giúp giao lại"`],
  },
  remind: {
    usage: "nhắc #số <khi nào>",
    description: "Hẹn một lần nhắc việc vào lúc bạn chọn, ngoài các lần nhắc hạn tự động.",
    examples: [`"nhắc #12 lúc 9h mai"`, `"nhắc lại #5 chiều thứ 6"`],
  },
  export: {
    usage: "xuất báo cáo xlsx  ·  xuất báo cáo csv  ·  … kèm việc đã hủy",
    description:
      'Xuất danh sách việc của kênh ra tệp Excel hoặc CSV; việc đã hủy chỉ có khi bạn nói "kèm việc đã hủy".',
    examples: [`"xuất báo cáo xlsx"`, `"xuất csv"`, `"xuất báo cáo xlsx kèm việc đã hủy"`],
  },
  snooze: {
    usage: "nút 💤 Nhắc lại sau trên tin nhắc hạn (Slack)",
    description: "Hoãn lần nhắc tới của một việc: 1 giờ nữa hoặc sáng mai.",
    examples: [`"💤 Nhắc lại sau → 1 giờ nữa"`, `"💤 Nhắc lại sau → Sáng mai"`],
  },
  undo: {
    usage: "hoàn tác",
    description:
      "Trong 10 phút, trả lại thay đổi gần nhất của bạn ở kênh này: việc vừa tạo được rút lại (không còn trong danh sách và số liệu), việc vừa đổi trở lại như trước. Gõ lần nữa để hoàn tác thay đổi trước đó.",
    examples: [`"hoàn tác"`, `"undo"`],
  },
  units: {
    usage: "đơn vị: <tên> [thuộc <đơn vị cha>]  ·  bỏ đơn vị  ·  kênh tổng hợp cho: <tên>  ·  đơn vị",
    description:
      "Gắn kênh này vào một đơn vị (sở, ban, phòng; một đơn vị có thể có nhiều kênh), xếp đơn vị dưới đơn vị cha, chọn kênh nhận báo cáo tổng hợp. Chỉ quản trị viên đổi được cơ cấu.",
    examples: [`"đơn vị: Phòng Kế hoạch thuộc Sở Kế hoạch"`, `"kênh tổng hợp cho: Sở Kế hoạch"`, `"đơn vị"`],
  },
  unit_leaders: {
    usage: "lãnh đạo <đơn vị>: @người  ·  bỏ lãnh đạo <đơn vị>: @người",
    description: "Lãnh đạo một đơn vị xem được tình hình của đơn vị đó và mọi đơn vị trực thuộc.",
    examples: [`"lãnh đạo Sở Kế hoạch: @Lan"`, `"bỏ lãnh đạo Sở Kế hoạch: @Minh"`],
  },
  rollup: {
    usage: "tình hình các đơn vị  ·  việc quá hạn các đơn vị  ·  xuất báo cáo tổng hợp xlsx",
    description:
      "Số liệu gộp theo từng đơn vị bạn được xem: đang mở, quá hạn, đến hạn tuần này, xong tuần trước, đúng hạn.",
    examples: [`"tình hình các đơn vị"`, `"việc quá hạn các đơn vị"`, `"xuất báo cáo tổng hợp csv"`],
  },
  dashboard: {
    usage: "bảng điều khiển",
    description:
      "Bot gửi riêng cho bạn một liên kết dùng một lần (15 phút) mở bảng điều khiển trên web, không cần mật khẩu.",
    examples: [`"bảng điều khiển"`, `"dashboard"`],
  },
  signout: {
    usage: "đăng xuất mọi nơi",
    description: "Đóng mọi phiên bảng điều khiển của bạn và vô hiệu các liên kết chưa dùng.",
    examples: [`"đăng xuất mọi nơi"`, `"sign out everywhere"`],
  },
  repeat: {
    usage: "giao @người <việc> <nhịp lặp> [giờ]  ·  nhịp: hằng ngày, thứ 2 hằng tuần, ngày 25 hàng tháng, …",
    description:
      "Tạo việc định kỳ (số #L…): mỗi lần lặp là một việc riêng có số, hạn và nhắc việc, được tạo khi kỳ của nó bắt đầu. Ngày nghỉ thì làm vào ngày làm việc liền trước.",
    examples: [
      `"giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần"`,
      `"@Minh nộp bảng chấm công ngày 25 hàng tháng"`,
      `"@Hà thắp hương mùng 1 và rằm hàng tháng"`,
    ],
  },
  series: {
    usage:
      "việc định kỳ · tạm dừng #L số · tiếp tục #L số · dừng lặp #L số · bỏ qua lần tới #L số · đổi lịch #L số thành <nhịp>",
    description:
      "Xem, tạm dừng, chạy lại, dừng hẳn một việc định kỳ, bỏ qua lần lặp tới, hoặc đổi lịch lặp (việc đã tạo giữ nguyên).",
    examples: [`"việc định kỳ"`, `"bỏ qua lần tới #L3"`, `"đổi lịch #L3 thành thứ 2 và thứ 5 hằng tuần"`],
  },
  delete_data: {
    usage: "xóa dữ liệu",
    description:
      "Chỉ quản trị workspace: xóa vĩnh viễn mọi việc, việc định kỳ, nhắc việc, tin chờ gửi, cài đặt kênh, người bot biết, ngày nghỉ và đơn vị của workspace. Bot hỏi lại trước khi xóa; ứng dụng vẫn được cài.",
    examples: [`"xóa dữ liệu"`, `"delete data"`],
  },
  managers: {
    usage: "cài đặt quản lý thêm @người  ·  bỏ quản lý @người",
    description:
      'Quản lý kênh được đổi cài đặt và thay đổi mọi việc của kênh; những người khác đổi được việc mình giao hoặc được giao. Danh sách quản lý có trong "cài đặt".',
    examples: [`"cài đặt quản lý thêm @Lan"`, `"bỏ quản lý @Minh"`],
  },
};

const enHelp: Record<HelpTopic, CommandHelp> = {
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
  show: {
    usage: "show #number",
    description: "Shows one task: who assigned it, who does it, the due date and its history.",
    examples: [`"show #12"`, `"#12"`],
  },
  done: {
    usage: "done #number",
    description: "An assignee finishes their part; the creator or a manager closes the whole task.",
    examples: [`"done #12"`, `"/task done #12"`],
  },
  reopen: {
    usage: "reopen #number",
    description: "Reopens a done or cancelled task.",
    examples: [`"reopen #12"`, `"/task reopen #12"`],
  },
  cancel: {
    usage: "cancel #number",
    description: "Cancels a task that is no longer needed (its creator, an assignee or a manager).",
    examples: [`"cancel #12"`, `"/task cancel #12"`],
  },
  due: {
    usage: "due #number <new due>  ·  extend #number <new due>",
    description: "Changes the due date. A date in the past or on a day off is asked about before anything is written.",
    examples: [`"due #12 next Monday 5pm"`, `"extend #12 until tomorrow 5pm"`],
  },
  assign: {
    usage: "reassign #number to @person  ·  add @person to #number  ·  unassign #number @person",
    description: "Replaces, adds or removes the assignees of an existing task.",
    examples: [`"reassign #12 to @Minh"`, `"add @Lan to #12"`],
  },
  edit: {
    usage: "rename #number <new title>",
    description: "Renames a task.",
    examples: [`"rename #12 quarterly report"`, `"edit #7 weekly briefing"`],
  },
  ack: {
    usage: "got it #number",
    description: "An assignee confirms they took the task.",
    examples: [`"got it #12"`, `"ack #12"`],
  },
  status: {
    usage: "status  ·  status @person",
    description: "Open, overdue, due this week and done this week, and the on-time rate.",
    examples: [`"status"`, `"status @Lan"`],
  },
  summary: {
    usage: "summary",
    description: "The weekly report; the channel also gets it on the schedule in its settings.",
    examples: [`"summary"`, `"weekly report"`],
  },
  settings: {
    usage: "settings  ·  settings <item> <value>",
    description:
      'Shows or changes the channel\'s settings: language, time zone, end of the working day, working days, weekly summary, reminders (its managers change these). Days off and make-up working days (which apply to every channel; taken back with "remove day off …") and the channel\'s managers only a workspace admin changes. "managers" shows who manages the channel and who changed that.',
    examples: [
      `"settings workdays mon-sat"`,
      `"settings summary fri 16:00"`,
      `"day off 2027-01-01 to 2027-01-03"`,
      `"remove day off 24/12"`,
      `"make-up day 2026-04-26"`,
      `"managers"`,
      `"add manager @Lan"`,
    ],
  },
  help: {
    usage: "help [topic]",
    description: "Shows the overview, or the help of one command.",
    examples: [`"help"`, `"help reassign"`],
  },
  remind: {
    usage: "remind #number <when>",
    description: "Sets a one-off reminder at the time you choose, besides the automatic deadline pings.",
    examples: [`"remind #12 at 9am tomorrow"`, `"remind #5 Friday 3pm"`],
  },
  export: {
    usage: "export xlsx  ·  export csv  ·  … with cancelled",
    description:
      'Exports the channel\'s task list to an Excel or CSV file; cancelled tasks only when you say "with cancelled".',
    examples: [`"export xlsx"`, `"export csv"`, `"export xlsx with cancelled"`],
  },
  snooze: {
    usage: "the 💤 Snooze menu on ping messages (Slack)",
    description: "Moves a task's next ping: in one hour or to tomorrow morning.",
    examples: [`"💤 Snooze → In 1 hour"`, `"💤 Snooze → Tomorrow morning"`],
  },
  undo: {
    usage: "undo",
    description:
      "Within 10 minutes, takes back your last change in this channel: a task you just created is withdrawn (it leaves the lists and the figures), a task you just changed is restored. Say it again to undo the change before.",
    examples: [`"undo"`, `"hoàn tác"`],
  },
  units: {
    usage: "unit: <name> [under <parent>]  ·  leave unit  ·  roll-up channel for: <name>  ·  units",
    description:
      "Makes this channel one of a unit's channels (a department or office; a unit may have several), puts a unit under its parent, and picks the channel that gets a subtree's roll-up. Workspace admins only.",
    examples: [
      `"unit: Planning under Department of Planning"`,
      `"roll-up channel for: Department of Planning"`,
      `"units"`,
    ],
  },
  unit_leaders: {
    usage: "leaders <unit>: @person  ·  remove leaders <unit>: @person",
    description: "A unit's leaders see the roll-up of that unit and every unit under it.",
    examples: [`"leaders Department of Planning: @Lan"`, `"remove leaders Department of Planning: @Minh"`],
  },
  rollup: {
    usage: "status of units  ·  overdue by unit  ·  export units xlsx",
    description: "Figures per unit you may see: open, overdue, due this week, done last week, on time.",
    examples: [`"status of units"`, `"overdue by unit"`, `"export units csv"`],
  },
  dashboard: {
    usage: "dashboard",
    description:
      "The bot sends you, privately, a single-use link (15 minutes) that opens the web dashboard; no password.",
    examples: [`"dashboard"`, `"bảng điều khiển"`],
  },
  signout: {
    usage: "sign out everywhere",
    description: "Ends every dashboard session of yours and spends your unused links.",
    examples: [`"sign out everywhere"`, `"đăng xuất mọi nơi"`],
  },
  repeat: {
    usage: "assign @person <task> <rhythm> [time]  ·  rhythm: every day, every Monday, on the 25th of every month, …",
    description:
      "Creates a recurring task (numbered #L…): each time is a task of its own, with its number, deadline and pings, created when its period begins. A day off moves it to the working day before.",
    examples: [
      `"assign @Lan weekly report every Monday 9am"`,
      `"@Minh timesheet on the 25th of every month"`,
      `"@Sarah team sync every other week on Thursday 3pm"`,
    ],
  },
  series: {
    usage: "recurring · pause #L<n> · resume #L<n> · stop #L<n> · skip next #L<n> · change #L<n> to <rhythm>",
    description:
      "Lists, pauses, resumes or stops a recurring task, skips its next time, or changes its rule (tasks already made stay).",
    examples: [`"recurring"`, `"skip next #L3"`, `"change #L3 to every Monday and Thursday"`],
  },
  delete_data: {
    usage: "delete data",
    description:
      "Workspace admins only: deletes for good every task, recurring series, ping, message waiting to be sent, channel setting, person the bot knows, day off and unit of the workspace. The bot asks first; the app stays installed.",
    examples: [`"delete data"`, `"xóa dữ liệu"`],
  },
  managers: {
    usage: "settings manager add @person  ·  remove manager @person",
    description:
      'A channel\'s managers may change its settings and any of its tasks; others change the tasks they created or were given. "settings" lists the managers.',
    examples: [`"settings manager add @Lan"`, `"remove manager @Minh"`],
  },
};

export function commandHelp(locale: Locale, topic: HelpTopic): CommandHelp {
  return (locale === "en" ? enHelp : viHelp)[topic];
}

/** The first example of a command, used by error messages to show the right form. */
export function exampleFor(locale: Locale, command: CommandName): string {
  return commandHelp(locale, command).examples[0] ?? "";
}
