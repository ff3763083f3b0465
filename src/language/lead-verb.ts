/**
 * The command word a message opens with ("giao", "xong", "việc của tôi", "help"), after a slash prefix ("/task",
 * "/việc") and after greetings, pronouns and politeness ("dạ em nhận …", "chị nhờ @Hoa …"). A word only counts as
 * the command when what follows fits it: "giúp" is help alone or before a topic, but politeness in "giúp anh @Minh
 * soạn hợp đồng"; "giao" is a command before a person or "việc", but a title word in "giao hàng"; "báo cáo tuần"
 * asks for the summary, "báo cáo tình hình dự án" is a task.
 */
import { withoutCancelledPhrase } from "./cancelled-phrase.js";
import { VERBS, type Verb } from "./command-table.js";
import { openingFillerAt } from "./fillers.js";
import { helpTopicOf } from "./help-topics.js";
import { listIntent } from "./list-intent.js";
import { type Message, wordIndexFrom } from "./message.js";
import { parseSettings } from "./parse-settings.js";
import type { Word } from "./words.js";

export interface Lead {
  verb: Verb;
  from: number;
  /** Where the words after the command word begin. */
  to: number;
  /** The message opened with "/task", "/việc", "task" …: the next word is a command for sure. */
  prefixed: boolean;
  /** A person was named before the word ("@Lan xem lại hợp đồng"): the word is then the task's. */
  afterMention: boolean;
}

const PREFIX = /^\s*(?:\/\s*)?(?:(?:task|tasks|viec|cong viec|rv|roviec)(?=\s+\S)\s*)?/;
const MAX_LEADING_WORDS = 6;

function matchVerb(folded: string, at: number): { verb: Verb; end: number } | null {
  const rest = folded.slice(at, at + 80);
  for (const verb of VERBS) {
    const m = verb.re.exec(rest);
    if (m) return { verb, end: at + m[0].length };
  }
  return null;
}

/** The folded words after the command word. */
function restOf(msg: Message, to: number): string {
  return msg.blankedFolded
    .slice(to)
    .replace(/[^\p{L}\p{N}\s']/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const wordSet = (words: string) => new Set(words.split(/\s+/));
/** Words that may follow the command word without making the message something else, as single folded words. */
/** Words that ask for help and nothing else ("giúp" alone is also politeness: "giúp anh @Lan …"). */
const EXPLICIT_HELP = /(?:^|\/\s*)(?:tro giup|huong dan|help)$/;
/** Words that may follow a list word and ask for nothing more: "danh sách việc", "ds công việc của nhóm nhé". */
const LIST_REST = wordSet(
  "viec cong task tasks cua nhom kenh minh nay hien tai dang mo con lai tat ca het em anh chi a nhe nha di please all open",
);
const HELP_REST = wordSet("em anh chi minh toi voi me please pls a nhe nha su dung cach di with this the bot");
const SUMMARY_REST = wordSet(
  "tuan nay truoc thang quy this last week weekly cho em anh chi minh a nhe nha di voi please",
);
const STATUS_REST = wordSet(
  "the nao ra sao nhu roi chung hien tai cua team nhom kenh du an a nhe nha di voi em anh chi of the team's please",
);
const EXPORT_REST = wordSet("bao cao file excel xlsx csv tuan nay report weekly ra cho em anh chi a nhe nha di please");
const only = (rest: string, set: Set<string>) => rest === "" || rest.split(" ").every((w) => set.has(w));

function fits(msg: Message, verb: Verb, to: number, prefixed: boolean): boolean {
  const rest = restOf(msg, to);
  const next = msg.mentions.find((m) => m.from >= to);
  const personNext = !!next && msg.blankedOrig.slice(to, next.from).trim() === "";
  switch (verb.command) {
    case "help":
      return (
        !personNext &&
        (only(rest, HELP_REST) ||
          (rest.split(" ").length <= 3 && !!(helpTopicOf(rest) ?? helpTopicOf(rest.split(" ")[0] ?? ""))) ||
          // "trợ giúp con mèo": the words that only ask for help, on a message naming no one, show the overview.
          (EXPLICIT_HELP.test(msg.blankedFolded.slice(0, to).trimStart()) && msg.mentions.length === 0))
      );
    case "summary":
      return only(rest, SUMMARY_REST);
    case "status":
      return only(rest, STATUS_REST);
    case "export":
      return only(withoutCancelledPhrase(rest).replace(/\s+/g, " ").trim(), EXPORT_REST);
    case "settings":
      return rest === "" || parseSettings("", rest, [], msg.ctx) !== null;
    case "list":
      return only(rest, LIST_REST) || listIntent(msg) !== null;
    case "add":
      return prefixed || addFits(msg, to, personNext);
    default:
      return true;
  }
}

/**
 * "giao", "thêm", "tạo" and "assign" alone are commands only before a person, "việc"/"task", "cho" or ":"; else
 * they are the task's first word ("giao hàng cho khách", "thêm sản phẩm mới lên website").
 */
function addFits(msg: Message, to: number, personNext: boolean): boolean {
  if (!/(?:^|\s)(?:giao|them|tao|assign)$/.test(msg.blankedFolded.slice(Math.max(0, to - 7), to))) return true;
  return personNext || /^\s*(?::|(?:viec|cong viec|cho|task|to)(?![a-z]))/.test(msg.blankedFolded.slice(to));
}

/** The command word the message opens with, when what follows fits it. */
export function leadVerb(msg: Message): Lead | null {
  const f = msg.blankedFolded;
  // The words as they come first ("việc tôi giao" is a list), then after a prefix ("/việc thêm …").
  const starts = [/^\s*(?:\/\s*)?/.exec(f)?.[0].length ?? 0, PREFIX.exec(f)?.[0].length ?? 0];
  for (const start of new Set(starts)) {
    const prefix = f.slice(0, start);
    const prefixed = prefix.includes("/") || /(?:task|tasks|rv|roviec)\s*$/.test(prefix);
    for (let i = wordIndexFrom(msg, start), n = 0; i < msg.words.length && n < MAX_LEADING_WORDS; n++) {
      const w = msg.words[i] as Word;
      const hit = matchVerb(f, w.from);
      if (hit && fits(msg, hit.verb, hit.end, prefixed)) {
        const afterMention = msg.mentions.some((m) => m.from < w.from);
        return { verb: hit.verb, from: w.from, to: hit.end, prefixed, afterMention };
      }
      const skip = openingFillerAt(msg.words, i, msg.words.length, msg.fillers);
      if (!skip) break;
      i += skip;
    }
  }
  return null;
}
