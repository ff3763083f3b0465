/**
 * The parser as it was before the realistic-language work (commit BASELINE_COMMIT), loaded at run time from git so
 * `npm run bench:language` compares both in the same run without a frozen copy in the tree. It is extracted with
 * `git archive` into node_modules/.cache and imported from there (its imports, luxon, resolve from node_modules).
 * Returns null, and the bench says so, where git or that commit is not available (a shallow clone, a tarball).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CommandParser } from "./language-realistic.js";

/** main before issue 13: the parser the issue measured (realistic sentences 53 %, Duckling vi 100 %, en 97.9 %). */
export const BASELINE_COMMIT = "1ed9e10bd3b247cf7534108042f93d3b3262652e";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export async function loadBaselineParser(): Promise<CommandParser | null> {
  try {
    const commit = execFileSync("git", ["rev-parse", "--verify", `${BASELINE_COMMIT}^{commit}`], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
    const dir = join(ROOT, "node_modules", ".cache", "ro-viec-baseline", commit);
    const entry = join(dir, "src", "language", "index.ts");
    if (!existsSync(entry)) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync("git", ["archive", "--format=tar", commit, "src/language", "src/calendar"], {
        cwd: ROOT,
      });
      execFileSync("tar", ["-x", "-C", dir], { input: tar });
    }
    const module = (await import(pathToFileURL(entry).href)) as { parseCommand: CommandParser };
    return module.parseCommand;
  } catch {
    return null;
  }
}
