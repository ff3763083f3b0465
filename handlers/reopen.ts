import { t } from "../src/i18n/index.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** reopen #N: a done or cancelled task is open again; every assignee's part is open again too. */
export const reopenTask: AppHandler = async (command, context) => {
  const result = await context.services.tasks.reopenTask(taskRefOf(command.taskRef, context), context.actor);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  return channelReply(t(context.locale, "task.reopened", { number: result.task.number, title: result.task.title }), [
    result.task,
  ]);
};

export const reopenHandler = defineHandler({ command: "reopen", claimsInTransaction: true, handle: reopenTask });
