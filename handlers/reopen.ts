import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** reopen #N: a done or cancelled task is open again; every assignee's part is open again too. */
export const reopenTask: AppHandler = async (command, context) => {
  const result = await context.services.tasks.reopenTask(taskRefOf(command.taskRef, context), context.actor);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  return channelReply(t(context.locale, "task.reopened", { number: result.task.number, title: result.task.title }), [
    result.task,
  ]);
};
