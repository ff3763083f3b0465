import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** edit #N <new title>: rename, keeping the title exactly as typed. */
export const renameTask: AppHandler = async (command, context) => {
  const title = command.title ?? "";
  const result = await context.services.tasks.renameTask(taskRefOf(command.taskRef, context), context.actor, title);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const text = t(context.locale, "task.renamed", {
    number: result.task.number,
    oldTitle: result.previous.title,
    newTitle: title,
  });
  return channelReply(text, [result.task]);
};
