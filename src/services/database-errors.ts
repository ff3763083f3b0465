/**
 * Whether an error means the database could not be reached (as opposed to a bug or a user mistake): Prisma's
 * connection error codes, the pg driver's socket errors, or a closed PGlite. Walks the `cause` chain because the
 * driver adapters wrap the original error.
 */
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P03",
  "08006",
  "08001",
  "08003",
]);
const MESSAGE_PATTERNS = [
  /can't reach database/i,
  /connection terminated/i,
  /connection (?:is )?closed/i,
  /pglite is closed/i,
  /database ?not ?reachable/i,
  /server closed the connection/i,
  /timed out fetching a new connection/i,
  /client has encountered a connection error/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (typeof current !== "object") return false;
    const candidate = current as {
      code?: unknown;
      errorCode?: unknown;
      name?: unknown;
      message?: unknown;
      kind?: unknown;
      cause?: unknown;
    };
    const code =
      typeof candidate.code === "string"
        ? candidate.code
        : typeof candidate.errorCode === "string"
          ? candidate.errorCode
          : undefined;
    if (code && (PRISMA_CONNECTION_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (candidate.name === "PrismaClientInitializationError") return true;
    if (
      typeof candidate.kind === "string" &&
      /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(candidate.kind)
    )
      return true;
    if (
      typeof candidate.message === "string" &&
      MESSAGE_PATTERNS.some((pattern) => pattern.test(candidate.message as string))
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
