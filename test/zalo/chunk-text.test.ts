import { describe, expect, it } from "vitest";
import { personToken } from "../../src/core/reply.js";
import { chunkText } from "../../src/platforms/zalo/chunk-text.js";
import { renderForZalo } from "../../src/platforms/zalo/zalo-sender.js";

describe("chunkText", () => {
  it("keeps short text in one message", () => {
    expect(chunkText("📋 Việc của bạn\n#1 Nộp báo cáo")).toEqual(["📋 Việc của bạn\n#1 Nộp báo cáo"]);
  });

  it("splits at line boundaries, every chunk within the limit, nothing lost", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `#${i + 1} Nộp báo cáo quy hoạch quý ${i % 4} — hạn thứ Sáu`);
    const text = lines.join("\n");
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2000);
    expect(chunks.join("\n")).toBe(text);
    for (const chunk of chunks) expect(lines).toContain(chunk.split("\n")[0]);
  });

  it("splits a line longer than the limit between words, never inside one", () => {
    const words = Array.from({ length: 700 }, (_, i) => (i % 2 ? "việc" : "Nguyễn"));
    const line = words.join(" ");
    const chunks = chunkText(line, 100);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      for (const word of chunk.split(" ")) expect(["việc", "Nguyễn"]).toContain(word);
    }
    expect(chunks.join(" ")).toBe(line);
  });

  it("counts UTF-16 code units (emoji are two) and never cuts a surrogate pair", () => {
    const emoji = "📌".repeat(30); // 60 code units, one "word"
    const chunks = chunkText(emoji, 25);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(25);
      expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(chunks.join("")).toBe(emoji);
  });

  it("keeps lines after a long line together with the rest", () => {
    const chunks = chunkText(`${"a ".repeat(30).trim()}\nb\nc`, 20);
    expect(chunks.every((c) => c.length <= 20)).toBe(true);
    expect(chunks.at(-1)).toContain("c");
    expect(chunks.join(" ").replace(/\n/g, " ").split(/\s+/).filter(Boolean)).toHaveLength(32);
  });

  it("handles Vietnamese text at the exact limit and drops empty chunks", () => {
    const line = "ệ".repeat(2000);
    expect(chunkText(line)).toEqual([line]);
    expect(chunkText("\n\n\n")).toEqual([]);
    expect(chunkText(`${line}\n\n${line}`)).toEqual([line, line]);
  });
});

describe("renderForZalo", () => {
  it("renders person tokens as plain names and strips bold", () => {
    const text = `✅ *Đã giao* #12 cho ${personToken({ id: "m1", externalId: null, displayName: "Lan" })}`;
    expect(renderForZalo({ visibility: "channel", text })).toEqual(["✅ Đã giao #12 cho @Lan"]);
  });
});
