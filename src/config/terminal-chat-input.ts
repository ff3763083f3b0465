import type { Readable } from "node:stream";
import { ConfigError } from "../config.js";
import { platformVariablesHint } from "./deployment-rules.js";
import { hasFirstBytes, type StandardInputKind, standardInputKind } from "./standard-input.js";

/**
 * With no platform token the bot is the terminal chat, which needs someone (or a piped conversation) on standard
 * input. Under a service manager (`/dev/null` on systemd, `docker run` without `-i`) or with a pipe that closes at
 * once, that usually means the tokens did not reach the process: say which variables to set and refuse, instead of
 * ending quietly with exit code 0 and being restarted forever. Checked before the database is opened.
 */
export async function requireTerminalChatInput(
  input: Readable,
  kind: StandardInputKind = standardInputKind(),
): Promise<void> {
  if (kind === "terminal" || kind === "file") return;
  if (kind === "pipe" && (await hasFirstBytes(input))) return;
  throw new ConfigError(missingTokensMessage(kind));
}

export function missingTokensMessage(kind: StandardInputKind): string {
  const input =
    kind === "pipe" ? "an empty pipe" : "not a terminal (e.g. /dev/null under systemd or docker without -i)";
  return [
    "Chưa có token Slack hay Zalo nào, và không có ai gõ ở terminal / No Slack or Zalo token is set, and no one types at a terminal.",
    `  Standard input is ${input}, so the terminal chat has nothing to read.`,
    `  To serve a platform, set ${platformVariablesHint}`,
    "  in the environment or in a .env file in the working directory (see .env.example).",
    "  To try the bot in a terminal, run `npm start` in one, or pipe a conversation into it.",
  ].join("\n");
}
