import type { Locale } from "../core/incoming.js";
import { commandHelp, t } from "../i18n/index.js";
import type { HelpTopic } from "../language/index.js";

/** The overview, or the help of one topic with its form and examples. */
export function renderHelp(locale: Locale, topic?: HelpTopic | null): string {
  if (!topic) return `${t(locale, "help.overview")}\n${t(locale, "help.more")}`;
  const help = commandHelp(locale, topic);
  return t(locale, "help.command", {
    usage: help.usage,
    description: help.description,
    examples: help.examples.map((example) => `• ${example}`).join("\n"),
  });
}
