/**
 * The command words, Vietnamese and English, in folded form. Matched in order at the
 * start of a message, so longer phrases come first ("giao lại" before "giao").
 */
import type { Locale } from "../locale.js";
import type { CommandName, ListFilter } from "./types.js";

export type AssignMode = "replace" | "add" | "remove";

export interface Verb {
  re: RegExp;
  command: CommandName;
  locale: Locale;
  filter?: ListFilter;
  assignMode?: "replace" | "add" | "remove";
}

function v(words: string, command: CommandName, locale: Locale, extra: Partial<Verb> = {}): Verb {
  return { re: new RegExp(`^(?:${words})(?![a-z0-9])`), command, locale, ...extra };
}

export const VERBS: Verb[] = [
  v("tro giup|giup do|giup|huong dan|cach dung|lam sao de|lam the nao de", "help", "vi"),
  v("help|\\?|how do i|how can i|how to|commands", "help", "en"),
  v("cai dat|thiet lap|cau hinh", "settings", "vi"),
  v("settings?|config|configure|set", "settings", "en"),
  v("xuat bao cao|xuat file|xuat", "export", "vi"),
  v("export", "export", "en"),
  v("tong ket tuan|tong ket|bao cao tuan|bao cao", "summary", "vi"),
  v("weekly summary|weekly report|summary|report", "summary", "en"),
  v("thong ke|tinh hinh|tien do", "status", "vi"),
  v("status|stats", "status", "en"),
  v("viec toi giao|viec da giao|toi da giao|da giao", "list", "vi", { filter: "created" }),
  v("tasks i assigned|tasks i created|assigned by me|created by me|i assigned", "list", "en", { filter: "created" }),
  v("viec cua toi|viec toi|cua toi", "list", "vi", { filter: "mine" }),
  v("my tasks|my task|mine|my", "list", "en", { filter: "mine" }),
  v("viec cua|cua", "list", "vi", { filter: "assignee" }),
  v("tasks of|tasks for|tasks assigned to", "list", "en", { filter: "assignee" }),
  v("(?:danh sach |viec )?(?:qua han|tre han)", "list", "vi", { filter: "overdue" }),
  v("(?:list |tasks )?overdue(?: tasks)?", "list", "en", { filter: "overdue" }),
  v("(?:danh sach |viec )?(?:han |het han |den han )?hom nay", "list", "vi", { filter: "today" }),
  v("(?:list |tasks )?(?:due )?today", "list", "en", { filter: "today" }),
  v("(?:danh sach |viec )?(?:han )?tuan nay", "list", "vi", { filter: "week" }),
  v("(?:list |tasks )?(?:due )?this week", "list", "en", { filter: "week" }),
  v("(?:danh sach |viec )?da (?:xong|hoan thanh)", "list", "vi", { filter: "done" }),
  v("(?:list |tasks )?(?:done|completed|finished) tasks|list done|list completed", "list", "en", { filter: "done" }),
  v("danh sach|tat ca|ds", "list", "vi", { filter: "open" }),
  v("list|all tasks|all|tasks|open tasks|open", "list", "en", { filter: "open" }),
  v("xem|chi tiet|thong tin", "show", "vi"),
  v("show|view|details?|info", "show", "en"),
  v("hoan thanh|hoan tat|xong|da xong|ket thuc", "done", "vi"),
  v("done|finish(?:ed)?|complete(?:d)?|close|mark done", "done", "en"),
  v("mo lai|lam lai|mo", "reopen", "vi"),
  v("reopen|re-open|undo done", "reopen", "en"),
  v("huy bo|huy|xoa", "cancel", "vi"),
  v("cancel|delete|remove task|drop", "cancel", "en"),
  v("gia han|doi han|doi deadline|doi ngay|doi hen|lui han|doi han chot", "due", "vi"),
  v("due|extend|postpone|reschedule|change due|move due|set due", "due", "en"),
  v("giao lai|chuyen giao|chuyen", "assign", "vi", { assignMode: "replace" }),
  v("reassign|hand over", "assign", "en", { assignMode: "replace" }),
  v("them nguoi|bo sung", "assign", "vi", { assignMode: "add" }),
  v("bo|loai|rut", "assign", "vi", { assignMode: "remove" }),
  v("unassign|remove", "assign", "en", { assignMode: "remove" }),
  v("doi ten|sua ten|sua|dat lai ten", "edit", "vi"),
  v("rename|edit|retitle", "edit", "en"),
  v("nhan viec|da nhan|nhan|ok nhan", "ack", "vi"),
  v("got it|ack|acknowledge|accept|on it", "ack", "en"),
  v("nhac lai|nhac nho|nhac", "remind", "vi"),
  v("remind(?: me)?", "remind", "en"),
  v("tao viec|tao|them viec|them|giao viec|giao|viec moi", "add", "vi"),
  v("task add|add|new|create|assign", "add", "en"),
];
