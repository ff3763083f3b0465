import type { TerminalCatalogue } from "./messages.js";

/** Vietnamese texts of the terminal chat itself. */
export const viTerminal: TerminalCatalogue = {
  "terminal.welcome": () =>
    [
      "Rõ Việc — trò chuyện trên terminal. Gõ như trong nhóm chat, ví dụ:",
      "  giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau",
      "  việc của tôi · xong #1 · giúp",
    ].join("\n"),
  "terminal.commands": () =>
    [
      "Lệnh của terminal:",
      "  /as @Tên          đổi người nói",
      "  /in #kênh         đổi kênh",
      "  /now <thời điểm>  đặt đồng hồ (lần đầu: bất kỳ lúc nào; sau đó chỉ tiến tới), vd. /now 2026-12-02T09:00+07:00",
      "  /tua 3 ngày       cho thời gian trôi (giờ, ngày, tuần): nhắc việc và báo cáo tuần đến hạn sẽ hiện ra",
      "  /reset            xóa dữ liệu thử, bắt đầu lại từ đầu",
      "  /help             xem lại danh sách này",
      "  /quit             thoát",
    ].join("\n"),
  "terminal.speaker": ({ name }) => `giờ bạn là ${name}`,
  "terminal.channel": ({ name }) => `kênh #${name}`,
  "terminal.clock_frozen": ({ time }) => `đồng hồ dừng ở ${time}`,
  "terminal.clock_moved": ({ time }) => `đồng hồ đã tới ${time}`,
  "terminal.clock_backwards": ({ current }) =>
    `đồng hồ chỉ chạy tới, không lùi lại được (bây giờ là ${current}); ví dụ: /tua 2 ngày`,
  "terminal.bad_time": () => "thời điểm không hợp lệ; ví dụ: /now 2026-12-02T09:00+07:00",
  "terminal.bad_skip": () => "không hiểu khoảng thời gian; ví dụ: /tua 3 ngày, /tua 2 giờ, /tua 1 tuần",
  "terminal.moved_without_pings": () => "không có Redis nên không gửi nhắc việc nào trên đường đi",
  "terminal.move_failed": () =>
    "đồng hồ đã chạy tới, nhưng nhắc việc trên đường đi bị lỗi; chúng sẽ được gửi khi Redis và cơ sở dữ liệu trả lời",
  "terminal.reset": () => "đã xóa dữ liệu thử, bắt đầu lại từ đầu",
  "terminal.reset_refused": () => "chỉ xóa được cơ sở dữ liệu nhúng (DATA_DIR), không xóa PostgreSQL (DATABASE_URL)",
  "terminal.goodbye": () => "tạm biệt!",
};
