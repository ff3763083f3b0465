import { t } from "../src/i18n/index.js";
import { applyDueShift, createWorkingCalendar, type ParsedCommand } from "../src/language/index.js";
import { renderDue } from "../src/render/due-text.js";
import type { DueInput, TaskRef } from "../src/services/task-service.js";
import { type AppCommandContext, type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, refusalReply, renderContextOf, taskRefOf, toDueInput } from "./task-replies.js";

/**
 * "gia hạn #3 thêm 2 ngày": the task's current deadline moved by the amount, keeping its time of day. The change is
 * tied to the version read, so a deadline changed meanwhile is a conflict, not moved twice.
 */
async function shiftedDue(
  command: ParsedCommand,
  context: AppCommandContext,
  ref: TaskRef,
): Promise<{ due: DueInput; ref: TaskRef } | { refusal: "not_found" | "no_due" }> {
  const task = await context.services.tasks.findTask(ref.channelId, ref.number);
  if (!task) return { refusal: "not_found" };
  if (!task.dueAt || !command.dueShift) return { refusal: "no_due" };
  const calendar = context.calendar ?? createWorkingCalendar({ workingDays: context.channel.workingDays });
  const dueAt = applyDueShift(task.dueAt, command.dueShift, context.channel.timezone, calendar);
  return { due: { dueAt, hasTime: task.dueHasTime }, ref: { ...ref, expectedVersion: task.version } };
}

/** due #N <when> (gia hạn / dời hạn), or by an amount: a new deadline; history keeps old → new. */
export const changeDue: AppHandler = async (command, context) => {
  let ref = taskRefOf(command.taskRef, context);
  let due = toDueInput(command.due);
  if (command.dueShift) {
    const shifted = await shiftedDue(command, context, ref);
    if ("refusal" in shifted) {
      return shifted.refusal === "not_found"
        ? refusalReply({ ok: false, reason: "not_found", task: null }, ref.number, context)
        : errorReply(t(context.locale, "task.no_due_to_shift", { number: ref.number }));
    }
    ({ due, ref } = shifted);
  }
  const result = await context.services.tasks.changeDue(ref, context.actor, due);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const render = renderContextOf(context);
  const oldDue = renderDue(result.previous, render, { relative: false }) ?? t(context.locale, "task.no_due");
  const newDue = renderDue(result.task, render);
  const text = newDue
    ? t(context.locale, "task.due_changed", { number: result.task.number, oldDue, newDue })
    : t(context.locale, "task.due_removed", { number: result.task.number, oldDue });
  return channelReply(text, [result.task]);
};

export const dueHandler = defineHandler({ command: "due", claimsInTransaction: true, handle: changeDue });
