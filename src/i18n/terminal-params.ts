/**
 * The texts of the terminal chat itself (its greeting, its own slash commands and their answers): what a person
 * trying the bot at a terminal reads besides the bot's answers. The chat prints them in both languages.
 */
type Empty = Record<string, never>;

export interface TerminalMessageParams {
  /** The greeting of an interactive chat: what to type, then the chat's own commands. */
  "terminal.welcome": Empty;
  /** The chat's own commands, one per line (the greeting and `/help` show them). */
  "terminal.commands": Empty;
  "terminal.speaker": { name: string };
  "terminal.channel": { name: string };
  /** The first `/now`: the clock stands at `time` (as typed) until moved. */
  "terminal.clock_frozen": { time: string };
  /** `/tua` or a later `/now`: the clock moved forward to `time` (in words), everything due on the way done. */
  "terminal.clock_moved": { time: string };
  "terminal.clock_backwards": { current: string };
  "terminal.bad_time": Empty;
  "terminal.bad_skip": Empty;
  /** The clock moved without Redis: nothing due on the way was sent. */
  "terminal.moved_without_pings": Empty;
  /** The clock moved, but the jobs failed on the way (Redis or the database gone): what was due waits for them. */
  "terminal.move_failed": Empty;
  "terminal.reset": Empty;
  "terminal.reset_refused": Empty;
  "terminal.goodbye": Empty;
}
