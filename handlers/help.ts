import { renderHelp } from "../src/render/help.js";
import { type AppHandler, defineHandler } from "./services.js";

/**
 * help [topic]: the overview or one topic's form and examples, in the language it was asked in ("help settings" in a
 * Vietnamese channel answers in English), else the channel's.
 */
export const showHelp: AppHandler = async (command, context) => ({
  visibility: "private",
  text: renderHelp(command.locale ?? context.locale, command.helpTopic ?? null),
});

export const helpHandler = defineHandler({ command: "help", claimsInTransaction: true, handle: showHelp });
