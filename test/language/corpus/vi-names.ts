/**
 * People as Zalo shows them: full names with spaces, names the bot has not seen yet, names that are also words
 * ("Mai" is tomorrow), and names that differ only by a diacritic ("Lân" is not "Lan").
 */
import { add, type RealisticCase } from "./case.js";

export const VI_NAMES: RealisticCase[] = [
  add(
    "giao @Phạm Thị Thu Hà soạn thảo quy chế chi tiêu nội bộ trước 15/12",
    ["Phạm Thị Thu Hà"],
    "soạn thảo quy chế chi tiêu nội bộ",
    "2026-12-15T17:00+07:00",
  ),
  add(
    "@Đỗ Quang Huy gửi hồ sơ năng lực cho đối tác trước thứ 6",
    ["Đỗ Quang Huy"],
    "gửi hồ sơ năng lực cho đối tác",
    "2026-12-04T17:00+07:00",
  ),
  add("@Vũ Ngọc Ánh ơi, cập nhật danh bạ khách hàng giúp chị nhé", ["Vũ Ngọc Ánh"], "cập nhật danh bạ khách hàng"),
  add(
    "giao @Hoàng Văn Thái @Bùi Thị Hồng Nhung chuẩn bị hội trường cho lễ tổng kết năm",
    ["Hoàng Văn Thái", "Bùi Thị Hồng Nhung"],
    "chuẩn bị hội trường cho lễ tổng kết năm",
  ),
  add("@Lan nộp báo cáo", ["Lan"], "nộp báo cáo"),
  add("@Lan Nộp báo cáo trước thứ 6", ["Lan"], "Nộp báo cáo", "2026-12-04T17:00+07:00"),
  add("@Nguyễn Văn Lan trình ký hồ sơ trước 11h", ["Nguyễn Văn Lan"], "trình ký hồ sơ", "2026-12-02T11:00+07:00"),
  add("@nguyễn văn lan trình ký hồ sơ trước 11h", ["nguyễn văn lan"], "trình ký hồ sơ", "2026-12-02T11:00+07:00"),
  add("@nguyen van lan trinh ky ho so truoc 11h", ["nguyen van lan"], "trinh ky ho so", "2026-12-02T11:00+07:00"),
  add("@Lân kiểm tra kho trước thứ 5", ["Lân"], "kiểm tra kho", "2026-12-03T17:00+07:00"),
  add("@Lan Anh gửi báo giá cho khách", ["Lan Anh"], "gửi báo giá cho khách"),
  add("@Tuấn anh gửi giúp em file thiết kế nhé", ["Tuấn"], "gửi file thiết kế"),
  add("@Tuấn Anh gửi giúp em file thiết kế nhé", ["Tuấn Anh"], "gửi file thiết kế"),
  add("@Mai mai nộp báo cáo nhé", ["Mai"], "nộp báo cáo", "2026-12-03T17:00+07:00"),
  add(
    "@Trần Thị Mai, @Lê Hoàng Nam: chuẩn bị tài liệu tập huấn an toàn lao động trước 18/12",
    ["Trần Thị Mai", "Lê Hoàng Nam"],
    "chuẩn bị tài liệu tập huấn an toàn lao động",
    "2026-12-18T17:00+07:00",
  ),
  add(
    "@Phạm Thị Thu Hà ơi mai gửi chị bảng lương nhé",
    ["Phạm Thị Thu Hà"],
    "gửi bảng lương",
    "2026-12-03T17:00+07:00",
  ),
  add(
    "giao @Đặng Minh Châu và @Ngô Thanh Tùng khảo sát mặt bằng chi nhánh mới trong tuần sau",
    ["Đặng Minh Châu", "Ngô Thanh Tùng"],
    "khảo sát mặt bằng chi nhánh mới",
    "2026-12-11T17:00+07:00",
  ),
  add(
    "@Minh @Hà @Quang họp chuẩn bị hội nghị lúc 14h thứ 5",
    ["Minh", "Hà", "Quang"],
    "họp chuẩn bị hội nghị",
    "2026-12-03T14:00+07:00",
  ),
  add("@Nguyễn Hoàng Long Trước thứ 6 gửi báo cáo", ["Nguyễn Hoàng Long"], "gửi báo cáo", "2026-12-04T17:00+07:00"),
  add("@Trần Minh kiểm tra hợp đồng", ["Trần Minh"], "kiểm tra hợp đồng"),
  add("@Minh Trần kiểm tra hợp đồng", ["Minh Trần"], "kiểm tra hợp đồng"),
  add(
    "@Phạm Thị Thu Hà, chị gửi em bản nháp công văn trước 3h chiều nhé",
    ["Phạm Thị Thu Hà"],
    "gửi bản nháp công văn",
    "2026-12-02T15:00+07:00",
  ),
  add(
    "Chị @Vũ Thị Lan Hương ơi, em nhờ chị ký duyệt đề xuất mua laptop trước thứ 4 ạ",
    ["Vũ Thị Lan Hương"],
    "ký duyệt đề xuất mua laptop",
    "2026-12-09T17:00+07:00",
  ),
  add("@Trương Mỹ Lan gửi hợp đồng", ["Trương Mỹ Lan"], "gửi hợp đồng"),
  add(
    "@Hà Nguyễn soạn thông báo tuyển dụng trước thứ 6",
    ["Hà Nguyễn"],
    "soạn thông báo tuyển dụng",
    "2026-12-04T17:00+07:00",
  ),
  add(
    "@Lan, @Minh: họp online với khách lúc 3h chiều mai",
    ["Lan", "Minh"],
    "họp online với khách",
    "2026-12-03T15:00+07:00",
  ),
  add(
    "giao @Lê Thị Bích Ngọc @Trịnh Công Sơn kiểm kê kho cuối tháng",
    ["Lê Thị Bích Ngọc", "Trịnh Công Sơn"],
    "kiểm kê kho",
    "2026-12-31T17:00+07:00",
  ),
  add(
    "@Bảo Ngọc thiết kế thiệp mời tất niên trước 18/12 nhé",
    ["Bảo Ngọc"],
    "thiết kế thiệp mời tất niên",
    "2026-12-18T17:00+07:00",
  ),
  add("@Ngọc thiết kế thiệp mời", ["Ngọc"], "thiết kế thiệp mời"),
  add(
    "@Đinh Văn Đức ơi gửi giúp anh bảng dự toán trước 10/12",
    ["Đinh Văn Đức"],
    "gửi bảng dự toán",
    "2026-12-10T17:00+07:00",
  ),
  add(
    "@Lý Gia Hân liên hệ báo giá in ấn, hạn thứ 6 tuần sau",
    ["Lý Gia Hân"],
    "liên hệ báo giá in ấn",
    "2026-12-11T17:00+07:00",
  ),
  add(
    "@Tôn Nữ Hoài Thương chuẩn bị hồ sơ xin visa cho sếp trước 20/12",
    ["Tôn Nữ Hoài Thương"],
    "chuẩn bị hồ sơ xin visa cho sếp",
    "2026-12-20T17:00+07:00",
  ),
  add("@Mai Anh Tuấn nộp bảng kê trước thứ 5", ["Mai Anh Tuấn"], "nộp bảng kê", "2026-12-03T17:00+07:00"),
  add("@Mai nộp bảng kê trước thứ 5", ["Mai"], "nộp bảng kê", "2026-12-03T17:00+07:00"),
  add(
    "@Hùng 9h sáng mai đón khách ở sân bay Nội Bài",
    ["Hùng"],
    "đón khách ở sân bay Nội Bài",
    "2026-12-03T09:00+07:00",
  ),
];
