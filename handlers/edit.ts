import { capTitle, MAX_TITLE_LENGTH } from "../src/core/limits.js";
import { t } from "../src/i18n/index.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** edit #N <new title>: rename, keeping the title as typed (cut at MAX_TITLE_LENGTH, and the reply says so). */
export const renameTask: AppHandler = async (command, context) => {
  const { title, cut } = capTitle(command.title ?? "");
  const result = await context.services.tasks.renameTask(taskRefOf(command.taskRef, context), context.actor, title);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const text = t(context.locale, "task.renamed", {
    number: result.task.number,
    oldTitle: result.previous.title,
    newTitle: title,
  });
  const note = cut
    ? `\n${t(context.locale, "task.title_cut", { number: result.task.number, max: MAX_TITLE_LENGTH })}`
    : "";
  return channelReply(`${text}${note}`, [result.task]);
};

export const editHandler = defineHandler({ command: "edit", claimsInTransaction: true, handle: renameTask });
