/** Texts of the remind / summary / export commands (vi/en), kept beside the other texts of this module. */
import type { Locale } from "./format.js";

export const commandTexts = {
  vi: {
    reminderSet: (n: number, when: string) => `Đã hẹn nhắc việc #${n} lúc ${when}.`,
    reminderMoved: (n: number, when: string) => `Đã hẹn nhắc việc #${n} lúc ${when} (dời vào giờ làm việc).`,
    reminderNeedsWhen: (n: number) => `Nhắc việc #${n} lúc nào? Ví dụ: "nhắc #${n} lúc 9h sáng mai".`,
    reminderPast: (n: number) => `Thời điểm đó đã qua; hãy chọn một lúc sau bây giờ cho việc #${n}.`,
    reminderClosed: (n: number) => `Việc #${n} đã đóng nên không cần nhắc nữa.`,
    notFound: (n: number) => `Kênh này không có việc *#${n}*. Gõ "danh sách" để xem các việc đang mở.`,
    exportReady: (count: number, format: string) => `Tệp ${format.toUpperCase()} gồm ${count} việc của kênh.`,
  },
  en: {
    reminderSet: (n: number, when: string) => `I'll remind about task #${n} at ${when}.`,
    reminderMoved: (n: number, when: string) => `I'll remind about task #${n} at ${when} (moved into working hours).`,
    reminderNeedsWhen: (n: number) => `Remind about #${n} when? For example: "remind #${n} at 9am tomorrow".`,
    reminderPast: (n: number) => `That time has passed; pick a time after now for task #${n}.`,
    reminderClosed: (n: number) => `Task #${n} is closed, so it needs no reminder.`,
    notFound: (n: number) => `This channel has no task *#${n}*. Type "list" to see the open tasks.`,
    exportReady: (count: number, format: string) => `${format.toUpperCase()} file with the channel's ${count} tasks.`,
  },
} satisfies Record<Locale, Record<string, (...args: never[]) => string>>;
