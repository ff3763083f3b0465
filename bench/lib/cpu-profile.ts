/**
 * A CPU profile of one phase of a bench, written where BENCH_PROFILE says (open it in Chrome's DevTools or
 * speedscope). Without BENCH_PROFILE it costs nothing: the phase runs unobserved.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

/** Starts profiling this process when BENCH_PROFILE is set; the returned function stops and writes the profile. */
export async function profilePhase(): Promise<() => Promise<void>> {
  const path = process.env.BENCH_PROFILE;
  if (!path) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    await writeFile(path, JSON.stringify(profile));
  };
}
