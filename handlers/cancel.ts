import { t } from "../src/i18n/index.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** cancel #N: the task is no longer needed. */
export const cancelTask: AppHandler = async (command, context) => {
  const result = await context.services.tasks.cancelTask(taskRefOf(command.taskRef, context), context.actor);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  return channelReply(t(context.locale, "task.cancelled", { number: result.task.number, title: result.task.title }), [
    result.task,
  ]);
};

export const cancelHandler = defineHandler({ command: "cancel", claimsInTransaction: true, handle: cancelTask });
