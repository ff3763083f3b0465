/**
 * The words of recurring tasks, Vietnamese and English: one typed catalogue per language, so a missing sentence
 * fails the type check. Series are "#L3" in both.
 */
import type { Locale } from "../locale.js";

export interface RecurringTexts {
  created(number: number, title: string): string;
  assignees(people: string): string;
  rule(words: string, dayOff: string): string;
  next(dates: string): string;
  nextNone: string;
  moved(from: string, why: string | null): string;
  firstMade(numbers: string): string;
  eachIsTask: string;
  listTitle: string;
  listEmpty: string;
  listLine(number: number, title: string, rule: string, people: string | null, paused: boolean): string;
  nextLine(dates: string): string;
  notFound(number: number): string;
  forbidden(number: number): string;
  alreadyStopped(number: number): string;
  paused(number: number, title: string): string;
  alreadyPaused(number: number): string;
  resumed(number: number, title: string): string;
  alreadyActive(number: number): string;
  stopped(number: number, title: string): string;
  skipped(number: number, title: string, date: string): string;
  noneToSkip(number: number): string;
  askWeekday: string;
  askMonthday: string;
  choice(title: string, people: string | null, rule: string): string;
  edited(number: number, title: string, action: "rename" | "assign", what: string): string;
  renameNeedsTitle(number: number): string;
  rescheduled(number: number, title: string, rule: string): string;
  alreadyOnRule(number: number, rule: string): string;
  rescheduleNeedsRule(number: number): string;
  askRescheduleWeekday: string;
  askRescheduleMonthday: string;
  rescheduleChoice(number: number, rule: string): string;
  assignNeedsPeople(number: number): string;
}

const vi: RecurringTexts = {
  created: (number, title) => `🔁 Đã tạo việc định kỳ #L${number}: ${title}`,
  assignees: (people) => `   Giao cho: ${people}`,
  rule: (words, dayOff) => `   Lặp lại: ${words} (${dayOff})`,
  next: (dates) => `   3 lần tới: ${dates}`,
  nextNone: "   Không còn lần nào tới.",
  moved: (from, why) => ` (dời từ ${from}${why ? `: ${why}` : ""})`,
  firstMade: (numbers) => `   Lần đầu đã có việc ${numbers}.`,
  eachIsTask:
    '   Mỗi lần là một việc riêng (có số, hạn, nhắc việc), tạo khi kỳ của nó bắt đầu. Gõ "việc định kỳ" để xem, "dừng lặp #L…" để dừng.',
  listTitle: "🔁 Việc định kỳ của kênh",
  listEmpty: 'Kênh chưa có việc định kỳ nào. Ví dụ: "giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần".',
  listLine: (number, title, rule, people, paused) =>
    `#L${number} ${title} — ${rule}${people ? ` — ${people}` : ""}${paused ? " (đang tạm dừng)" : ""}`,
  nextLine: (dates) => `   lần tới: ${dates}`,
  notFound: (number) => `Không có việc định kỳ #L${number} ở kênh này. Gõ "việc định kỳ" để xem danh sách.`,
  forbidden: (number) =>
    `Bạn không đổi được việc định kỳ #L${number}: chỉ người tạo, người được giao hoặc quản lý kênh mới đổi được.`,
  alreadyStopped: (number) => `Việc định kỳ #L${number} đã dừng hẳn rồi.`,
  paused: (number, title) =>
    `⏸️ Đã tạm dừng việc định kỳ #L${number} (${title}). Gõ "tiếp tục #L${number}" để chạy lại.`,
  alreadyPaused: (number) => `Việc định kỳ #L${number} đang tạm dừng rồi.`,
  resumed: (number, title) =>
    `▶️ Việc định kỳ #L${number} (${title}) chạy lại từ lần tới; những lần trong lúc dừng được bỏ qua.`,
  alreadyActive: (number) => `Việc định kỳ #L${number} đang chạy.`,
  stopped: (number, title) =>
    `⏹️ Đã dừng hẳn việc định kỳ #L${number} (${title}). Các việc đã tạo vẫn giữ nguyên; không tạo thêm lần nào nữa.`,
  skipped: (number, title, date) =>
    `⏭️ Bỏ qua lần ${date} của việc định kỳ #L${number} (${title}). Các lần sau vẫn như cũ.`,
  noneToSkip: (number) => `Việc định kỳ #L${number} không còn lần nào tới để bỏ qua.`,
  askWeekday: "🤔 Việc lặp lại hằng tuần vào thứ mấy? Mình chưa ghi gì cả.",
  askMonthday: "🤔 Việc lặp lại vào ngày nào trong tháng? Mình chưa ghi gì cả.",
  choice: (title, people, rule) => `Tạo việc định kỳ "${title}"${people ? ` cho ${people}` : ""}: ${rule}`,
  edited: (number, title, action, what) =>
    action === "rename"
      ? `✏️ Việc định kỳ #L${number} giờ tên là "${what}". Các lần sau mang tên mới; việc đã tạo giữ nguyên.`
      : `👥 Việc định kỳ #L${number} (${title}) giờ giao cho ${what}. Các lần sau giao cho họ; việc đã tạo giữ nguyên.`,
  renameNeedsTitle: (number) => `Cần tên mới. Ví dụ: "đổi tên #L${number} thành báo cáo tuần phòng Kế hoạch".`,
  rescheduled: (number, title, rule) =>
    `🔁 Việc định kỳ #L${number} (${title}) giờ lặp lại ${rule}. Các lần sau theo lịch mới; việc đã tạo giữ nguyên.`,
  alreadyOnRule: (number, rule) => `Việc định kỳ #L${number} đã lặp lại ${rule} rồi; không có gì thay đổi.`,
  rescheduleNeedsRule: (number) =>
    `Lặp lại theo lịch nào? Ví dụ: "đổi lịch #L${number} thành thứ 2 và thứ 5 hằng tuần" hoặc "đổi lịch #L${number} thành ngày 25 hàng tháng". Mình chưa đổi gì.`,
  askRescheduleWeekday: "🤔 Lịch mới lặp lại vào thứ mấy trong tuần? Mình chưa đổi gì cả.",
  askRescheduleMonthday: "🤔 Lịch mới lặp lại vào ngày nào trong tháng? Mình chưa đổi gì cả.",
  rescheduleChoice: (number, rule) => `Đổi lịch #L${number}: ${rule}`,
  assignNeedsPeople: (number) => `Cần ghi người được giao. Ví dụ: "giao lại #L${number} cho @Minh".`,
};

const en: RecurringTexts = {
  created: (number, title) => `🔁 Recurring task #L${number} created: ${title}`,
  assignees: (people) => `   Assigned to: ${people}`,
  rule: (words, dayOff) => `   Repeats: ${words} (${dayOff})`,
  next: (dates) => `   Next 3: ${dates}`,
  nextNone: "   No time left ahead.",
  moved: (from, why) => ` (moved from ${from}${why ? `: ${why}` : ""})`,
  firstMade: (numbers) => `   The first one is task ${numbers}.`,
  eachIsTask:
    '   Each time is a task of its own (number, deadline, pings), created when its period begins. "recurring" lists them, "stop #L…" stops one.',
  listTitle: "🔁 Recurring tasks of this channel",
  listEmpty: 'This channel has no recurring tasks yet. Example: "assign @Lan weekly report every Monday 9am".',
  listLine: (number, title, rule, people, paused) =>
    `#L${number} ${title} — ${rule}${people ? ` — ${people}` : ""}${paused ? " (paused)" : ""}`,
  nextLine: (dates) => `   next: ${dates}`,
  notFound: (number) => `There is no recurring task #L${number} in this channel. "recurring" lists them.`,
  forbidden: (number) =>
    `You cannot change recurring task #L${number}: only its creator, its assignees or a channel manager can.`,
  alreadyStopped: (number) => `Recurring task #L${number} is already stopped.`,
  paused: (number, title) => `⏸️ Recurring task #L${number} (${title}) is paused. "resume #L${number}" starts it again.`,
  alreadyPaused: (number) => `Recurring task #L${number} is already paused.`,
  resumed: (number, title) =>
    `▶️ Recurring task #L${number} (${title}) runs again from its next time; the times while paused are passed.`,
  alreadyActive: (number) => `Recurring task #L${number} is running.`,
  stopped: (number, title) =>
    `⏹️ Recurring task #L${number} (${title}) is stopped for good. Tasks already made stay; no new ones are made.`,
  skipped: (number, title, date) =>
    `⏭️ Skipping ${date} of recurring task #L${number} (${title}). Later times stay as they are.`,
  noneToSkip: (number) => `Recurring task #L${number} has no time ahead to skip.`,
  askWeekday: "🤔 On which day of the week does it repeat? Nothing is saved yet.",
  askMonthday: "🤔 On which day of the month does it repeat? Nothing is saved yet.",
  choice: (title, people, rule) => `Create recurring task "${title}"${people ? ` for ${people}` : ""}: ${rule}`,
  edited: (number, title, action, what) =>
    action === "rename"
      ? `✏️ Recurring task #L${number} is now called "${what}". Later times take the new name; tasks already made stay.`
      : `👥 Recurring task #L${number} (${title}) is now assigned to ${what}. Later times go to them; tasks already made stay.`,
  renameNeedsTitle: (number) => `A new name is needed. Example: "rename #L${number} weekly planning report".`,
  rescheduled: (number, title, rule) =>
    `🔁 Recurring task #L${number} (${title}) now repeats ${rule}. Later times follow the new rule; tasks already made stay.`,
  alreadyOnRule: (number, rule) => `Recurring task #L${number} already repeats ${rule}; nothing changed.`,
  rescheduleNeedsRule: (number) =>
    `Repeat on which rule? Example: "change #L${number} to every Monday and Thursday" or "change #L${number} to the 25th of every month". Nothing is changed yet.`,
  askRescheduleWeekday: "🤔 On which day of the week should it repeat now? Nothing is changed yet.",
  askRescheduleMonthday: "🤔 On which day of the month should it repeat now? Nothing is changed yet.",
  rescheduleChoice: (number, rule) => `Change #L${number} to: ${rule}`,
  assignNeedsPeople: (number) => `Say who it is for. Example: "reassign #L${number} to @Minh".`,
};

export function recurringTexts(locale: Locale): RecurringTexts {
  return locale === "en" ? en : vi;
}
