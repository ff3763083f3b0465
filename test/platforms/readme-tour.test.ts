import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README cannot drift: every tour in it (a `printf '…' | npm start --silent` block followed by a block with the
 * conversation) is run as written, on a fresh data directory, and must print exactly that conversation.
 */
const repositoryRoot = join(import.meta.dirname, "..", "..");

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

function run(command: string, dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], {
      cwd: repositoryRoot,
      // No Redis here (a port nothing listens on): the tour needs only Node.js, as a newcomer's first run does.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATA_DIR: dataDir,
        REDIS_URL: "redis://127.0.0.1:1",
        ENV_FILE: "/dev/null", // a developer's own .env must not reach the tour
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The conversation only: the notice that pings are off without Redis is not part of it. */
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
        const result = await run(tour.command, dataDir);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(conversation(result.stdout)).toBe(tour.transcript);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
