/** Vietnamese rhythms, with and without diacritics; see recurring-case.ts for the conventions. */
import { at, type RecurringCase, repeat } from "./recurring-case.js";

const FRI_16 = at("16:00", "2026-12-04", "2026-12-11", "2026-12-18");
const FRI_17 = at("17:00", "2026-12-04", "2026-12-11", "2026-12-18");
const MON_9 = at("09:00", "2026-12-07", "2026-12-14", "2026-12-21");
const MON_8 = at("08:00", "2026-12-07", "2026-12-14", "2026-12-21");
const THU_14 = at("14:00", "2026-12-03", "2026-12-10", "2026-12-17");
const MON_THU_9 = at("09:00", "2026-12-03", "2026-12-07", "2026-12-10");
const WORKDAYS_915 = at("09:15", "2026-12-03", "2026-12-04", "2026-12-07");
const DAILY_17 = at("17:00", "2026-12-02", "2026-12-03", "2026-12-04");
const DAILY_830 = at("08:30", "2026-12-03", "2026-12-04", "2026-12-07");
const FORTNIGHT_FRI = at("17:00", "2026-12-04", "2026-12-18", "2026-12-31");
const DAY_25 = at("17:00", "2026-12-25", "2027-01-25", "2027-02-25");
const DAY_10 = at("17:00", "2026-12-10", "2027-01-08", "2027-02-04");
const DAY_5 = at("17:00", "2026-12-04", "2027-01-05", "2027-02-04");
const DAY_1 = at("17:00", "2026-12-31", "2027-02-01", "2027-03-01");
const MONTH_END = at("17:00", "2026-12-31", "2027-01-29", "2027-02-26");
const FIRST_MON_9 = at("09:00", "2026-12-07", "2027-01-04", "2027-02-01");
const LAST_FRI_15 = at("15:00", "2026-12-25", "2027-01-29", "2027-02-26");
const QUARTER_10 = at("17:00", "2027-01-08", "2027-04-09", "2027-07-09");
const QUARTER_END = at("17:00", "2026-12-31", "2027-03-31", "2027-06-30");
const DEC_31 = at("17:00", "2026-12-31", "2027-12-31", "2028-12-29");
const JAN_15 = at("17:00", "2027-01-15", "2028-01-14", "2029-01-15");
const LUNAR_1_15 = at("17:00", "2026-12-09", "2026-12-23", "2027-01-08");
const LUNAR_15 = at("17:00", "2026-12-23", "2027-01-22", "2027-02-19");
const LUNAR_1 = at("17:00", "2026-12-09", "2027-01-08", "2027-02-04");

export const RECURRING_VI: RecurringCase[] = [
  // Every Friday at 16:00.
  repeat("giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần", ["Lan"], "nộp báo cáo tuần", FRI_16),
  repeat("@Minh gửi tổng hợp tuần 16h thứ sáu hàng tuần", ["Minh"], "gửi tổng hợp tuần", FRI_16),
  repeat("giao @Hà nop bao cao tuan truoc 16h thu 6 hang tuan", ["Hà"], "nop bao cao tuan", FRI_16),
  repeat("@Quang cập nhật tiến độ dự án vào 16h thứ 6 hàng tuần nhé", ["Quang"], "cập nhật tiến độ dự án", FRI_16),
  repeat("hằng tuần vào thứ 6 lúc 16h @Tuấn gửi báo cáo công nợ", ["Tuấn"], "gửi báo cáo công nợ", FRI_16),
  repeat("@Mai chốt số liệu bán hàng mỗi thứ 6 lúc 16:00", ["Mai"], "chốt số liệu bán hàng", FRI_16),
  repeat("@Linh gui bao cao moi thu 6 luc 16h", ["Linh"], "gui bao cao", FRI_16),
  repeat("giao @Thảo tổng hợp chấm công 16h00 thứ 6 hằng tuần", ["Thảo"], "tổng hợp chấm công", FRI_16),
  repeat("@Hùng nộp nhật ký công trình trước 16 giờ thứ Sáu hàng tuần", ["Hùng"], "nộp nhật ký công trình", FRI_16),
  repeat("tạo việc kiểm tra hồ sơ mỗi thứ 6 16h @Trang", ["Trang"], "kiểm tra hồ sơ", FRI_16),
  // Every Friday, end of the working day.
  repeat("@Đức dọn kho thứ 6 hằng tuần", ["Đức"], "dọn kho", FRI_17),
  repeat("@Phúc chiều thứ 6 hàng tuần tổng vệ sinh văn phòng", ["Phúc"], "tổng vệ sinh văn phòng", FRI_17),
  repeat("@Khánh gửi bảng kê mỗi thứ sáu", ["Khánh"], "gửi bảng kê", FRI_17),
  repeat("@Dũng chot so quy thu 6 hang tuan", ["Dũng"], "chot so quy", FRI_17),
  repeat("giao @Lan rà soát hợp đồng hằng tuần vào thứ 6", ["Lan"], "rà soát hợp đồng", FRI_17),
  // Every Monday at 09:00 ("sáng" alone is 09:00).
  repeat("@Hoa báo cáo mỗi sáng thứ 2", ["Hoa"], "báo cáo", MON_9),
  repeat("@Minh họp giao ban 9h sáng thứ 2 hàng tuần", ["Minh"], "họp giao ban", MON_9),
  repeat("@Nam kiểm tra email khách hàng mỗi thứ hai lúc 9h", ["Nam"], "kiểm tra email khách hàng", MON_9),
  repeat("@Thảo hop giao ban moi sang thu 2", ["Thảo"], "hop giao ban", MON_9),
  repeat("@Bảo Ngọc lên kế hoạch tuần sáng thứ hai hằng tuần", ["Bảo Ngọc"], "lên kế hoạch tuần", MON_9),
  repeat("giao @Tuấn Anh 9h thứ 2 hàng tuần cập nhật bảng theo dõi", ["Tuấn Anh"], "cập nhật bảng theo dõi", MON_9),
  repeat("@Linh gửi lịch công tác tuần vào sáng thứ 2 hàng tuần ạ", ["Linh"], "gửi lịch công tác tuần", MON_9),
  repeat("@Mai 9h mỗi thứ 2 kiểm quỹ", ["Mai"], "kiểm quỹ", MON_9),
  // Every Monday at 08:00.
  repeat("@Lan họp giao ban 8h sáng thứ 2 hàng tuần", ["Lan"], "họp giao ban", MON_8),
  repeat("@Quang 8h thứ 2 hằng tuần chuẩn bị phòng họp", ["Quang"], "chuẩn bị phòng họp", MON_8),
  repeat("@Đức mở kho 8h mỗi thứ 2", ["Đức"], "mở kho", MON_8),
  repeat("@Hà hop giao ban 8h sang thu 2 hang tuan", ["Hà"], "hop giao ban", MON_8),
  repeat("giao @Hùng 8 giờ sáng thứ hai hằng tuần kiểm tra xe", ["Hùng"], "kiểm tra xe", MON_8),
  // Every Thursday at 14:00.
  repeat("@Hùng họp kỹ thuật 14h thứ 5 hàng tuần", ["Hùng"], "họp kỹ thuật", THU_14),
  repeat("@Trang 2h chiều thứ năm hằng tuần họp với đối tác", ["Trang"], "họp với đối tác", THU_14),
  repeat("@Khánh 14:00 mỗi thứ 5 cập nhật tồn kho", ["Khánh"], "cập nhật tồn kho", THU_14),
  repeat("@Dũng hop ky thuat 14h thu 5 hang tuan", ["Dũng"], "hop ky thuat", THU_14),
  // Mondays and Thursdays at 09:00.
  repeat("@Lan kiểm tra kho 9h thứ 2 và thứ 5 hằng tuần", ["Lan"], "kiểm tra kho", MON_THU_9),
  repeat("@Minh 9h thu 2 va thu 5 hang tuan tuoi cay", ["Minh"], "tuoi cay", MON_THU_9),
  repeat("@Phúc sao lưu dữ liệu 9h mỗi thứ 2, thứ 5", ["Phúc"], "sao lưu dữ liệu", MON_THU_9),
  repeat("@Hoa họp nhóm 9h sáng thứ hai và thứ năm hàng tuần", ["Hoa"], "họp nhóm", MON_THU_9),
  // Every working day at 09:15.
  repeat("@Lan điểm danh 9h15 mỗi ngày làm việc", ["Lan"], "điểm danh", WORKDAYS_915),
  repeat("@Hà 9h15 các ngày làm việc trong tuần đọc hộp thư góp ý", ["Hà"], "đọc hộp thư góp ý", WORKDAYS_915),
  repeat("@Nam kiem tra don hang 9h15 moi ngay lam viec", ["Nam"], "kiem tra don hang", WORKDAYS_915),
  repeat("@Quang họp nhanh 9h15 từ thứ 2 đến thứ 6 hàng tuần", ["Quang"], "họp nhanh", WORKDAYS_915),
  repeat("@Tuấn trực tổng đài 9:15 tất cả các ngày làm việc", ["Tuấn"], "trực tổng đài", WORKDAYS_915),
  // Daily, at the end of the working day (days off left out).
  repeat("@Lan cập nhật sổ quỹ hằng ngày", ["Lan"], "cập nhật sổ quỹ", DAILY_17),
  repeat("@Minh gửi báo cáo doanh thu mỗi ngày", ["Minh"], "gửi báo cáo doanh thu", DAILY_17),
  repeat("@Thảo cap nhat so quy hang ngay", ["Thảo"], "cap nhat so quy", DAILY_17),
  repeat("@Mai hằng ngày tổng hợp đơn hàng", ["Mai"], "tổng hợp đơn hàng", DAILY_17),
  repeat("@Linh ghi nhật ký công việc hàng ngày nhé", ["Linh"], "ghi nhật ký công việc", DAILY_17),
  // Daily at 08:30.
  repeat("@Tuấn mở cửa văn phòng 8h30 hằng ngày", ["Tuấn"], "mở cửa văn phòng", DAILY_830),
  repeat("@Đức kiểm tra máy chủ 8:30 mỗi ngày", ["Đức"], "kiểm tra máy chủ", DAILY_830),
  repeat("@Hùng mo cua kho 8h30 hang ngay", ["Hùng"], "mo cua kho", DAILY_830),
  // Every other Friday.
  repeat("@Lan họp tổng kết 2 tuần một lần vào thứ 6", ["Lan"], "họp tổng kết", FORTNIGHT_FRI),
  repeat("@Minh cách tuần vào thứ 6 báo cáo tiến độ", ["Minh"], "báo cáo tiến độ", FORTNIGHT_FRI),
  repeat("@Hà thứ 6, hai tuần một lần gửi bản tin nội bộ", ["Hà"], "gửi bản tin nội bộ", FORTNIGHT_FRI),
  repeat("@Khánh hop du an 2 tuan 1 lan vao thu 6", ["Khánh"], "hop du an", FORTNIGHT_FRI),
  // The 25th of each month.
  repeat("ngày 25 hàng tháng nộp bảng chấm công @Lan", ["Lan"], "nộp bảng chấm công", DAY_25),
  repeat("@Minh nộp bảng chấm công ngày 25 hằng tháng", ["Minh"], "nộp bảng chấm công", DAY_25),
  repeat("@Hà hang thang ngay 25 nop cham cong", ["Hà"], "nop cham cong", DAY_25),
  repeat("@Quang nộp hóa đơn điện nước trước ngày 25 mỗi tháng", ["Quang"], "nộp hóa đơn điện nước", DAY_25),
  repeat("@Mai 25 hàng tháng đối chiếu công nợ", ["Mai"], "đối chiếu công nợ", DAY_25),
  repeat("giao @Trang hàng tháng vào ngày 25 gửi bảng lương", ["Trang"], "gửi bảng lương", DAY_25),
  repeat("@Phúc thu tiền thuê nhà vào ngày 25 hàng tháng", ["Phúc"], "thu tiền thuê nhà", DAY_25),
  // The 10th of each month (January's falls on a Sunday, February's in the Tết break).
  repeat("@Lan nộp thuế ngày 10 hàng tháng", ["Lan"], "nộp thuế", DAY_10),
  repeat("@Minh kê khai thuế trước ngày 10 hằng tháng", ["Minh"], "kê khai thuế", DAY_10),
  repeat("@Hùng ngay 10 hang thang ke khai thue", ["Hùng"], "ke khai thue", DAY_10),
  repeat("@Dũng mỗi tháng ngày 10 nộp báo cáo thống kê", ["Dũng"], "nộp báo cáo thống kê", DAY_10),
  // The 5th of each month.
  repeat("@Hoa trả lương ngày 5 hàng tháng", ["Hoa"], "trả lương", DAY_5),
  repeat("@Thảo chuyen luong ngay 5 hang thang", ["Thảo"], "chuyen luong", DAY_5),
  // The 1st of each month (New Year's Day moves to 31/12).
  repeat("@Lan lập kế hoạch tháng ngày 1 hàng tháng", ["Lan"], "lập kế hoạch tháng", DAY_1),
  repeat("@Nam gửi lịch trực ngày 1 hằng tháng", ["Nam"], "gửi lịch trực", DAY_1),
  // The last (working) day of each month.
  repeat("@Minh chốt sổ cuối mỗi tháng", ["Minh"], "chốt sổ", MONTH_END),
  repeat("@Lan chấm công ngày làm việc cuối cùng của mỗi tháng", ["Lan"], "chấm công", MONTH_END),
  repeat("@Hà khóa sổ kế toán ngày cuối cùng hàng tháng", ["Hà"], "khóa sổ kế toán", MONTH_END),
  repeat("@Quang kiểm kê cuối tháng hàng tháng", ["Quang"], "kiểm kê", MONTH_END),
  repeat("@Tuấn chot so cuoi moi thang", ["Tuấn"], "chot so", MONTH_END),
  repeat("@Mai nộp báo cáo tháng vào ngày làm việc cuối cùng hàng tháng", ["Mai"], "nộp báo cáo tháng", MONTH_END),
  // The first Monday and the last Friday of each month.
  repeat("@Lan họp toàn công ty 9h thứ 2 đầu tiên của mỗi tháng", ["Lan"], "họp toàn công ty", FIRST_MON_9),
  repeat("@Minh 9h thứ hai đầu tiên hàng tháng họp phòng", ["Minh"], "họp phòng", FIRST_MON_9),
  repeat("@Hùng sinh nhật tập thể 15h thứ 6 cuối cùng hàng tháng", ["Hùng"], "sinh nhật tập thể", LAST_FRI_15),
  repeat("@Trang 15h thứ sáu cuối cùng của mỗi tháng liên hoan", ["Trang"], "liên hoan", LAST_FRI_15),
  // Quarterly.
  repeat("@Quang báo cáo quý trước ngày 10 tháng đầu quý", ["Quang"], "báo cáo quý", QUARTER_10),
  repeat("@Lan nộp báo cáo thuế ngày 10 tháng đầu mỗi quý", ["Lan"], "nộp báo cáo thuế", QUARTER_10),
  repeat("@Hà bao cao quy truoc ngay 10 thang dau quy", ["Hà"], "bao cao quy", QUARTER_10),
  repeat("@Khánh hạn ngày 10 tháng thứ nhất của quý nộp tờ khai", ["Khánh"], "nộp tờ khai", QUARTER_10),
  repeat("@Hà kiểm kê kho cuối mỗi quý", ["Hà"], "kiểm kê kho", QUARTER_END),
  repeat("@Đức kiem ke tai san cuoi moi quy", ["Đức"], "kiem ke tai san", QUARTER_END),
  // Yearly.
  repeat("@Lan quyết toán năm 31/12 hằng năm", ["Lan"], "quyết toán năm", DEC_31),
  repeat("@Minh gia hạn tên miền ngày 31/12 hàng năm", ["Minh"], "gia hạn tên miền", DEC_31),
  repeat("@Hoa gửi thiệp năm mới ngày 15/1 hàng năm", ["Hoa"], "gửi thiệp năm mới", JAN_15),
  repeat("@Phúc hằng năm vào ngày 15/1 rà soát nhân sự", ["Phúc"], "rà soát nhân sự", JAN_15),
  // Lunar.
  repeat("@Hà thắp hương mùng 1 và rằm hàng tháng", ["Hà"], "thắp hương", LUNAR_1_15),
  repeat("@Lan mua hoa quả cúng mùng 1 và rằm hằng tháng", ["Lan"], "mua hoa quả cúng", LUNAR_1_15),
  repeat("@Minh mung 1 va ram hang thang don ban tho", ["Minh"], "don ban tho", LUNAR_1_15),
  repeat("@Trang mồng 1 và rằm âm lịch hàng tháng mua hoa", ["Trang"], "mua hoa", LUNAR_1_15),
  repeat("@Khánh ngày 1 và 15 âm lịch hàng tháng dọn bàn thờ", ["Khánh"], "dọn bàn thờ", LUNAR_1_15),
  repeat("@Lan cúng rằm hàng tháng", ["Lan"], "cúng", LUNAR_15),
  repeat("@Hoa mua hoa mỗi rằm", ["Hoa"], "mua hoa", LUNAR_15),
  repeat("@Dũng ram hang thang thap huong", ["Dũng"], "thap huong", LUNAR_15),
  repeat("@Trang mùng 1 hàng tháng đi lễ chùa", ["Trang"], "đi lễ chùa", LUNAR_1),
  repeat("@Quang cúng mùng 1 hằng tháng", ["Quang"], "cúng", LUNAR_1),
  // With an end.
  repeat("@Lan chấm công ngày 25 hàng tháng đến hết 6/2027", ["Lan"], "chấm công", DAY_25),
  repeat("@Minh trực nhật thứ 6 hằng tuần đến hết 11/12/2026", ["Minh"], "trực nhật", FRI_17.slice(0, 2)),
  repeat("@Hà họp giao ban 8h thứ 2 hàng tuần đến hết tháng 12", ["Hà"], "họp giao ban", MON_8),
  // How days off are treated.
  repeat(
    "@Lan nộp thuế ngày 10 hàng tháng, gặp ngày nghỉ thì lùi sang ngày làm việc sau",
    ["Lan"],
    "nộp thuế",
    at("17:00", "2026-12-10", "2027-01-11", "2027-02-12"),
  ),
  repeat(
    "@Quang cúng mùng 1 hàng tháng, nghỉ Tết thì bỏ",
    ["Quang"],
    "cúng",
    at("17:00", "2026-12-09", "2027-01-08", "2027-03-08"),
  ),
  repeat(
    "@Lan báo cáo ngày 5 hàng tháng, ngày nghỉ thì bỏ",
    ["Lan"],
    "báo cáo",
    at("17:00", "2027-01-05", "2027-03-05", "2027-04-05"),
  ),
];
