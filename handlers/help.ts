import type { AppHandler } from "../src/core/services.js";
import { renderHelp } from "../src/render/help.js";

/** help [command]: the overview or one command's form and examples, in the channel's language. */
export const showHelp: AppHandler = async (command, context) => ({
  visibility: "private",
  text: renderHelp(context.locale, command.helpTopic ?? null),
});
