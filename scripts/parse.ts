/**
 * `npm run --silent parse -- --now <ISO-8601> --tz <IANA zone> [--members "Name A,Name B"] "<message text>"`
 * Prints, on one line, how the bot understands a message: the same parser serves the bot. `--members` are the
 * names known in the channel, so a typed "@Nguyễn Văn Lan" spans its words.
 */
import { DateTime } from "luxon";
import { createWorkingCalendar } from "../src/calendar/index.js";
import { type DueResolution, errorMessage, type ParsedCommand, parseCommand } from "../src/language/index.js";
import { recurrenceJson } from "../src/recurrence/recurrence-json.js";

interface CliArgs {
  now: Date;
  tz: string;
  members: string[];
  text: string;
}

function readArgs(argv: string[]): CliArgs {
  let now = new Date();
  let tz = "Asia/Ho_Chi_Minh";
  let members: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--now") now = new Date(argv[++i] ?? "");
    else if (a === "--tz") tz = argv[++i] ?? tz;
    else if (a === "--members")
      members = (argv[++i] ?? "")
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean);
    else words.push(a);
  }
  if (Number.isNaN(now.getTime()))
    throw new Error("--now must be an ISO-8601 date-time, e.g. 2026-12-02T10:00:00+07:00");
  if (!DateTime.local().setZone(tz).isValid)
    throw new Error(`--tz must be an IANA time zone, e.g. Asia/Ho_Chi_Minh (got ${tz})`);
  return { now, tz, members, text: words.join(" ") };
}

function iso(d: Date, tz: string): string {
  return DateTime.fromJSDate(d, { zone: tz }).toISO({ suppressMilliseconds: true }) as string;
}

function dueJson(due: DueResolution | null, tz: string) {
  if (!due) return null;
  const { deadline, start, ...rest } = due;
  return {
    deadline: iso(deadline, tz),
    hasTime: rest.hasTime,
    start: iso(start, tz),
    grain: rest.grain,
    text: rest.text,
    ...(rest.vague ? { vague: rest.vague } : {}),
  };
}

/** The command as JSON: instants in the channel's zone with their offset, doubts' other readings alike. */
function commandJson(command: ParsedCommand, tz: string, now: Date): Record<string, unknown> {
  const { due, doubts, recurrence, ...rest } = command;
  return {
    ...rest,
    due: dueJson(due, tz),
    recurrence: recurrence
      ? recurrenceJson(recurrence, now, { timezone: tz, calendar: createWorkingCalendar() })
      : null,
    doubts: doubts.map((d) => (d.kind === "other_reading" ? { ...d, reading: commandJson(d.reading, tz, now) } : d)),
  };
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
  const r = parseCommand(args.text, { now: args.now, timezone: args.tz, knownNames: args.members });
  if (!r.ok) {
    const out = { ok: false, error: errorMessage(r.error, r.locale, r.command, r.fragment), code: r.error };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify({ ok: true, ...commandJson(r.command, args.tz, args.now) })}\n`);
}

main();
