/**
 * The words that say what to do with a task the message names, found anywhere in the message: staff reply "dạ em
 * nhận ạ #4", "vâng, #2 em làm xong rồi", "#8 is finished", "lùi deadline #2 sang thứ 5". When several appear, the
 * stronger one wins: a deadline change, then remind, cancel, reopen, rename, people, done, acknowledge, show. A
 * "done" or "ok" after "chưa", "sẽ", "not" … does not count ("#6 chưa xong", "nhận #5, em sẽ xong trước thứ 6").
 */
import type { AssignMode } from "./command-table.js";
import type { Message } from "./message.js";
import { inRef } from "./message.js";
import type { CommandName } from "./types.js";
import { phraseAt, phraseTable, type Word } from "./words.js";

export type VerbClass = CommandName | "dueCue";

interface VerbEntry {
  phrase: string;
  command: VerbClass;
  mode?: AssignMode;
  /** A people verb that means nothing else ("giao lại"): without a person, the person is missing. */
  onlyPeople?: boolean;
  /** An answer word ("ok", "dạ") that gives way to any other reading. */
  weak?: boolean;
}

const entries = (command: VerbClass, phrases: string, mode?: AssignMode, onlyPeople = false, weak = false) =>
  phrases.split("|").map(
    (phrase): VerbEntry => ({
      phrase,
      command,
      ...(mode ? { mode } : {}),
      ...(onlyPeople ? { onlyPeople } : {}),
      ...(weak ? { weak } : {}),
    }),
  );

const TABLE: VerbEntry[] = [
  ...entries("edit", "doi ten|sua ten|dat lai ten|rename|retitle|edit"),
  ...entries(
    "due",
    "xin gia han|gia han|doi han|doi deadline|doi ngay|doi hen|lui han|lui deadline|lui lai|lui|day deadline|day|hoan|doi|chuyen han|sua han|extend|postpone|push|move|delay|reschedule|bump|change the due date|change the deadline|change due|set due",
  ),
  ...entries("dueCue", "han chot|han|deadline|dl|due"),
  ...entries("remind", "nhac lai|nhac nho|nhac|remind me about|remind me of|remind me|remind"),
  ...entries("cancel", "huy bo|huy|xoa|khong can lam nua|khong can nua|no longer needed|cancel|delete|drop"),
  ...entries("reopen", "mo lai|lam lai|reopen|re-open|undo done"),
  ...entries("assign", "giao lai|chuyen giao|reassign|hand over", "replace", true),
  ...entries("assign", "chuyen|give|cho|giao|assign", "replace"),
  ...entries("assign", "them nguoi", "add", true),
  ...entries("assign", "them|bo sung|add", "add"),
  ...entries("assign", "loai|rut|unassign", "remove", true),
  ...entries("assign", "bo|remove", "remove"),
  ...entries("done", "hoan thanh|hoan tat|ket thuc|xong|xog|done|finished|finish|completed|complete"),
  ...entries(
    "ack",
    "nhan viec|da nhan|nhan|ack|got it|noted|acknowledged|acknowledge|accepted|accept|will do|i'll take|is mine|roger|se lam",
  ),
  // Answers that take a task only when nothing else is said: "ok #6", "dạ #4", but "ok #6 em làm xong rồi" is done.
  ...entries("ack", "on it|ok|oke|okie|okay|da|vang", undefined, false, true),
  ...entries("show", "xem|chi tiet|thong tin|show|view|details|detail|info|status"),
];
const VERB_TABLE = phraseTable(TABLE.map((e): [string, VerbEntry] => [e.phrase, e]));

/** Spellings that keep a folded verb from matching a content word ("hoãn" not "hoàn", "bỏ" not "bộ"). */
const SPELLED: Record<string, RegExp> = {
  hoan: /^hoãn$|^hoan$/i,
  bo: /^bỏ$|^bo$/i,
  day: /^đẩy$|^day$/i,
  lui: /^lùi$|^lui$/i,
  nhan: /^nhận$|^nhan$/i,
  han: /^hạn$|^han$/i,
  da: /^dạ$/i,
  vang: /^vâng$/i,
  xoa: /^xóa$|^xoá$|^xoa$/i,
  huy: /^hủy$|^huỷ$|^huy$/i,
  cho: /^cho$/i,
  doi: /^dời$|^đổi$|^doi$/i,
};
const VIETNAMESE_ONLY = new Set(["day", "hoan", "lui", "doi", "han", "da", "vang", "bo", "cho", "nhan"]);
const NEGATION = /^(?:chua|khong|ko|k|chang|sap|se|dang|not|isnt|wasnt|arent)$/;

export interface VerbHit extends VerbEntry {
  /** Word indexes [first, end). */
  first: number;
  end: number;
  negated: boolean;
}

function spelledAt(words: Word[], i: number, phrase: string, vietnamese: boolean): boolean {
  if (phrase.includes(" ")) return true;
  if (VIETNAMESE_ONLY.has(phrase) && !vietnamese) return false;
  const re = SPELLED[phrase];
  return !re || re.test((words[i] as Word).core);
}

/** Every verb of the table in the message, outside the task reference, longest match at each word. */
export function taskVerbHits(msg: Message): VerbHit[] {
  const { words } = msg;
  const hits: VerbHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (inRef(msg, i)) continue;
    const found = phraseAt(VERB_TABLE, words, i, (e) => spelledAt(words, i, e.phrase, msg.fillers.vietnamese));
    if (!found) continue;
    const [hit, n] = [found.value, found.length];
    const before = [words[i - 1]?.key, words[i - 2]?.key].map((k) => (k ?? "").replace(/'/g, ""));
    const negated = before.some((k) => NEGATION.test(k));
    hits.push({ ...hit, first: i, end: i + n, negated });
    i += n - 1;
  }
  return hits;
}

const PRIORITY: VerbClass[] = ["due", "remind", "cancel", "reopen", "edit", "assign", "done", "ack", "show"];
const STRONG_ACK = (h: VerbHit) => h.command === "ack" && !h.weak && !h.negated;

/**
 * The verb that decides the command: the strongest class, the first of it. A people verb counts with a person, or
 * when it means nothing else ("giao lại #12" lacks the person); "bỏ #7 đi" without one drops the task.
 */
export function strongestVerb(hits: VerbHit[], hasMention: boolean): VerbHit | null {
  const read = hits.map((h): VerbHit => (h.phrase === "bo" && !hasMention ? { ...h, command: "cancel" } : h));
  for (const cls of PRIORITY) {
    // "#6 chưa xong ạ", "#2 not done yet, still working on it": about the task, not an answer to it.
    if (cls === "ack" && !read.some(STRONG_ACK) && read.some((h) => h.command === "done" && h.negated)) return null;
    const hit = read.find((h) => {
      if (h.command !== cls) return false;
      if ((cls === "done" || cls === "ack") && h.negated) return false;
      return cls !== "assign" || hasMention || h.onlyPeople;
    });
    if (hit) return hit;
  }
  return null;
}

/** "gửi rồi", "nộp rồi ạ": the person reports the work sent, which is done. */
export function reportsDone(msg: Message): boolean {
  return /(?<![a-z])(?:gui|nop|lam|xu ly|hoan thien|ky|duyet|send|sent|submitted)\s+(?:xong\s+)?(?:roi|r)(?![a-z])/.test(
    msg.blankedFolded,
  );
}
