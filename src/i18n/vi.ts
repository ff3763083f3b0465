import type { Catalogue } from "./messages.js";
import { viConversation } from "./vi-conversation.js";
import { viJobs } from "./vi-jobs.js";
import { viPermissions } from "./vi-permissions.js";
import { viTerminal } from "./vi-terminal.js";

/** Vietnamese texts: the default language of the bot. Written to sound like a colleague, not a machine. */
export const vi: Catalogue = {
  ...viConversation,
  "task.created": ({ number, title, assignees, due }) =>
    [
      `Đã tạo việc *#${number}*: ${title}`,
      assignees ? `Giao cho: ${assignees}` : "Chưa giao cho ai.",
      due ? `hạn: ${due}` : "Chưa có hạn.",
    ].join("\n"),
  "task.due_line": ({ absolute, relative }) =>
    // formatRelative may carry its own parentheses ("còn 6 ngày (5 ngày làm việc)"): no nesting.
    relative ? (relative.includes("(") ? `${absolute}, ${relative}` : `${absolute} (${relative})`) : absolute,
  "task.no_due": () => "không có hạn",
  "task.closed": ({ number, title }) => `Đã đóng việc *#${number}*: ${title}. Cảm ơn cả nhà!`,
  "task.part_done": ({ number, remaining }) =>
    `Đã ghi nhận bạn xong phần của mình trong việc *#${number}*. Còn chờ: ${remaining}.`,
  "task.all_finished": ({ number, title }) =>
    `Mọi người đã xong phần của mình, việc *#${number}* (${title}) đã hoàn thành.`,
  "task.reopened": ({ number, title }) => `Đã mở lại việc *#${number}*: ${title}.`,
  "task.cancelled": ({ number, title }) => `Đã hủy việc *#${number}*: ${title}.`,
  "task.due_changed": ({ number, oldDue, newDue }) => `Đã đổi hạn việc *#${number}*: ${oldDue} → hạn: ${newDue}.`,
  "task.due_removed": ({ number, oldDue }) => `Đã bỏ hạn của việc *#${number}* (trước đây: ${oldDue}).`,
  "task.assignees_changed": ({ number, oldAssignees, newAssignees }) =>
    `Đã đổi người làm việc *#${number}*: ${oldAssignees} → ${newAssignees}.`,
  "task.renamed": ({ number, oldTitle, newTitle }) => `Đã đổi tên việc *#${number}*: "${oldTitle}" → "${newTitle}".`,
  "task.acknowledged": ({ number, title, due }) =>
    due ? `Bạn đã nhận việc *#${number}*: ${title} — hạn: ${due}.` : `Bạn đã nhận việc *#${number}*: ${title}.`,
  "task.vague_due": ({ word, nextWorkingDay }) =>
    `("${word}" được hiểu là trước giờ tan làm ${nextWorkingDay ? "của ngày làm việc tiếp theo" : "hôm nay"}.)`,
  "task.no_due_to_shift": ({ number }) =>
    `Việc *#${number}* chưa có hạn nên chưa thể gia hạn thêm. Bạn nêu hạn mới nhé, ví dụ: gia hạn #${number} đến thứ 6.`,
  "task.not_found": ({ number }) => `Kênh này không có việc *#${number}*. Gõ "danh sách việc" để xem các việc đang mở.`,
  "task.forbidden": ({ number, allowed }) =>
    `Xin lỗi, bạn chưa thể thay đổi việc *#${number}*. Chỉ ${allowed} hoặc quản lý kênh mới làm được việc này.`,
  "task.conflict": ({ number }) =>
    `Việc *#${number}* vừa được người khác thay đổi cùng lúc nên thao tác của bạn chưa được ghi. Đây là việc lúc này, bạn xem lại rồi thử lại nhé:`,
  "task.not_assignee": ({ number }) =>
    `Việc *#${number}* không giao cho bạn nên bạn không cần nhận. Nếu muốn nhận, hãy nhờ người giao việc thêm bạn vào.`,
  "task.already_closed": ({ number, status }) => `Việc *#${number}* đã ${status} rồi.`,
  "task.already_open": ({ number }) => `Việc *#${number}* vẫn đang mở, không cần mở lại.`,
  "task.already_acknowledged": ({ number }) => `Bạn đã nhận việc *#${number}* từ trước rồi.`,
  "task.already_done_by_you": ({ number }) => `Bạn đã báo xong phần của mình trong việc *#${number}* rồi.`,
  "task.not_open": ({ number, status }) =>
    `Việc *#${number}* đã ${status}, không thay đổi được nữa. Mở lại trước nếu cần.`,
  "task.no_change": ({ number }) => `Việc *#${number}* không có gì thay đổi.`,
  "task.withdrawn": ({ number }) =>
    `Việc *#${number}* đã được rút lại bằng "hoàn tác" nên không mở lại được. Bạn tạo việc mới nhé.`,
  "task.assignee_unknown": ({ name }) => `Mình chưa biết ai là "${name}" trong kênh này.`,
  "status.open": () => "đang mở",
  "status.done": () => "hoàn thành",
  "status.cancelled": () => "bị hủy",
  "status.withdrawn": () => "đã rút lại (hoàn tác)",
  "assignee.done": () => "đã xong",
  "assignee.acknowledged": () => "đang làm",
  "assignee.not_acknowledged": () => "chưa nhận",
  "people.nobody": () => "chưa ai",
  "people.creator": () => "người giao việc",
  "people.allowed": ({ creator, assignees }) =>
    assignees ? `${creator} (người giao), ${assignees}` : `${creator} (người giao)`,
  "list.title.mine": () => "*Việc của bạn*",
  "list.title.assignee": ({ people }) => `*Việc của ${people}*`,
  "list.title.overdue": () => "*Việc quá hạn*",
  "list.title.today": () => "*Việc đến hạn hôm nay*",
  "list.title.week": () => "*Việc đến hạn tuần này*",
  "list.title.done": () => "*Việc đã xong gần đây (7 ngày)*",
  "list.title.open": () => "*Việc đang mở*",
  "list.title.created": () => "*Việc bạn đã giao*",
  "list.empty": () => "Không có việc nào.",
  "list.more": ({ count }) => `… và ${count} việc nữa.`,
  "group.overdue": () => "Quá hạn",
  "group.today": () => "Hôm nay",
  "group.week": () => "Tuần này",
  "group.later": () => "Sau này",
  "group.no_due": () => "Không có hạn",
  "group.done": () => "Đã xong",
  "group.cancelled": () => "Đã hủy",
  "card.creator": ({ creator, createdAt }) => `Người giao: ${creator}, lúc ${createdAt}`,
  "card.assignees": ({ assignees }) => `Người làm: ${assignees}`,
  "card.due": ({ due }) => `hạn: ${due}`,
  "card.status": ({ status }) => `Trạng thái: ${status}`,
  "card.closed": ({ by, at }) => `Đóng bởi ${by} lúc ${at}`,
  "card.history": () => "Lịch sử:",
  "history.created": ({ title }) => `tạo việc "${title}"`,
  "history.closed": () => "đóng việc",
  "history.assignee_done": ({ person }) => `${person} báo xong phần của mình`,
  "history.reopened": () => "mở lại việc",
  "history.cancelled": () => "hủy việc",
  "history.due_changed": ({ oldDue, newDue }) => `đổi hạn: ${oldDue} → ${newDue}`,
  "history.assignees_changed": ({ oldAssignees, newAssignees }) => `đổi người làm: ${oldAssignees} → ${newAssignees}`,
  "history.renamed": ({ oldTitle, newTitle }) => `đổi tên: "${oldTitle}" → "${newTitle}"`,
  "history.acknowledged": ({ person }) => `${person} đã nhận việc`,
  "history.acknowledged_self": () => "nhận việc",
  "history.assignee_done_self": () => "báo xong phần của mình",
  "history.other": ({ action }) => action,
  "history.system": () => "hệ thống",
  "history.undone": ({ what }) => `hoàn tác (${what})`,
  "status.title.channel": () => "*Tình hình công việc của kênh*",
  "status.title.person": ({ person }) => `*Tình hình công việc của ${person}*`,
  "status.counts": ({ open, overdue, dueThisWeek, doneThisWeek }) =>
    `Đang mở: ${open}\nQuá hạn: ${overdue}\nĐến hạn tuần này: ${dueThisWeek}\nXong tuần này (từ thứ Hai): ${doneThisWeek}`,
  "status.on_time": ({ percent, onTime, withDue }) =>
    `Đúng hạn: ${percent}% (${onTime}/${withDue} việc có hạn đã xong, từ trước đến nay)`,
  "status.on_time_none": () => "Đúng hạn: chưa có việc có hạn nào hoàn thành",
  "settings.title": () => "*Cài đặt của kênh*",
  "settings.show": (s) =>
    [
      `Ngôn ngữ: ${s.language}`,
      `Múi giờ: ${s.timezone}`,
      `Hết giờ làm: ${s.endOfDay}`,
      `Ngày làm việc: ${s.workdays}`,
      `Báo cáo tuần: ${s.summary}`,
      `Nhắc việc: ${s.pings}`,
      `Quản lý: ${s.managers}`,
      `Ngày nghỉ thêm: ${s.daysOff}`,
      `Ngày làm bù: ${s.makeUpDays}`,
    ].join("\n"),
  "settings.summary_on": ({ schedule }) => `bật, ${schedule}`,
  "settings.summary_off": () => "tắt",
  "settings.pings_on": ({ details }) => (details ? `bật (${details})` : "bật"),
  "settings.pings_off": () => "tắt",
  "settings.pings_no_heads_up": () => "không nhắc trước một ngày",
  "settings.pings_minutes_before": ({ minutes }) =>
    minutes === 0 ? "không nhắc trước giờ hạn" : `nhắc trước giờ hạn ${minutes} phút`,
  "settings.pings_no_overdue": () => "không nhắc khi quá hạn",
  "settings.pings_morning": ({ time }) => `nhắc buổi sáng lúc ${time}`,
  "settings.pings_not_personal": () => "không nhắc riêng từng người",
  "settings.language_name": ({ code }) => (code === "en" ? "tiếng Anh (English)" : "tiếng Việt"),
  "settings.days_off_none": () => "không có",
  "settings.saved": ({ what, value }) => `Đã lưu ${what}: ${value}.`,
  "settings.switched": ({ what, on, detail }) => `Đã ${on ? "bật" : "tắt"} ${what}${detail ? `: ${detail}` : ""}.`,
  "settings.days_saved": ({ days, count, working }) =>
    `Đã ghi ${working ? "ngày làm bù" : "ngày nghỉ"}: ${days}${count > 1 ? ` (${count} ngày)` : ""}.`,
  "settings.days_removed": ({ days, working }) => `Đã bỏ ${working ? "ngày làm bù" : "ngày nghỉ"}: ${days}.`,
  "settings.days_not_declared": ({ days, working }) =>
    `${days} không có trong danh sách ${working ? "ngày làm bù" : "ngày nghỉ"} nên không có gì thay đổi. Gõ "cài đặt" để xem danh sách.`,
  "settings.forbidden": ({ managers }) =>
    `Xin lỗi, chỉ quản lý kênh (${managers}) hoặc quản trị viên mới đổi được cài đặt.`,
  "settings.bad_value": ({ key, value, example }) =>
    `Mình chưa hiểu giá trị "${value}" cho ${key}. Ví dụ đúng: ${example}`,
  "settings.manager_added": ({ people }) => `Đã thêm quản lý: ${people}.`,
  "settings.manager_removed": ({ people }) => `Đã bỏ quản lý: ${people}.`,
  "settings.manager_missing": () => `Hãy nhắc tên người cần thêm hoặc bỏ. Ví dụ: "cài đặt quản lý thêm @Lan"`,
  "settings.label.language": () => "ngôn ngữ",
  "settings.label.timezone": () => "múi giờ",
  "settings.label.endofday": () => "giờ hết ngày làm việc",
  "settings.label.workdays": () => "ngày làm việc",
  "settings.label.summary": () => "báo cáo tuần",
  "settings.label.pings": () => "nhắc việc",
  "settings.label.manager": () => "quản lý",
  "settings.label.dayoff": () => "ngày nghỉ",
  "error.empty": () => `Bạn cần mình làm gì? Gõ "trợ giúp" để xem các lệnh.`,
  "error.unknown_command": ({ fragment }) =>
    `${fragment ? `Mình chưa hiểu "${fragment}".` : "Mình chưa hiểu câu này."} Ví dụ: "giao @Lan nộp báo cáo trước 17h thứ 6" hoặc "/viec them nộp báo cáo". Gõ "trợ giúp" để xem tất cả các lệnh.`,
  "error.missing_task_ref": ({ command, example }) => `Cần ghi số việc, theo mẫu "${command}". Ví dụ: ${example}`,
  "error.missing_title": ({ example }) => `Việc cần có tên. Ví dụ: ${example}`,
  "error.bad_due": ({ fragment, example }) =>
    `${fragment ? `Mình chưa hiểu hạn "${fragment}".` : "Mình chưa hiểu hạn này."} Ví dụ: ${example}`,
  "error.missing_due": ({ example }) => `Bạn muốn đổi hạn thành khi nào? Ví dụ: ${example}`,
  "error.missing_assignee": ({ example }) => `Hãy nhắc tên người được giao. Ví dụ: ${example}`,
  "error.bad_setting": ({ fragment, example }) =>
    `${fragment ? `Mình chưa hiểu cài đặt "${fragment}".` : "Mình chưa hiểu cài đặt này."} Ví dụ: ${example}`,
  "error.not_available": ({ command }) => `Lệnh "${command}" sắp có, hiện chưa dùng được. Mong bạn thông cảm!`,
  "system.busy": () => "Hệ thống đang bận, vui lòng thử lại sau ít phút.",
  "help.overview": () =>
    [
      "*Rõ Việc* giúp cả nhóm giao việc, theo dõi hạn và nhắc việc ngay trong chat.",
      `• Giao việc: "giao @Lan nộp báo cáo trước 17h thứ 6" hoặc "/viec them nộp báo cáo @Lan mai"`,
      `• Xem việc: "việc của tôi", "việc quá hạn", "danh sách việc"`,
      `• Một việc: "xem #12", "nhận việc #12", "xong #12", "mở lại #12", "hủy #12"`,
      `• Sửa việc: "gia hạn #12 đến thứ 2", "giao lại #12 cho @Minh", "đổi tên #12 báo cáo quý"`,
      `• Việc định kỳ: "giao @Lan nộp báo cáo 16h thứ 6 hằng tuần", "việc định kỳ", "dừng lặp #L1"`,
      `• Tổng quan: "tình hình", "cài đặt"`,
      `• Lỡ tay: "hoàn tác" trong 10 phút`,
    ].join("\n"),
  "help.command": ({ usage, description, examples }) => `*${usage}*\n${description}\nVí dụ:\n${examples}`,
  "help.more": () =>
    `Gõ "trợ giúp <chủ đề>" để xem chi tiết, ví dụ "trợ giúp giao lại", "trợ giúp cài đặt", "trợ giúp hoàn tác".`,
  ...viPermissions,
  ...viJobs,
  ...viTerminal,
};
