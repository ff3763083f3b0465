import lockfile from "proper-lockfile";

/**
 * One process at a time on an embedded PGlite folder: two processes writing the same files corrupt the database
 * without a word. The lock is a `<folder>.lock` directory whose time stamp the holder renews; one left behind by a
 * process that died goes stale and is taken over, so a restart after a crash waits at most about `staleMs`.
 */
export class PgliteLockedError extends Error {
  readonly code = "pglite_locked";
  constructor(readonly location: string) {
    super(
      [
        `Cơ sở dữ liệu nhúng ${location} đang được một tiến trình khác dùng / The embedded database ${location} is in use by another process.`,
        "  Stop the other Rõ Việc process (or `npm run db:deploy`) on this DATA_DIR, give this one another DATA_DIR,",
        "  or use PostgreSQL (DATABASE_URL) to run several processes on one database.",
      ].join("\n"),
    );
  }
}

/** Time without a renewal after which a lock counts as left behind, in ms. */
const STALE_MS = 15_000;

/** How many times a held lock is tried again (waiting out one left by a process that just died): about 16 s. */
const RETRIES = 6;

/**
 * Takes the folder's lock; resolves with its release. Throws PgliteLockedError when another process holds it.
 * `retries`: attempts after the first, with backoff (default: enough to outwait a stale lock).
 */
export async function lockPgliteFolder(location: string, retries = RETRIES): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(location, {
      lockfilePath: `${location}.lock`,
      stale: STALE_MS,
      update: STALE_MS / 3,
      realpath: false,
      // Waits out a lock left by a process that just died (it goes stale), then gives up.
      retries: { retries, minTimeout: 500, maxTimeout: 4_000, factor: 2 },
      onCompromised: (error) => {
        // Another process took the folder over (this one stalled past STALE_MS): writing on would corrupt it.
        console.error(`PGlite lock lost on ${location}: ${error.message}; stopping`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") throw new PgliteLockedError(location);
    throw error;
  }
}
