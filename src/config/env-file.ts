import { existsSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Loads `.env` (or the file `ENV_FILE` names) into `process.env` when it exists, before the configuration is parsed.
 *
 * Node's own parser (`process.loadEnvFile`, Node 20.12+) rather than a library: it is the same parser as
 * `node --env-file`, needs no dependency, and keeps a variable already set in the environment (systemd's
 * `Environment=`, `docker run -e`) over the file's. `--env-file-if-exists` would do the same from the command line but
 * exists only from Node 22.9, and the bot still runs on Node 20.19.
 *
 * Returns the path loaded, or undefined when there was none. A file named by ENV_FILE that does not exist is an
 * error: the operator asked for it.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const named = env.ENV_FILE?.trim();
  const path = resolve(cwd, named || ".env");
  if (!existsSync(path)) {
    if (named) throw new Error(`ENV_FILE names ${path}, which does not exist`);
    return undefined;
  }
  process.loadEnvFile(path);
  return path;
}
