/**
 * `npm run bench:language`: accuracy of parseDue on Duckling's vi and en time corpora,
 * by category, with the deliberate product-rule differences listed, then throughput.
 * Ends with: duckling vi <ok>/<total> (<percent>%) en <ok>/<total> (<percent>%)
 */
import { performance } from "node:perf_hooks";
import { parseCommand, parseDue } from "../src/language/index.js";
import { DIFFERENCES, differenceOf } from "./language-differences.js";
import { type EntryResult, scoreCorpus } from "./language-duckling.js";

function pct(ok: number, total: number): string {
  return total ? ((100 * ok) / total).toFixed(1) : "0.0";
}

function report(locale: "vi" | "en"): { ok: number; total: number; results: EntryResult[] } {
  const results = scoreCorpus(locale, differenceOf);
  const byCat = new Map<string, { ok: number; total: number; declared: number }>();
  for (const r of results) {
    const c = byCat.get(r.entry.category) ?? { ok: 0, total: 0, declared: 0 };
    c.total++;
    if (r.ok) c.ok++;
    else if (r.difference) c.declared++;
    byCat.set(r.entry.category, c);
  }
  console.log(`\n== Duckling ${locale} (${results.length} phrases)`);
  for (const [cat, c] of [...byCat].sort()) {
    const declared = c.declared ? `  (+${c.declared} deliberate differences)` : "";
    console.log(
      `  ${cat.padEnd(36)} ${String(c.ok).padStart(3)}/${String(c.total).padEnd(3)} ${pct(c.ok, c.total).padStart(5)}%${declared}`,
    );
  }
  const ok = results.filter((r) => r.ok).length;
  const declared = results.filter((r) => r.difference).length;
  console.log(
    `  raw: ${ok}/${results.length} (${pct(ok, results.length)}%); excluding ${declared} deliberate differences: ${ok}/${results.length - declared}`,
  );
  const misses = results.filter((r) => !r.ok && !r.difference);
  if (misses.length) console.log(`  not (yet) understood like Duckling:`);
  for (const r of misses)
    console.log(`    ${JSON.stringify(r.entry.phrase).padEnd(44)} ours ${r.got.padEnd(28)} Duckling ${r.want}`);
  return { ok, total: results.length - declared, results };
}

function printDifferences(all: EntryResult[]): void {
  console.log("\n== Deliberate differences from Duckling (product rules of issue 3)");
  for (const [key, reason] of Object.entries(DIFFERENCES)) {
    const hits = all.filter((r) => r.difference === key);
    if (!hits.length) continue;
    console.log(`  - ${reason}`);
    for (const r of hits)
      console.log(`      ${JSON.stringify(r.entry.phrase).padEnd(42)} ours ${r.got.padEnd(28)} Duckling ${r.want}`);
  }
}

function throughput(): void {
  const ctx = { now: new Date("2026-12-02T10:00:00+07:00"), timezone: "Asia/Ho_Chi_Minh" };
  const messages = [
    "giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau",
    "assign @Lan write report by Friday 5pm",
    "gia hạn #12 đến thứ 6",
    "việc của tôi",
    "xong #12",
    "@Lan: prepare slides due tomorrow",
    "tạo việc kiểm tra hợp đồng trong 5 ngày làm việc",
    "nhắc #12 lúc 15h",
  ];
  const phrases = ["thứ 6 tuần sau", "17h30 ngày mai", "cuối tháng", "15/12", "next friday 5pm", "end of next week"];
  for (let i = 0; i < 200; i++) for (const m of messages) parseCommand(m, ctx); // warm-up
  const rounds = 2000;
  let t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const m of messages) parseCommand(m, ctx);
  const cmdMs = (performance.now() - t0) / (rounds * messages.length);
  t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const p of phrases) parseDue(p, ctx);
  const dueMs = (performance.now() - t0) / (rounds * phrases.length);
  console.log("\n== Throughput");
  console.log(`  parseCommand: ${Math.round(1000 / cmdMs)} messages/s (${(cmdMs * 1000).toFixed(1)} µs/message)`);
  console.log(`  parseDue:     ${Math.round(1000 / dueMs)} phrases/s (${(dueMs * 1000).toFixed(1)} µs/phrase)`);
}

const vi = report("vi");
const en = report("en");
printDifferences([...vi.results, ...en.results]);
throughput();
console.log(
  `\nduckling vi ${vi.ok}/${vi.total} (${pct(vi.ok, vi.total)}%) en ${en.ok}/${en.total} (${pct(en.ok, en.total)}%)`,
);
