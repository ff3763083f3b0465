import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One clock: decisions in src/, handlers/ and jobs/ read "now" from the clock the app was built with, so a test or a
 * demo that pins the clock pins everything. A read of the real clock is allowed only where real time is the point
 * (a timeout, a cache's freshness, a platform's signature window), and says so with a `real time` comment on its
 * line or just above it.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const FOLDERS = ["src", "handlers", "jobs"];
const SKIP = [join("src", "generated")];
const REAL_CLOCK = /Date\.now\(\)|new Date\(\)|DateTime\.(?:now|local)\(\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.some((skip) => relative(ROOT, path).startsWith(skip))) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function unexplainedReads(path: string): string[] {
  return unexplainedReadsIn(readFileSync(path, "utf8"), relative(ROOT, path));
}

function unexplainedReadsIn(text: string, name: string): string[] {
  const lines = text.split("\n");
  return lines.flatMap((line, i) => {
    const code = line.replace(/\/\*\*.*|^\s*\*.*|\/\/.*$/, "");
    if (!REAL_CLOCK.test(code)) return [];
    const nearby = lines.slice(Math.max(0, i - 2), i + 1).join("\n");
    return /real time/.test(nearby) ? [] : [`${name}:${i + 1}: ${line.trim()}`];
  });
}

describe("one clock", () => {
  it("reads the real clock in src/, handlers/ and jobs/ only where a comment says real time is the point", () => {
    const reads = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).flatMap(unexplainedReads);
    expect(reads).toEqual([]);
  });

  it("tells an unexplained read from an explained one, and ignores reads inside comments", () => {
    const code = [
      "const due = new Date();",
      "// real time: a timeout",
      "const started = Date.now();",
      "/** Default `() => new Date()`. */",
      "const at = DateTime.now();",
    ].join("\n");
    expect(unexplainedReadsIn(code, "x.ts")).toEqual([
      "x.ts:1: const due = new Date();",
      "x.ts:5: const at = DateTime.now();",
    ]);
  });
});
