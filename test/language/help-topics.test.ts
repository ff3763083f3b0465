import { describe, expect, it } from "vitest";
import { commandHelp } from "../../src/i18n/index.js";
import { type HelpTopic, parseMessage } from "../../src/language/index.js";
import { ctxAt } from "./helpers.js";

const TOPICS: HelpTopic[] = [
  "add",
  "assign",
  "list",
  "show",
  "done",
  "reopen",
  "cancel",
  "due",
  "edit",
  "ack",
  "status",
  "summary",
  "settings",
  "help",
  "remind",
  "export",
  "undo",
  "managers",
];

/** The command each topic's examples are written in ("managers" are settings; undo is its own word). */
const COMMAND_OF: Partial<Record<HelpTopic, string>> = { managers: "settings" };

describe("the examples of every help topic are real commands", () => {
  it.each(TOPICS.flatMap((topic) => (["vi", "en"] as const).map((locale) => [topic, locale] as const)))(
    "%s in %s",
    (topic, locale) => {
      for (const example of commandHelp(locale, topic).examples) {
        const text = example.replace(/^"|"$/g, "");
        const parsed = parseMessage(text, ctxAt());
        expect(parsed.ok, text).toBe(true);
        if (parsed.ok) expect(parsed.command.command, text).toBe(COMMAND_OF[topic] ?? topic);
      }
    },
  );
});
