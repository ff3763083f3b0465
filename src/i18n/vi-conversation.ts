import type { ConversationCatalogue } from "./messages.js";

/** "1", "2" hoặc "3". */
function numbers(count: number): string {
  const quoted = Array.from({ length: count }, (_, i) => `"${i + 1}"`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} hoặc ${quoted.at(-1)}`;
}

/** Vietnamese texts of the bot's questions, their answers, and undo. */
export const viConversation: ConversationCatalogue = {
  "question.ask": ({ reasons }) => `🤔 Mình hỏi lại trước khi ghi: ${reasons}`,
  "question.answer_hint": ({ count }) =>
    `Bạn trả lời ${numbers(count)}, hoặc "hủy", trong 10 phút nhé. Mình chưa ghi gì cả.`,
  "question.cancelled": () => "Đã bỏ câu hỏi, mình không ghi gì.",
  "question.expired": ({ askedAt }) =>
    `Câu hỏi lúc ${askedAt} đã quá 10 phút nên mình đã bỏ, chưa ghi gì. Bạn gõ lại lệnh giúp mình nhé.`,
  "question.none": () => "Hiện không có câu hỏi nào của mình đang chờ bạn trả lời.",
  "question.pick": ({ count }) => `Câu hỏi có ${count} lựa chọn: bạn trả lời ${numbers(count)}, hoặc "hủy".`,
  "question.not_yours": () => "Câu hỏi này mình hỏi người khác nên chỉ người đó trả lời được.",
  "question.taken": () => "Câu hỏi này đã được trả lời rồi.",
  "question.cancel_button": () => "Hủy",
  "question.chosen": ({ number, label }) => `✔ Đã chọn ${number}: ${label}`,
  "question.dropped": () => "✖ Đã bỏ câu hỏi",
  "doubt.past_deadline": ({ due }) => `hạn ${due} đã qua rồi.`,
  "doubt.day_off": ({ day, holiday }) =>
    holiday ? `hạn rơi vào ${day}, là ngày nghỉ (${holiday}).` : `hạn rơi vào ${day}, không phải ngày làm việc.`,
  "doubt.time_word_in_title": ({ word }) => `chữ "${word}" vẫn nằm trong tên việc; đó có phải là hạn không?`,
  "doubt.other_reading": ({ cue }) => `"${cue}" nghe như sửa một việc đã có, không phải giao việc mới.`,
  "doubt.ambiguous_name": ({ name }) => `có nhiều người tên "${name}".`,
  "choice.note.overdue": () => "sẽ quá hạn ngay",
  "choice.note.next_working_day": () => "ngày làm việc kế tiếp",
  "choice.note.previous_working_day": () => "ngày làm việc trước đó",
  "choice.note.as_written": () => "đúng như bạn viết",
  "command.add": ({ title, assignees, due }) =>
    `Tạo việc "${title}"${assignees ? ` cho ${assignees}` : ""}, ${due ? `hạn ${due}` : "không có hạn"}`,
  "command.due": ({ number, due }) => (due ? `Đổi hạn việc #${number} thành ${due}` : `Bỏ hạn của việc #${number}`),
  "command.assign": ({ number, mode, people }) =>
    mode === "add"
      ? `Thêm ${people} vào việc #${number}`
      : mode === "remove"
        ? `Bỏ ${people} khỏi việc #${number}`
        : `Giao lại việc #${number} cho ${people}`,
  "command.edit": ({ number, title }) => `Đổi tên việc #${number} thành "${title}"`,
  "command.done": ({ number }) => `Báo xong việc #${number}`,
  "command.reopen": ({ number }) => `Mở lại việc #${number}`,
  "command.cancel": ({ number }) => `Hủy việc #${number}`,
  "command.ack": ({ number }) => `Nhận việc #${number}`,
  "command.show": ({ number }) => `Xem việc #${number}`,
  "command.remind": ({ number, due }) => `Hẹn nhắc việc #${number}${due ? ` lúc ${due}` : ""}`,
  "command.other": ({ command }) => `Lệnh "${command}"`,
  "undo.withdrawn": ({ number, title }) =>
    `↩️ Đã hoàn tác: rút lại việc *#${number}* (${title}). Việc không còn trong danh sách và số liệu; số #${number} không dùng lại.`,
  "undo.restored": ({ number, what }) => `↩️ Đã hoàn tác thay đổi của bạn ở việc *#${number}* (${what}).`,
  "undo.nothing": () =>
    "Trong 10 phút qua bạn chưa thay đổi việc nào ở kênh này, nên không có gì để hoàn tác. (Hoàn tác chỉ dùng được trong 10 phút.)",
  "undo.changed_since": ({ number, person }) =>
    `Không hoàn tác được: sau bạn, ${person} đã thay đổi việc *#${number}*. Bạn xem lại bằng "xem #${number}" nhé.`,
};
