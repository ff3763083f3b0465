/**
 * Questions that ask for a list: "còn việc nào quá hạn không?", "ds việc hôm nay", "hôm nay có gì phải nộp",
 * "việc của mình", "anything overdue?", "what's on my plate". A message is a list question when every word is a
 * filter word ("quá hạn", "hôm nay", "của em"), a question or list word ("còn", "gì", "ds", "what", "tasks") or a
 * filler, and it has at least one filter or list word. One word of anything else ("hôm nay phải nộp báo cáo") and it
 * is not a question but a task.
 */
import type { Message } from "./message.js";
import type { ListFilter } from "./types.js";
import { phraseAt, phraseTable } from "./words.js";

const FILTERS: [ListFilter, string][] = [
  [
    "created",
    "toi da giao|toi giao|minh da giao|minh giao|em da giao|em giao|anh da giao|anh giao|chi da giao|chi giao|da giao|did i assign|i assigned|i assign|assigned by me|i created|created by me",
  ],
  ["overdue", "qua han|tre han|tre deadline|bi tre|tre|overdue|late|past due"],
  ["week", "tuan nay|trong tuan|this week|sap den han|sap toi han|sap het han|due soon|coming up"],
  ["today", "hom nay|hnay|h nay|today|nay"],
  ["done", "da hoan thanh|hoan thanh|da xong|xong roi|xong|done|completed|finished|complete"],
  ["mine", "cua toi|cua em|cua minh|cua anh|cua chi|cua e|cua a|cua c|em co|toi co|minh co|my|mine"],
  ["open", "chua hoan thanh|chua xong|chua lam|dang mo|con lai|tat ca|open|pending|all"],
];
const LIST_WORDS = "ds|danh sach|list|tasks|task";
const NOISE =
  `${LIST_WORDS}|viec|cong viec|nhung|cac|nao|gi|co|con|khong|ko|k|chua|nua|dang|phai|can|lam|nop|roi|r|vay|the
|nhi|xem|cho|xin|hien tai|hien|moi|gio|den han|het han|han|ai|nguoi|la|sao|ra sao|the nao|a|nhe|nha|oi|voi|ha|da|vang
|em|anh|chi|minh|toi|e|c|ban|what's|whats|what|is|are|do|does|did|we|i|have|has|got|any|anything|which|on|plate|due
|to|get|me|us|there|of|working|s|show|about|the|please|pls|cua|dang co|who's|whos|who|thi|right now|now|currently
|at the moment|bay gio|hien gio|hien nay`.replace(/\n/g, "");

const LIST_WORD_SET = new Set(LIST_WORDS.split("|"));
type Entry = ListFilter | "noise";
const TABLE = phraseTable<Entry>([
  ...FILTERS.flatMap(([filter, phrases]) => phrases.split("|").map((p): [string, Entry] => [p, filter])),
  ...NOISE.split("|").map((p): [string, Entry] => [p, "noise"]),
]);
const PRIORITY: ListFilter[] = ["created", "overdue", "today", "week", "done", "assignee", "mine", "open"];

/** The list a message asks for, or null when it is not a list question. */
export function listIntent(msg: Message): ListFilter | null {
  const found = new Set<ListFilter>();
  let listWord = false;
  const words = msg.words.filter((w) => w.key !== "");
  for (let i = 0; i < words.length; ) {
    const hit = phraseAt(TABLE, words, i);
    if (!hit) return null;
    if (hit.value !== "noise") found.add(hit.value);
    else if (LIST_WORD_SET.has(words[i]?.key ?? "")) listWord = true;
    i += hit.length;
  }
  if (msg.mentions.length > 0) found.add("assignee");
  const filter = PRIORITY.find((f) => found.has(f));
  if (filter) return filter === "today" && found.has("week") ? "week" : filter;
  return listWord ? "open" : null;
}
