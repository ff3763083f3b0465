import { t } from "../src/i18n/index.js";
import { renderDue } from "../src/render/due-text.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, renderContextOf, taskRefOf } from "./task-replies.js";

/** ack #N ("nhận việc", "got it"): each assignee acknowledges for themself; others are politely refused. */
export const acknowledgeTask: AppHandler = async (command, context) => {
  const result = await context.services.tasks.acknowledge(taskRefOf(command.taskRef, context), context.actor);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const { task } = result;
  const due = renderDue(task, renderContextOf(context));
  return channelReply(t(context.locale, "task.acknowledged", { number: task.number, title: task.title, due }), [task]);
};

export const ackHandler = defineHandler({ command: "ack", claimsInTransaction: true, handle: acknowledgeTask });
