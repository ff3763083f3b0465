/**
 * The topic of "trợ giúp <chủ đề>" / "help <topic>": every command by the words people use for it in either
 * language ("trợ giúp giao lại", "help reassign", "trợ giúp cài đặt", "help settings"), plus the channel's managers.
 * The longest phrase wins, so "giao lại" is the reassign topic and not "giao" (a new task).
 */
import type { HelpTopic } from "./types.js";

const TOPIC_WORDS: [HelpTopic, string][] = [
  ["add", "giao viec|giao|tao viec|tao|them viec|viec moi|add|new task|new|create|assign"],
  [
    "assign",
    "giao lai|chuyen giao|chuyen viec|chuyen|them nguoi|bo nguoi|doi nguoi|nguoi lam|reassign|hand over|unassign|assignees?",
  ],
  ["list", "danh sach viec|danh sach|ds|viec cua toi|viec cua|viec qua han|qua han|list|lists|my tasks|tasks|overdue"],
  ["show", "xem viec|xem|chi tiet|lich su|show|view|details?|history"],
  ["done", "hoan thanh|xong viec|xong|bao xong|done|finish|complete"],
  ["reopen", "mo lai|lam lai|reopen|re-open"],
  ["cancel", "huy viec|huy|xoa viec|xoa|cancel|delete"],
  ["due", "gia han|doi han|doi deadline|dời han|lui han|hoan han|han chot|deadline|han|due|extend|postpone|reschedule"],
  ["edit", "doi ten|sua ten|sua|rename|edit|retitle"],
  ["ack", "nhan viec|nhan|xac nhan|ack|got it|acknowledge|accept"],
  ["status", "tinh hinh|thong ke|tien do|status|stats|progress"],
  ["summary", "bao cao tuan|tong ket tuan|tong ket|bao cao|summary|weekly report|weekly summary|report"],
  [
    "settings",
    "cai dat|thiet lap|cau hinh|ngay nghi|ngay lam viec|lam bu|gio ket thuc|mui gio|ngon ngu|settings?|config|days? off|working days|workdays|time zone|timezone|language",
  ],
  ["help", "tro giup|giup do|giup|huong dan|help"],
  ["remind", "nhac viec|nhac lai|nhac|hen nhac|remind(?:ers?)?"],
  ["export", "xuat bao cao|xuat file|xuat|excel|csv|xlsx|export"],
  ["snooze", "hoan nhac|nhac lai sau|bao lai sau|snooze"],
  ["undo", "hoan tac|undo"],
  ["units", "don vi|co cau to chuc|co cau|kenh tong hop|units?|org chart|roll-?up channel"],
  ["unit_leaders", "lanh dao|leaders?"],
  ["rollup", "tinh hinh cac don vi|tong hop|status of units|rollup|roll-up"],
  ["dashboard", "bang dieu khien|dashboard"],
  ["signout", "dang xuat|sign out|log out"],
  ["repeat", "viec dinh ky|dinh ky|lap lai|hang tuan|hang thang|recurring|repeat|every"],
  ["series", "dung lap|tam dung|bo qua lan toi|skip next|pause|resume"],
  ["delete_data", "xoa du lieu|xoa het du lieu|delete data|erase data|delete workspace data"],
  ["managers", "quan ly kenh|quan ly|nguoi quan ly|phan quyen|quyen|managers?|permissions?|who can"],
];

const LEAD = /^(?:(?:ve|lenh|cach|cho|on|about|with|for|the|command|topic)\s+)*/;

const MATCHERS = TOPIC_WORDS.flatMap(([topic, words]) =>
  words.split("|").map((phrase) => ({ topic, re: new RegExp(`^(?:${phrase})(?![a-z0-9])`), length: phrase.length })),
).sort((a, b) => b.length - a.length);

/** The topic the folded words after "trợ giúp"/"help" name; null when they name none (the overview is shown). */
export function helpTopicOf(folded: string): HelpTopic | null {
  const words = folded
    .trim()
    .replace(/[?!.:]+$/, "")
    .replace(LEAD, "");
  if (!words) return null;
  return MATCHERS.find((m) => m.re.test(words))?.topic ?? null;
}
