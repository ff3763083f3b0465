/**
 * `npm run bench:language`: accuracy of parseDue on Duckling's vi and en time corpora (by category, with the
 * deliberate product-rule differences), of parseCommand on the realistic corpus (test/language/corpus), and the
 * parse cost: p50 per ordinary message against the parser before (same run), and 40,000-character messages.
 * Ends with:
 *   duckling vi <ok>/<total> (<percent>%) en <ok>/<total> (<percent>%)
 *   realistic vi <ok>/<total> (<percent>%) en <ok>/<total> (<percent>%)
 */
import { parseCommand } from "../src/language/index.js";
import { loadBaselineParser } from "./language-baseline.js";
import { DIFFERENCES, differenceOf } from "./language-differences.js";
import { type EntryResult, scoreCorpus } from "./language-duckling.js";
import { type CommandParser, scoreRealistic } from "./language-realistic.js";
import { costOfLongMessages, p50PerMessage } from "./language-speed.js";

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

/** Score on the realistic corpus, "vi X/Y (P%) en X/Y (P%)"; with `misses`, the cases missed and why. */
function realistic(parse: CommandParser, misses: boolean): string {
  return (["vi", "en"] as const)
    .map((locale) => {
      const results = scoreRealistic(locale, parse);
      const ok = results.filter((r) => r.ok).length;
      if (misses)
        for (const r of results.filter((x) => !x.ok)) console.log(`  ${r.entry.text}\n      ${r.diff.join("; ")}`);
      return `${locale} ${ok}/${results.length} (${pct(ok, results.length)}%)`;
    })
    .join(" ");
}

async function cost(baseline: CommandParser | null): Promise<void> {
  console.log("\n== Parse cost (timed on this machine, in this run)");
  const p50 = p50PerMessage(baseline ? { now: parseCommand, before: baseline } : { now: parseCommand });
  const ratio = baseline
    ? `  (${((p50.now ?? 0) / (p50.before ?? 1)).toFixed(2)}× the parser before; target ≤ 1.5×)`
    : "";
  console.log(
    `  p50 per ordinary message: ${(p50.now ?? 0).toFixed(1)} µs now, ${baseline ? `${(p50.before ?? 0).toFixed(1)} µs before` : "before: not available (no git history)"}${ratio}`,
  );
  console.log("  40,000-character messages (p50 / worst of 9 parses; work steps, limit in src/language/bounds.ts):");
  const long = costOfLongMessages();
  for (const r of long)
    console.log(
      `    ${r.name.padEnd(28)} ${r.p50.toFixed(2).padStart(7)} ms / ${r.max.toFixed(2).padStart(7)} ms  ${String(r.steps).padStart(5)} steps`,
    );
  const worst = long.reduce((a, b) => (b.max > a.max ? b : a));
  console.log(`  worst 40,000-character message: ${worst.max.toFixed(1)} ms (${worst.name}); target < 50 ms`);
}

async function main(): Promise<void> {
  const vi = report("vi");
  const en = report("en");
  printDifferences([...vi.results, ...en.results]);
  const baseline = await loadBaselineParser();
  console.log("\n== Realistic corpus: cases missed");
  const now = realistic(parseCommand, true);
  if (baseline) console.log(`  the parser before on the same corpus: realistic ${realistic(baseline, false)}`);
  await cost(baseline);
  console.log(
    `\nduckling vi ${vi.ok}/${vi.total} (${pct(vi.ok, vi.total)}%) en ${en.ok}/${en.total} (${pct(en.ok, en.total)}%)`,
  );
  console.log(`realistic ${now}`);
}

await main();
