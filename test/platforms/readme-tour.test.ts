import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deleteChatKeys, repositoryRoot, runShell } from "../helpers/terminal-chat.js";
import { testRedisUrl } from "../setup/redis.js";

/**
 * The README cannot drift: every tour in it (a `printf '…' | npm start --silent` block followed by a block with the
 * conversation) is run as written, on a fresh data directory, and must print exactly that conversation.
 */
interface Tour {
  command: string;
  transcript: string;
}

/** Each ```sh block piping into `npm start`, with the plain ``` block right after it. */
function toursIn(readme: string): Tour[] {
  const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] ?? "" }));
  const tours: Tour[] = [];
  for (const [i, block] of blocks.entries()) {
    const next = blocks[i + 1];
    if (block.lang !== "sh" || !/\|\s*npm start\b/.test(block.body) || !next || next.lang !== "") continue;
    tours.push({ command: block.body.trim(), transcript: next.body.trimEnd() });
  }
  return tours;
}

/** The conversation only: a notice (ℹ️, such as pings being off without Redis) is not part of it. */
function conversation(stdout: string): string {
  return stdout
    .split("\n")
    .filter((line) => !line.startsWith("ℹ️"))
    .join("\n")
    .trimEnd();
}

describe("the README's tours", async () => {
  const tours = toursIn(await readFile(join(repositoryRoot, "README.md"), "utf8"));

  it("has at least one tour", () => {
    expect(tours.length).toBeGreaterThan(0);
  });

  it.each(tours.map((tour, i) => [i + 1, tour] as const))(
    "tour %i prints exactly what the README shows",
    async (_n, tour) => {
      const dataDir = await mkdtemp(join(tmpdir(), "roviec-tour-"));
      try {
        // With Redis, as the tours of a working week need (each run on its own prefix, deleted afterwards).
        const result = await runShell(tour.command, { DATA_DIR: dataDir, REDIS_URL: testRedisUrl() });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(conversation(result.stdout)).toBe(tour.transcript);
      } finally {
        await deleteChatKeys(testRedisUrl(), dataDir);
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
