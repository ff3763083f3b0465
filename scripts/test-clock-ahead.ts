/**
 * `npm run test:clock-ahead [-- <vitest args>]`: the whole suite with its processes' clock a year ahead
 * (libfaketime, `FAKETIME=+400d` by default; set CLOCK_AHEAD to another offset, e.g. `+3y`). A test that pins a
 * date must pin the app's clock too; one that silently reads today's date fails here. PostgreSQL and Redis keep
 * real time, as a real deployment's would never share our clock exactly.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const LIBRARY_PATHS = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
  "/usr/local/lib/faketime/libfaketime.so.1",
];
const offset = process.env.CLOCK_AHEAD ?? "+400d";

const library = LIBRARY_PATHS.find((path) => existsSync(path));
if (!library) {
  console.error("test:clock-ahead needs libfaketime. Fix: apt-get install -y libfaketime");
  process.exit(1);
}

const env = {
  ...process.env,
  LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(" "),
  FAKETIME: offset,
  // Timers and the event loop keep the real monotonic clock; only wall-clock time moves.
  FAKETIME_DONT_FAKE_MONOTONIC: "1",
};

// A preload that silently did nothing would make this run prove nothing: check the shift first.
const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(String(Date.now()))"], { env });
const shiftDays = (Number(probe.stdout?.toString()) - Date.now()) / 86_400_000;
if (!Number.isFinite(shiftDays) || Math.abs(shiftDays) < 1) {
  console.error(`test:clock-ahead: libfaketime did not move the clock (${library}, FAKETIME=${offset})`);
  process.exit(1);
}
console.log(`test:clock-ahead: the suite's clock is ${Math.round(shiftDays)} days ahead (FAKETIME=${offset})`);

const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { env, stdio: "inherit" });
process.exit(run.status ?? 1);
