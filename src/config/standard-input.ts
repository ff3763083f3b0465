import { fstatSync } from "node:fs";
import type { Readable } from "node:stream";
import { isatty } from "node:tty";

/**
 * What standard input is, for the terminal chat: a person at a `terminal`, a conversation in a `pipe` or a `file`,
 * or `none`: closed, `/dev/null` (systemd's default, `docker run` without `-i`), another device, or an empty file.
 */
export type StandardInputKind = "terminal" | "pipe" | "file" | "none";

export function standardInputKind(fd = 0): StandardInputKind {
  if (isatty(fd)) return "terminal";
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO() || stat.isSocket()) return "pipe";
    if (stat.isFile()) return stat.size > 0 ? "file" : "none";
    return "none";
  } catch {
    return "none"; // the descriptor is closed
  }
}

/**
 * Resolves true once the stream has its first bytes (put back, so the reader sees them), false when it ends first.
 * A pipe that closes before anything arrives is no conversation: the caller refuses instead of waiting for nothing.
 */
export function hasFirstBytes(stream: Readable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off("readable", onReadable);
      stream.off("end", onEnd);
      stream.off("error", onError);
    };
    const onReadable = () => {
      const chunk: unknown = stream.read();
      if (chunk === null) return; // end follows
      stream.unshift(chunk);
      cleanup();
      resolve(true);
    };
    const onEnd = () => {
      cleanup();
      resolve(false);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on("readable", onReadable);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}
