/**
 * The words of the organisation's commands and of the dashboard's chat replies, Vietnamese and English. One typed
 * catalogue ({@link OrgWords}): a missing text in either language fails the type check.
 */
import type { Locale } from "../locale.js";

export interface UnitDeletionWords {
  channels: number;
  children: string[];
  leaders: number;
  parent: string | null;
}

export interface OrgWords {
  treeNeedsAdmin: string;
  privateChatNoUnit: string;
  attached: (unit: string, parent: string | null) => string;
  cycle: (unit: string, parent: string) => string;
  detached: (unit: string) => string;
  notAttached: string;
  rollupChannelSet: (unit: string) => string;
  unknownUnit: (name: string) => string;
  renamed: (from: string, to: string) => string;
  nameTaken: (name: string) => string;
  /** What deleting a unit does, said before it is done and after. */
  deletion: (f: UnitDeletionWords) => string;
  deleteAsk: (unit: string, what: string) => string;
  deleteChoice: (unit: string) => string;
  deleted: (unit: string, what: string) => string;
  treeTitle: string;
  treeEmpty: string;
  treeUnitLine: (name: string, channels: number, leaders: string) => string;
  thisChannel: (unit: string | null) => string;
  leadersAdded: (unit: string, people: string) => string;
  leadersRemoved: (unit: string, people: string) => string;
  leadersNeedPeople: (example: string) => string;
  nothingVisible: string;
  rollupTitle: (weekOf: string) => string;
  rollupRow: (f: RollupRowWords) => string;
  rollupLegend: string;
  total: string;
  late: (hours: number) => string;
  overdueTitle: (count: number) => string;
  overdueNone: string;
  overdueLine: (number: number, title: string, late: string, waiting: string) => string;
  overdueMore: (count: number) => string;
  nobody: string;
  link: (url: string, until: string) => string;
  linkOnlyPrivately: string;
  exportLink: (format: string, url: string, until: string) => string;
  signedOut: (count: number) => string;
  dashboardLine: (url: string) => string;
}

/** The figures of one row of the roll-up as the chat shows them. */
export interface RollupRowWords {
  indent: string;
  name: string;
  open: number;
  overdue: number;
  late: string | null;
  dueThisWeek: number;
  doneLastWeek: number;
  doneChange: string;
  onTime: string;
  overdueChange: string;
}

const vi: OrgWords = {
  treeNeedsAdmin: "Chỉ quản trị viên (admin) mới đổi được cơ cấu đơn vị và lãnh đạo đơn vị. Chưa có gì thay đổi.",
  privateChatNoUnit:
    'Cuộc trò chuyện riêng với bot không gắn vào đơn vị được. Hãy gõ lệnh trong kênh của đơn vị, ví dụ "đơn vị: Phòng Kế hoạch".',
  attached: (unit, parent) => `Đã gắn kênh này vào đơn vị *${unit}*${parent ? `, trực thuộc *${parent}*` : ""}.`,
  cycle: (unit, parent) =>
    `Không thể xếp *${unit}* dưới *${parent}*: *${parent}* đang nằm trong *${unit}*. Chưa có gì thay đổi.`,
  detached: (unit) => `Đã gỡ kênh này khỏi đơn vị *${unit}*.`,
  notAttached: 'Kênh này chưa thuộc đơn vị nào. Gắn bằng: "đơn vị: Phòng Kế hoạch".',
  rollupChannelSet: (unit) =>
    `Kênh này là kênh tổng hợp của *${unit}*: hằng tuần nhận báo cáo tổng hợp của đơn vị và các đơn vị trực thuộc.`,
  unknownUnit: (name) =>
    `Chưa có đơn vị "${name}". Tạo đơn vị bằng cách gõ trong kênh của nó: "đơn vị: ${name}". Gõ "đơn vị" để xem các đơn vị hiện có.`,
  renamed: (from, to) => `Đã đổi tên đơn vị *${from}* thành *${to}*. Kênh, lãnh đạo và đơn vị trực thuộc giữ nguyên.`,
  nameTaken: (name) => `Đã có đơn vị tên "${name}". Chọn tên khác; chưa có gì thay đổi.`,
  deletion: ({ channels, children, leaders, parent }) => {
    const parts = [
      channels > 0 ? `${channels} kênh của nó không còn thuộc đơn vị nào (việc trong kênh giữ nguyên)` : null,
      children.length > 0
        ? `${children.join(", ")} ${parent ? `chuyển lên trực thuộc *${parent}*` : "thành đơn vị cấp cao nhất"}`
        : null,
      leaders > 0 ? `${leaders} lãnh đạo của nó không còn xem được qua đơn vị này` : null,
    ].filter((p) => p !== null);
    return parts.length > 0 ? `${parts.join("; ")}.` : "Đơn vị này không có kênh, đơn vị trực thuộc hay lãnh đạo nào.";
  },
  deleteAsk: (unit, what) => `🤔 Xóa đơn vị *${unit}*? Khi xóa: ${what} Chưa có gì thay đổi.`,
  deleteChoice: (unit) => `Xóa đơn vị ${unit}`,
  deleted: (unit, what) => `🗑️ Đã xóa đơn vị *${unit}*: ${what}`,
  treeTitle: "Cơ cấu đơn vị",
  treeEmpty: 'Chưa có đơn vị nào. Quản trị viên gõ trong kênh của đơn vị: "đơn vị: Phòng Kế hoạch thuộc Sở Kế hoạch".',
  treeUnitLine: (name, channels, leaders) => `${name} — ${channels} kênh · lãnh đạo: ${leaders}`,
  thisChannel: (unit) => (unit ? `Kênh này thuộc: ${unit}` : "Kênh này chưa thuộc đơn vị nào."),
  leadersAdded: (unit, people) => `Đã thêm lãnh đạo *${unit}*: ${people}.`,
  leadersRemoved: (unit, people) => `Đã bỏ lãnh đạo *${unit}*: ${people}.`,
  leadersNeedPeople: (example) => `Bạn ghi rõ người nhé, ví dụ: "${example}". Chưa có gì thay đổi.`,
  nothingVisible:
    "Bạn chưa được xem đơn vị nào: chỉ lãnh đạo đơn vị (xem đơn vị mình và các đơn vị trực thuộc) và quản trị viên xem được số liệu tổng hợp.",
  rollupTitle: (weekOf) => `Tình hình các đơn vị (tuần từ ${weekOf})`,
  rollupRow: (f) =>
    `${f.indent}*${f.name}*: mở ${f.open} · quá hạn ${f.overdue}${f.late ? ` (trễ nhất ${f.late})` : ""} ${f.overdueChange} · đến hạn tuần này ${f.dueThisWeek} · xong tuần trước ${f.doneLastWeek} ${f.doneChange} · đúng hạn ${f.onTime}`,
  rollupLegend:
    "Mỗi đơn vị tính cả các đơn vị trực thuộc. Mở: việc chưa xong; quá hạn: đã qua hạn mà chưa xong; đúng hạn: trong các việc có hạn xong tuần trước; ▲▼ so với tuần trước.",
  total: "Tổng cộng",
  late: (hours) => (hours < 24 ? `${hours} giờ` : `${Math.floor(hours / 24)} ngày`),
  overdueTitle: (count) => `Việc quá hạn các đơn vị (${count})`,
  overdueNone: "Không có việc nào quá hạn ở các đơn vị bạn được xem. 👏",
  overdueLine: (number, title, late, waiting) => `  #${number} ${title} — trễ ${late} — chờ: ${waiting}`,
  overdueMore: (count) => `… và ${count} việc nữa (xem đủ trên bảng điều khiển).`,
  nobody: "chưa ai",
  link: (url, until) =>
    `🔗 Bảng điều khiển của bạn (liên kết dùng một lần, hết hạn lúc ${until}):\n${url}\nĐừng chuyển liên kết này cho người khác. Gõ "đăng xuất mọi nơi" để đóng mọi phiên.`,
  linkOnlyPrivately:
    'Mình chỉ gửi liên kết bảng điều khiển trong tin nhắn riêng. Hãy nhắn riêng cho Rõ Việc: "bảng điều khiển".',
  exportLink: (format, url, until) =>
    `📎 Báo cáo ${format.toUpperCase()} của bạn: mở liên kết này để tải (dùng một lần, hết hạn lúc ${until}):\n${url}`,
  signedOut: (count) => `Đã đăng xuất mọi nơi (${count} phiên). Các liên kết chưa dùng cũng hết hiệu lực.`,
  dashboardLine: (url) => `Xem chi tiết: ${url}`,
};

const en: OrgWords = {
  treeNeedsAdmin: "Only a workspace admin may change the units and their leaders. Nothing was changed.",
  privateChatNoUnit:
    'A private chat with the bot cannot belong to a unit. Type the command in the unit\'s channel, e.g. "unit: Planning".',
  attached: (unit, parent) => `This channel now belongs to the unit *${unit}*${parent ? `, under *${parent}*` : ""}.`,
  cycle: (unit, parent) =>
    `*${unit}* cannot go under *${parent}*: *${parent}* is inside *${unit}*. Nothing was changed.`,
  detached: (unit) => `This channel no longer belongs to *${unit}*.`,
  notAttached: 'This channel belongs to no unit. Attach it with: "unit: Planning".',
  rollupChannelSet: (unit) =>
    `This channel is the roll-up channel of *${unit}*: each week it gets the roll-up of the unit and the units under it.`,
  unknownUnit: (name) =>
    `There is no unit "${name}" yet. Create it by typing in its channel: "unit: ${name}". Type "units" to see the units.`,
  renamed: (from, to) => `Unit *${from}* is now *${to}*. Its channels, leaders and units stay as they were.`,
  nameTaken: (name) => `There is already a unit named "${name}". Pick another name; nothing was changed.`,
  deletion: ({ channels, children, leaders, parent }) => {
    const parts = [
      channels > 0 ? `its ${channels} channel(s) belong to no unit (their tasks stay)` : null,
      children.length > 0
        ? `${children.join(", ")} ${parent ? `move up under *${parent}*` : "become top units"}`
        : null,
      leaders > 0 ? `its ${leaders} leader(s) no longer see through it` : null,
    ].filter((p) => p !== null);
    return parts.length > 0 ? `${parts.join("; ")}.` : "It has no channels, units or leaders.";
  },
  deleteAsk: (unit, what) => `🤔 Delete unit *${unit}*? Then ${what} Nothing is changed yet.`,
  deleteChoice: (unit) => `Delete unit ${unit}`,
  deleted: (unit, what) => `🗑️ Unit *${unit}* deleted: ${what}`,
  treeTitle: "Units",
  treeEmpty:
    'No units yet. A workspace admin types in a unit\'s channel: "unit: Planning under Department of Planning".',
  treeUnitLine: (name, channels, leaders) => `${name} — ${channels} channel(s) · leaders: ${leaders}`,
  thisChannel: (unit) => (unit ? `This channel belongs to: ${unit}` : "This channel belongs to no unit."),
  leadersAdded: (unit, people) => `Leaders of *${unit}* added: ${people}.`,
  leadersRemoved: (unit, people) => `Leaders of *${unit}* removed: ${people}.`,
  leadersNeedPeople: (example) => `Please name the people, e.g. "${example}". Nothing was changed.`,
  nothingVisible:
    "You may not see any unit yet: only a unit's leaders (their unit and the units under it) and workspace admins see the roll-up.",
  rollupTitle: (weekOf) => `Status of units (week of ${weekOf})`,
  rollupRow: (f) =>
    `${f.indent}*${f.name}*: open ${f.open} · overdue ${f.overdue}${f.late ? ` (worst ${f.late} late)` : ""} ${f.overdueChange} · due this week ${f.dueThisWeek} · done last week ${f.doneLastWeek} ${f.doneChange} · on time ${f.onTime}`,
  rollupLegend:
    "Each unit includes the units under it. Open: not finished; overdue: past its deadline and not finished; on time: of last week's finished tasks that had a deadline; ▲▼ against the week before.",
  total: "Total",
  late: (hours) => (hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d`),
  overdueTitle: (count) => `Overdue across units (${count})`,
  overdueNone: "Nothing is overdue in the units you may see. 👏",
  overdueLine: (number, title, late, waiting) => `  #${number} ${title} — ${late} late — waiting on: ${waiting}`,
  overdueMore: (count) => `… and ${count} more (see them all on the dashboard).`,
  nobody: "nobody",
  link: (url, until) =>
    `🔗 Your dashboard (single-use link, expires at ${until}):\n${url}\nDo not forward this link. Type "sign out everywhere" to end every session.`,
  linkOnlyPrivately: 'I send dashboard links only in a private chat. Write to Rõ Việc privately: "dashboard".',
  exportLink: (format, url, until) =>
    `📎 Your ${format.toUpperCase()} report: open this link to download it (single use, expires at ${until}):\n${url}`,
  signedOut: (count) => `Signed out everywhere (${count} session(s)). Unused links no longer work either.`,
  dashboardLine: (url) => `Details: ${url}`,
};

export function orgWords(locale: Locale): OrgWords {
  return locale === "en" ? en : vi;
}
