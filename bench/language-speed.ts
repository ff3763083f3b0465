/**
 * Parse cost for `npm run bench:language`: the p50 per ordinary message (the realistic corpus) of today's parser
 * and of the parser before it (language-baseline.ts), timed in the same run and interleaved so load on the machine
 * hits both alike; and the worst case of messages of 40,000 characters built to be costly.
 */
import { performance } from "node:perf_hooks";
import { workDone } from "../src/language/bounds.js";
import { parseCommand } from "../src/language/index.js";
import { REALISTIC_CORPUS } from "../test/language/corpus/index.js";
import { type CommandParser, corpusContext } from "./language-realistic.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timeOnce(parse: CommandParser, text: string, ctx: ReturnType<typeof corpusContext>): number {
  const t0 = performance.now();
  parse(text, ctx);
  return performance.now() - t0;
}

/** p50 µs per message, for each parser, over `rounds` rounds of the whole corpus. */
export function p50PerMessage(parsers: Record<string, CommandParser>, rounds = 15): Record<string, number> {
  const ctx = corpusContext();
  const texts = [...REALISTIC_CORPUS.vi, ...REALISTIC_CORPUS.en].map((c) => c.text);
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(parsers).map((k) => [k, []]));
  for (const parse of Object.values(parsers)) for (const t of texts) parse(t, ctx); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      for (const [name, parse] of Object.entries(parsers)) samples[name]?.push(timeOnce(parse, t, ctx));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v) * 1000]));
}

let seed = 13;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const DEADLINE_WORDS =
  "trước 17h thứ 6 tuần sau @Lan #3 gấp mai đến hạn by Friday nhé giúp chị 31/2 rằm Tết ngày 15/12 lúc 9h";
const fill = (unit: string) => unit.repeat(Math.ceil(40_000 / unit.length)).slice(0, 40_000);

/** Messages of 40,000 characters that once cost seconds ("trước " × 7,000, "17h " × 10,000) and other shapes. */
export function costlyMessages(): [string, string][] {
  const words = DEADLINE_WORDS.split(" ");
  let mixed = "";
  while (mixed.length < 40_000) mixed += `${words[Math.floor(random() * words.length)]} `;
  let unicode = "";
  while (unicode.length < 40_000) unicode += String.fromCodePoint(0x20 + Math.floor(random() * 0x2fe0));
  return [
    ['"trước " × 7,000', fill("trước ")],
    ['"17h " × 10,000', fill("17h ")],
    ['"17h đến " repeated', fill("17h đến ")],
    ["task + deadline words", `giao @Lan nộp báo cáo ${fill("trước 17h thứ 6 tuần sau ")}`.slice(0, 40_000)],
    ["change + deadline words", `lùi #2 sang ${fill("thứ 5 ")}`.slice(0, 40_000)],
    ["random deadline words", mixed.slice(0, 40_000)],
    ["random unicode", unicode.slice(0, 40_000)],
    ['"@Nguyễn Văn " repeated', fill("@Nguyễn Văn ")],
    ['"a " × 20,000', fill("a ")],
    ["one word, no spaces", fill("x")],
    ["spaces, then a word", `${" ".repeat(39_990)}giao @Lan`],
  ];
}

export interface CostlyResult {
  name: string;
  p50: number;
  max: number;
  steps: number;
}

/** Median and worst of `runs` parses of each costly message, with the work steps it took (bounds.ts). */
export function costOfLongMessages(runs = 9): CostlyResult[] {
  const ctx = { ...corpusContext(), knownNames: ["Lan", "Nguyễn Văn Lan", "Minh"] };
  return costlyMessages().map(([name, text]) => {
    parseCommand(text, ctx);
    const times = Array.from({ length: runs }, () => timeOnce(parseCommand, text, ctx));
    return { name, p50: median(times), max: Math.max(...times), steps: workDone() };
  });
}
