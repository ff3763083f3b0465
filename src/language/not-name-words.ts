/**
 * Capitalised words that end a typed name rather than continue it: the verbs a task title usually starts with,
 * deadline and command words, particles, and English function words. Compared as typed (lower-cased), so the
 * verb "hủy" never stops the name "Huy", nor "tuần" the name "Tuấn". A word typed without diacritics is compared
 * folded, except the folded forms that are also name syllables (Tuan, Huy, Dung, Lam, Minh, Han, Mai …).
 */
import { fold } from "./fold.js";

const VIETNAMESE = `nộp gửi soạn làm viết chuẩn kiểm rà cập xử họp báo tổng đặt mua chốt duyệt gọi xem sửa in check
review update thiết dịch lập trình tính ký giao nhận tạo thêm hủy huỷ mở đổi đẩy lùi hoãn dùng phối tổ theo lên thay
sắp dọn photo scan trả rút chuyển nhắc hỏi đưa mang tham tiếp hỗ ghi gõ cài nâng điều thông hoàn tìm đi`;
const CUES = `trước hạn deadline dl hôm ngày tuần tháng năm quý sáng chiều tối trưa lúc vào trong đến sau cuối đầu gấp
thứ chủ cn mùng mồng rằm tết ơi nhé nha ạ nhỉ với nhờ phiền giúp giùm làm ơn vui lòng em chị mình tôi bạn cho và
của việc số task`;
const ENGLISH = `please pls can could would will you i we my our your the a an to and or is are do does what when who how why
before by due deadline today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday next this
send prepare write review update check call fix book draft finish submit make get print email schedule share create
add set clean order ship reply renew collect translate organise organize back follow pay confirm plan arrange sign
approve buy meet visit ask tell remind file contact find read test deploy move push cancel done hi hey thanks asap
urgent kindly need let`;

const TYPED = new Set(`${VIETNAMESE} ${CUES} ${ENGLISH}`.split(/\s+/).filter(Boolean));
/** Folded spellings that are also Vietnamese name syllables: typed without diacritics they may be a name. */
const NAME_SYLLABLES = new Set(
  `tuan thang quy huy dung lam minh han nhan trinh tinh ky viet lien giao chi nhi long luc trong chu mong bao dat
  dang ho tham thong thu sang mai hoan toan tien`.split(/\s+/),
);
const UNACCENTED = new Set([...TYPED].map(fold).filter((w) => !NAME_SYLLABLES.has(w)));

/** Whether a capitalised word after a typed name ends the name. */
export function endsName(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === fold(lower) ? UNACCENTED.has(lower) : TYPED.has(lower);
}
