/**
 * The words around a request that are not the task: particles ("nhé", "ạ"), politeness ("nhờ", "giúp chị",
 * "please"), the speaker's and listener's pronouns, greetings and vocatives ("@Lan ơi", "mọi người ơi"). Folded
 * forms; where folding merges a filler with a content word ("hộ" help / "hồ" lake, "ạ" / the article "a"), the
 * original spelling decides (see isFiller in fillers.ts).
 */

/** Sentence particles, at the end of a clause. */
export const PARTICLES = new Set([
  "nhe",
  "nha",
  "nhen",
  "nghen",
  "hen",
  "ne",
  "nhi",
  "ha",
  "a",
  "ah",
  "ak",
  "r",
  "roi",
  "luon",
  "di",
  "voi",
  "nhe em",
  "thanks",
  "thank you",
  "thx",
  "tks",
  "cam on",
  "please",
  "pls",
  "plz",
  "duoc khong",
  "duoc ko",
  "duoc k",
  "dc khong",
  "dc ko",
  "dc k",
  "duoc chu",
  "ok",
  "oke",
]);

/** Particles that are also content words in some position ("đi công tác", "làm luôn", "với khách"): end only. */
export const END_ONLY_PARTICLES = new Set(["di", "voi", "luon", "r", "roi", "ok", "oke", "a", "ha"]);

/** Greetings and answers that open a message ("dạ", "vâng", "ok", "hi"). */
export const INTERJECTIONS = new Set([
  "da",
  "vang",
  "ok",
  "oke",
  "okie",
  "okay",
  "oki",
  "u",
  "uh",
  "um",
  "yes",
  "yep",
  "yeah",
  "sure",
  "hi",
  "hello",
  "hey",
  "alo",
  "chao",
  "thua",
  "oi",
]);

/** Asking politely: dropped at the start of the task words, or before a pronoun inside them. */
export const POLITENESS = new Set([
  "nho",
  "phien",
  "lam on",
  "vui long",
  "giup",
  "gium",
  "dum",
  "ho",
  "hay",
  "xin",
  "please",
  "pls",
  "plz",
  "kindly",
  "can you",
  "could you",
  "would you",
  "will you",
  "would you mind",
  "can you please",
  "could you please",
  "need you to",
  "i need you to",
  "remember to",
  "dont forget to",
  "don't forget to",
  "i need",
  "need",
  "we need",
]);

/** "giúp chị", "giùm anh": politeness that takes the speaker as its object. */
export const HELP_WORDS = new Set(["giup", "gium", "dum", "ho"]);

/**
 * People addressed or speaking: "em", "anh", "chị", "mình", "tôi", and the abbreviations "e", "a", "c" typed in
 * chats. Unaccented "chi", "minh", "toi" count only in messages typed without diacritics.
 */
export const PRONOUNS = new Set(["em", "anh", "chi", "minh", "toi", "to", "ban", "e", "a", "c", "ae", "mn"]);

/** Groups addressed at the start ("mọi người ơi", "cả nhà ơi"). */
export const GROUP_VOCATIVES = ["moi nguoi oi", "ca nha oi", "anh chi oi", "cac ban oi", "team oi", "ae oi", "mn oi"];

/** Words after which a pronoun is content, not the speaker ("của anh", "tiếng Anh", "các bạn"). */
export const KEEP_PRONOUN_AFTER = new Set(["cua", "tieng", "nuoc", "cac", "nhung", "moi", "hai", "ba", "voi", "la"]);
