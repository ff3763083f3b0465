import type { PermissionCatalogue } from "./messages.js";

/** Vietnamese texts of the permission model, the caps and people resolution. */
export const viPermissions: PermissionCatalogue = {
  "task.title_cut": ({ number, max }) =>
    `Tên việc dài quá ${max} ký tự nên mình đã cắt bớt. Muốn sửa, gõ "đổi tên #${number} <tên mới>".`,
  "people.too_many": ({ count, max }) =>
    `Một việc giao được tối đa ${max} người, bạn vừa nhắc ${count} người. Mình chưa ghi gì. Hãy chia thành vài việc, ví dụ: "giao @Lan @Minh chuẩn bị hồ sơ".`,
  "people.broadcast": ({ name }) =>
    `"@${name}" là cả nhóm, không phải một người, nên không giao việc được. Mình chưa ghi gì. Hãy nhắc tên từng người, ví dụ: "giao @Lan @Minh nộp báo cáo".`,
  "people.unknown": ({ names }) =>
    `Mình chưa biết ai là ${names} trong kênh này. Người đó cần nhắn trong kênh ít nhất một lần, hoặc bạn ghi đúng họ tên như tên hiển thị của họ.`,
  "people.ambiguous": ({ name, candidates, howTo }) =>
    `Trong kênh có nhiều người tên "${name}":\n${candidates}\nMình chưa ghi gì để khỏi giao nhầm. ${howTo}`,
  "people.candidate": ({ person, hint }) => `• ${person}${hint}`,
  "people.candidate_seen": ({ at }) => ` — nhắn ở đây lần cuối ${at}`,
  "people.candidate_pending": () => " — tên đã được ghi trước, người này chưa nhắn ở đây",
  "people.candidate_id": ({ id }) => ` (mã …${id})`,
  "people.how_to_mention": () => "Bạn gửi lại lệnh và nhắc người đó bằng cách chọn tên trong danh sách gợi ý khi gõ @.",
  "people.example_assign": ({ name }) => `giao @${name} chuẩn bị báo cáo`,
  "people.how_to_typed": ({ example }) => `Bạn gửi lại lệnh với đúng họ tên đầy đủ, ví dụ: "${example}".`,
  "people.same_full_name": () =>
    `Có người trùng cả họ tên: nhờ một người thêm chữ vào tên hiển thị (ví dụ "Hoa Kế toán") rồi gửi lại lệnh.`,
  "people.confirmed": ({ typed, person, count }) =>
    `Đã ghi nhận "${typed}" là ${person}: ${count} việc đã chuyển cho ${person}.`,
  "people.confirm_none": ({ typed }) =>
    `Trong kênh này không có tên "${typed}" nào do bạn ghi mà còn chờ người nhận, nên mình chưa ghi gì.`,
  "settings.needs_admin": ({ what, hint }) =>
    `Xin lỗi, ${what} chỉ quản trị viên mới đổi được. Mình chưa ghi gì. ${hint}`,
  "settings.admin_hint_slack": () => "Quản trị viên là Admin hoặc Owner của workspace Slack.",
  "settings.admin_hint_zalo": () =>
    "Trên Zalo, quản trị viên do người vận hành bot chỉ định (biến ZALO_ADMIN_IDS hoặc lệnh npm run zalo:claim).",
  "settings.admin_hint_console": () => "Trong chat trên terminal, quản trị viên là người mở terminal.",
  "settings.what_dayoff": () => "ngày nghỉ và ngày làm bù (áp dụng cho mọi kênh)",
  "settings.what_managers": () => "quản lý của kênh",
  "settings.manager_private_chat": () => "Chat riêng với bot không có quản lý; hãy đặt quản lý trong nhóm.",
  "settings.manager_no_change": ({ people, mode }) =>
    mode === "add" ? `${people} đã là quản lý từ trước.` : `${people} không phải là quản lý của kênh.`,
  "managers.list": ({ managers }) => `*Quản lý kênh*: ${managers}`,
  "managers.none": () => `Kênh chưa có quản lý. Quản trị viên thêm quản lý bằng "thêm quản lý @Tên".`,
  "managers.history_title": () => "Thay đổi gần đây:",
  "managers.history_added": ({ person, by, at }) => `• ${at}: ${by} thêm ${person} làm quản lý`,
  "managers.history_removed": ({ person, by, at }) => `• ${at}: ${by} bỏ quản lý ${person}`,
  "managers.history_creator": ({ person, at }) => `• ${at}: ${person} tạo kênh nên là quản lý đầu tiên`,
  "remind.too_many": ({ number, max }) =>
    `Việc #${number} đã có ${max} lời nhắc đang chờ, không thêm được nữa. Mình chưa ghi gì.`,
  "admin.claimed": () =>
    `Xác nhận xong: từ bây giờ bạn là quản trị viên của bot. Bạn đặt được quản lý cho từng nhóm ("thêm quản lý @Tên") và ngày nghỉ chung ("cài đặt ngày nghỉ 02/01/2027").`,
  "admin.claim_invalid": () =>
    "Mã này không đúng, đã được dùng hoặc đã hết hạn. Nhờ người vận hành chạy lại npm run zalo:claim để lấy mã mới.",
  "admin.claim_in_group": () =>
    "Mã quản trị chỉ được gửi riêng cho bot. Mã vừa gửi trong nhóm đã bị hủy; nhờ người vận hành tạo mã mới rồi nhắn riêng cho bot.",
  "history.assignee_bound": ({ pending, person }) => `xác định "${pending}" là ${person}`,
  "reply.more_tasks": ({ count }) => `… và ${count} việc nữa. Xem từng việc bằng "xem #số".`,
  "reply.shortened": () => "… (tin dài nên đã được rút gọn)",
};
