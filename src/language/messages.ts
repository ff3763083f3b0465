/**
 * Polite explanations of what was not understood, with the right form to use, in the
 * message's language. The CLI prints these; the bot's handlers may reuse them.
 */
import type { Locale } from "../locale.js";
import type { CommandName, ParseErrorCode } from "./types.js";

const EXAMPLES: Record<CommandName, { vi: string; en: string }> = {
  add: { vi: "giao @Lan nộp báo cáo trước 17h thứ 6 tuần sau", en: "assign @Lan write report by Friday 5pm" },
  list: {
    vi: "việc của tôi · việc của @Lan · quá hạn · tuần này",
    en: "my tasks · tasks of @Lan · overdue · this week",
  },
  show: { vi: "xem #12", en: "show #12" },
  done: { vi: "xong #12", en: "done #12" },
  reopen: { vi: "mở lại #12", en: "reopen #12" },
  cancel: { vi: "hủy #12", en: "cancel #12" },
  due: { vi: "gia hạn #12 đến thứ 6", en: "due #12 friday" },
  assign: { vi: "giao lại #12 cho @Minh", en: "reassign #12 to @Minh" },
  edit: { vi: "đổi tên #12 thành Báo cáo quý", en: "rename #12 Quarterly report" },
  status: { vi: "thống kê · thống kê @Lan", en: "status · status @Lan" },
  summary: { vi: "tổng kết tuần", en: "summary" },
  settings: {
    vi: "cài đặt ngôn ngữ en · giờ kết thúc 17:30 · thêm quản lý @Lan",
    en: "settings language vi · end of day 17:30 · add manager @Lan",
  },
  help: { vi: "giúp · giúp giao", en: "help · help add" },
  remind: { vi: "nhắc #12 lúc 15h", en: "remind #12 tomorrow 9am" },
  ack: { vi: "nhận việc #12", en: "got it #12" },
  export: { vi: "xuất báo cáo xlsx", en: "export csv" },
  snooze: { vi: "💤 Nhắc lại sau → Sáng mai", en: "💤 Snooze → Tomorrow morning" },
  undo: { vi: "hoàn tác", en: "undo" },
  units: { vi: "đơn vị: Phòng Kế hoạch thuộc Sở Kế hoạch", en: "unit: Planning under Department of Planning" },
  unit_leaders: { vi: "lãnh đạo Sở Kế hoạch: @Lan", en: "leaders Department of Planning: @Lan" },
  rollup: { vi: "tình hình các đơn vị · việc quá hạn các đơn vị", en: "status of units · overdue by unit" },
  dashboard: { vi: "bảng điều khiển", en: "dashboard" },
  signout: { vi: "đăng xuất mọi nơi", en: "sign out everywhere" },
  repeat: {
    vi: "giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần",
    en: "assign @Lan weekly report every Monday 9am",
  },
  series: { vi: "việc định kỳ · dừng lặp #L3 · bỏ qua lần tới #L3", en: "recurring · stop #L3 · skip next #L3" },
  delete_data: { vi: "xóa dữ liệu", en: "delete data" },
};

export function commandExample(command: CommandName, locale: Locale): string {
  return EXAMPLES[command][locale];
}

const TEXT: Record<ParseErrorCode, { vi: (f: string) => string; en: (f: string) => string }> = {
  empty: { vi: () => "Tin nhắn trống.", en: () => "The message is empty." },
  unknown_command: {
    vi: (f) => `Xin lỗi, tôi chưa hiểu lệnh${f ? ` "${f}"` : ""}.`,
    en: (f) => `Sorry, I did not understand the command${f ? ` "${f}"` : ""}.`,
  },
  missing_task_ref: {
    vi: () => "Bạn chưa nêu số việc (ví dụ #12).",
    en: () => "Please give the task number (e.g. #12).",
  },
  missing_title: { vi: () => "Bạn chưa nêu tên việc.", en: () => "Please give the task a title." },
  bad_due: {
    vi: (f) => `Xin lỗi, tôi chưa hiểu hạn${f ? ` "${f}"` : ""}.`,
    en: (f) => `Sorry, I could not understand the deadline${f ? ` "${f}"` : ""}.`,
  },
  missing_due: { vi: () => "Bạn chưa nêu hạn mới.", en: () => "Please give the new deadline." },
  missing_assignee: {
    vi: () => "Bạn chưa nhắc tên người (ví dụ @Lan).",
    en: () => "Please mention someone (e.g. @Lan).",
  },
  bad_setting: {
    vi: (f) => `Xin lỗi, tôi chưa hiểu cài đặt${f ? ` "${f}"` : ""}.`,
    en: (f) => `Sorry, I did not understand the setting${f ? ` "${f}"` : ""}.`,
  },
};

/** "Xin lỗi, tôi chưa hiểu hạn "thứ 9". Ví dụ: gia hạn #12 đến thứ 6" and its English twin. */
export function errorMessage(
  code: ParseErrorCode,
  locale: Locale | null,
  command?: CommandName,
  fragment?: string,
): string {
  const lang = locale ?? "vi";
  const text = TEXT[code][lang](fragment ?? "");
  const example = command ? EXAMPLES[command][lang] : lang === "vi" ? "giúp" : "help";
  return `${text} ${lang === "vi" ? "Ví dụ" : "For example"}: ${example}`;
}
