import { t } from "../src/i18n/index.js";
import { renderTaskCard } from "../src/render/task-card.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, renderContextOf } from "./task-replies.js";

/** show #N: the task card with its history (who, what, when, old → new). Only tasks of this channel. */
export const showTask: AppHandler = async (command, context) => {
  const number = command.taskRef ?? 0;
  const task = await context.services.tasks.findTask(context.channel.id, number);
  if (!task) return errorReply(t(context.locale, "task.not_found", { number }));
  const history = await context.services.tasks.getHistory(task.id);
  return channelReply(renderTaskCard(task, renderContextOf(context), history), [task]);
};

export const showHandler = defineHandler({ command: "show", claimsInTransaction: true, handle: showTask });
