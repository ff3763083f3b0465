/**
 * Request bodies on our one HTTP server, capped before anything else looks at them. A body is never read past its
 * cap: a declared length over it is refused before one byte is read, and a chunked body that grows past it is
 * refused with 413 (not a connection reset) once a little more of it has been drained so that the client reads the
 * answer. Refusals close the connection, so an oversized or unwanted body stops there.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Largest body any route accepts, in bytes (Slack's events are far smaller; Zalo's updates a few hundred bytes). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How much of a refused body is still read (and thrown away) so the client, still sending, can read our answer:
 * at most this many bytes; beyond that the connection is cut. 1 MiB.
 */
export const REFUSED_BODY_DRAIN_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  readonly code = "body_too_large";
}

/** Whether the request declares (Content-Length) a body over `limit` bytes. */
export function declaresTooLarge(request: IncomingMessage, limit: number): boolean {
  const declared = Number(request.headers["content-length"]);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads the whole body; throws {@link BodyTooLargeError} once it passes `limit` (or declares more), without keeping
 * what went over. The request is left readable: answer with {@link refuseAndClose}, which drains a bounded rest.
 */
export async function readBodyCapped(request: IncomingMessage, limit: number): Promise<Buffer> {
  if (declaresTooLarge(request, limit)) throw new BodyTooLargeError("body too large");
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on the way out: a body over the cap is answered with 413 on the same connection.
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError("body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Answers `status` with a small JSON body and closes the connection. What the client is still sending is read and
 * dropped up to {@link REFUSED_BODY_DRAIN_BYTES} first (so it reads the answer instead of a reset); past that, or
 * when `drain` is false (a body we must not read at all, such as one with a wrong secret), the answer goes at once
 * and the connection is cut after it.
 */
export function refuseAndClose(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  options: { drain?: boolean; headers?: Record<string, string> } = {},
): void {
  const answer = () => {
    if (response.headersSent) return;
    response.writeHead(status, { "content-type": "application/json", connection: "close", ...options.headers });
    response.end(JSON.stringify(body), () => {
      if (!request.readableEnded) request.destroy();
    });
  };
  if (request.readableEnded || options.drain === false) {
    answer();
    return;
  }
  let drained = 0;
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > REFUSED_BODY_DRAIN_BYTES) {
      request.off("data", onData);
      request.pause();
      answer();
    }
  };
  request.on("data", onData);
  request.once("end", answer);
  request.once("error", answer);
  request.resume();
}
