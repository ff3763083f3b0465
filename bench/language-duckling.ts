/**
 * Scores parseDue against Duckling's time corpora: a phrase counts as right when our
 * period start and grain equal Duckling's value (or interval start) and grain.
 * Shared by `npm run bench:language` and the regression test.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { parseDue } from "../src/language/index.js";

export interface CorpusEntry {
  phrase: string;
  category: string;
  expected: { type: "value" | "interval"; value?: string; from?: string | null; to?: string | null; grain: string };
}

export interface EntryResult {
  entry: CorpusEntry;
  ok: boolean;
  got: string;
  want: string;
  /** The product-rule difference that explains a miss, if any. */
  difference?: string;
}

// A copy of Duckling's corpora (BSD licence and notice beside them), so a clean clone can run the bench and its test.
const CORPUS_DIR = fileURLToPath(new URL("./corpora/duckling/", import.meta.url));
/** Duckling's tests run in a fixed UTC−02:00 zone, without DST. */
const ZONE = "UTC-2";

export function loadCorpus(locale: "vi" | "en"): { reference: Date; entries: CorpusEntry[] } {
  const dir = process.env.DUCKLING_CORPUS_DIR ?? CORPUS_DIR;
  const raw = JSON.parse(readFileSync(`${dir}/duckling_${locale}_time.json`, "utf8"));
  return { reference: new Date(raw.reference_time), entries: raw.entries };
}

function wanted(e: CorpusEntry): string {
  const at = e.expected.type === "value" ? e.expected.value : (e.expected.from ?? e.expected.to);
  return `${at ? DateTime.fromISO(at, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss") : "open"} ${e.expected.grain}`;
}

export function scoreCorpus(locale: "vi" | "en", differences: (e: CorpusEntry) => string | undefined): EntryResult[] {
  const { reference, entries } = loadCorpus(locale);
  return entries.map((entry) => {
    const due = parseDue(entry.phrase, { now: reference, timezone: ZONE });
    const got = due
      ? `${DateTime.fromJSDate(due.start, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss")} ${due.grain}`
      : "none";
    const want = wanted(entry);
    const ok = got === want;
    return { entry, ok, got, want, difference: ok ? undefined : differences(entry) };
  });
}
