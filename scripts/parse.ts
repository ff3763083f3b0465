/**
 * `npm run --silent parse -- --now <ISO-8601> --tz <IANA zone> "<message text>"`
 * Prints, on one line, how the bot understands a message: the same parser serves the bot.
 */
import { DateTime } from "luxon";
import { errorMessage, parseCommand } from "../src/language/index.js";

interface CliArgs {
  now: Date;
  tz: string;
  text: string;
}

function readArgs(argv: string[]): CliArgs {
  let now = new Date();
  let tz = "Asia/Ho_Chi_Minh";
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--now") now = new Date(argv[++i] ?? "");
    else if (a === "--tz") tz = argv[++i] ?? tz;
    else words.push(a);
  }
  if (Number.isNaN(now.getTime()))
    throw new Error("--now must be an ISO-8601 date-time, e.g. 2026-12-02T10:00:00+07:00");
  if (!DateTime.local().setZone(tz).isValid)
    throw new Error(`--tz must be an IANA time zone, e.g. Asia/Ho_Chi_Minh (got ${tz})`);
  return { now, tz, text: words.join(" ") };
}

function iso(d: Date, tz: string): string {
  return DateTime.fromJSDate(d, { zone: tz }).toISO({ suppressMilliseconds: true }) as string;
}

function main(): void {
  let args: CliArgs;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: (e as Error).message, code: "usage" })}\n`);
    process.exitCode = 2;
    return;
  }
  const r = parseCommand(args.text, { now: args.now, timezone: args.tz });
  if (!r.ok) {
    const out = { ok: false, error: errorMessage(r.error, r.locale, r.command, r.fragment), code: r.error };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const { due, ...rest } = r.command;
  const out = {
    ok: true,
    ...rest,
    due: due
      ? {
          deadline: iso(due.deadline, args.tz),
          hasTime: due.hasTime,
          start: iso(due.start, args.tz),
          grain: due.grain,
          text: due.text,
        }
      : null,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main();
