import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { renderDue } from "../src/render/due-text.js";
import { channelReply, refusalReply, renderContextOf, taskRefOf, toDueInput } from "./task-replies.js";

/** due #N <when> (gia hạn / dời hạn): a new deadline; history keeps old → new. */
export const changeDue: AppHandler = async (command, context) => {
  const due = toDueInput(command.due);
  const result = await context.services.tasks.changeDue(taskRefOf(command.taskRef, context), context.actor, due);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const render = renderContextOf(context);
  const oldDue = renderDue(result.previous, render, { relative: false }) ?? t(context.locale, "task.no_due");
  const newDue = renderDue(result.task, render);
  const text = newDue
    ? t(context.locale, "task.due_changed", { number: result.task.number, oldDue, newDue })
    : t(context.locale, "task.due_removed", { number: result.task.number, oldDue });
  return channelReply(text, [result.task]);
};
