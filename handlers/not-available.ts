import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { errorReply } from "./task-replies.js";

/**
 * remind / summary / export until the jobs engineer's handlers replace these entries in the registry
 * (`createBot({ handlers: { remind, summary, export } })`).
 */
export const notAvailableYet: AppHandler = async (command, context) =>
  errorReply(t(context.locale, "error.not_available", { command: command.command }));
