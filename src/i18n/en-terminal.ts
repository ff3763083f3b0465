import type { TerminalCatalogue } from "./messages.js";

/** English texts of the terminal chat itself. */
export const enTerminal: TerminalCatalogue = {
  "terminal.welcome": () =>
    [
      "Rõ Việc — terminal chat. Type as in a team chat, e.g.:",
      "  assign @Lan write the planning report by Friday 5pm",
      "  my tasks · done #1 · help",
    ].join("\n"),
  "terminal.commands": () =>
    [
      "Terminal commands:",
      "  /as @Name         switch speaker",
      "  /in #channel      switch channel",
      "  /now <time>       set the clock (first time: any time; then only forward), e.g. /now 2026-12-02T09:00+07:00",
      "  /skip 3 days      let time pass (hours, days, weeks): the pings and weekly summaries due show up",
      "  /reset            wipe the trial data and start afresh",
      "  /help             show this list again",
      "  /quit             leave",
    ].join("\n"),
  "terminal.speaker": ({ name }) => `you are now ${name}`,
  "terminal.channel": ({ name }) => `channel #${name}`,
  "terminal.clock_frozen": ({ time }) => `clock frozen at ${time}`,
  "terminal.clock_moved": ({ time }) => `clock moved to ${time}`,
  "terminal.clock_backwards": ({ current }) => `the clock only moves forward (it is now ${current}); e.g. /skip 2 days`,
  "terminal.bad_time": () => "invalid time; e.g. /now 2026-12-02T09:00+07:00",
  "terminal.bad_skip": () => "not an amount of time; e.g. /skip 3 days, /skip 2 hours, /skip 1 week",
  "terminal.moved_without_pings": () => "no Redis, so no ping was sent on the way",
  "terminal.move_failed": () =>
    "the clock moved, but the pings on the way failed; they are sent once Redis and the database answer",
  "terminal.reset": () => "trial data wiped; starting afresh",
  "terminal.reset_refused": () => "only the embedded database (DATA_DIR) can be wiped, not PostgreSQL (DATABASE_URL)",
  "terminal.goodbye": () => "goodbye!",
};
