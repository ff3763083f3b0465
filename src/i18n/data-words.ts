/**
 * The words of `xóa dữ liệu` / `delete data`, Vietnamese and English. One typed catalogue: a missing text in either
 * language fails the type check.
 */
import type { Locale } from "../core/incoming.js";

export interface DeletedCounts {
  tasks: number;
  series: number;
  channels: number;
  people: number;
}

export interface DataWords {
  needsAdmin: string;
  warning: string;
  confirm: string;
  deleted: (counts: DeletedCounts) => string;
}

const vi: DataWords = {
  needsAdmin: "Chỉ quản trị viên (admin) workspace mới xóa được dữ liệu của workspace. Chưa có gì bị xóa.",
  warning:
    "Xóa dữ liệu sẽ xóa vĩnh viễn, không hoàn tác được: mọi việc và việc định kỳ, nhắc việc, tin đang chờ gửi, cài đặt và quản lý các kênh, những người bot biết, ngày nghỉ và đơn vị của workspace này. Ứng dụng vẫn được cài.",
  confirm: "Xóa toàn bộ dữ liệu của workspace",
  deleted: (c) =>
    `🗑️ Đã xóa dữ liệu của workspace: ${c.tasks} việc, ${c.series} việc định kỳ, ${c.channels} kênh, ${c.people} người (cùng nhắc việc, tin chờ gửi, cài đặt, ngày nghỉ và đơn vị). Ứng dụng vẫn được cài và bắt đầu lại từ đầu; muốn gỡ hẳn bot, hãy gỡ ứng dụng khỏi workspace.`,
};

const en: DataWords = {
  needsAdmin: "Only a workspace admin may delete the workspace's data. Nothing was deleted.",
  warning:
    "Deleting the data removes for good, with no undo: every task and recurring series, pings, messages waiting to be sent, the channels' settings and managers, the people the bot knows, days off and units of this workspace. The app stays installed.",
  confirm: "Delete all of the workspace's data",
  deleted: (c) =>
    `🗑️ The workspace's data is deleted: ${c.tasks} tasks, ${c.series} recurring series, ${c.channels} channels, ${c.people} people (with their pings, waiting messages, settings, days off and units). The app stays installed and starts afresh; to remove the bot as well, uninstall the app from the workspace.`,
};

export function dataWords(locale: Locale): DataWords {
  return locale === "en" ? en : vi;
}
