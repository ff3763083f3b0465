import { styleText } from "node:util";

/** How the chat colours its lines: the bot, people, warnings and its own notes. */
export interface Paint {
  bot(text: string): string;
  person(text: string): string;
  warning(text: string): string;
  note(text: string): string;
}

const plain: Paint = { bot: (s) => s, person: (s) => s, warning: (s) => s, note: (s) => s };

// Whether to colour is decided once, below (styleText would otherwise judge by process.stdout, not our output).
const style = (format: Parameters<typeof styleText>[0]) => (text: string) =>
  styleText(format, text, { validateStream: false });
const coloured: Paint = {
  bot: style("cyan"),
  person: style(["bold", "green"]),
  warning: style("yellow"),
  note: style("dim"),
};

/**
 * Colours only for a person at a terminal: none when the output is piped or redirected (a transcript, a test) or
 * when NO_COLOR is set to anything (no-color.org).
 */
export function paintFor(output: { isTTY?: boolean }, noColor: string | undefined): Paint {
  return output.isTTY === true && (noColor === undefined || noColor === "") ? coloured : plain;
}
