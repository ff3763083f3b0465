/**
 * remind #12 <when>: a one-off reminder. It needs the same right as a change of the task (its creator, an assignee,
 * a manager: checked by the authorize middleware and again here), and a task has at most MAX_PENDING_REMINDERS
 * waiting. The ping goes through the same machinery as deadline pings (quiet hours, merging, outbox); the reply says
 * when it will come, in the channel's zone.
 */
import { MAX_PENDING_REMINDERS } from "../src/core/limits.js";
import { canChangeTask } from "../src/core/permissions.js";
import type { Reply } from "../src/core/reply.js";
import { t } from "../src/i18n/index.js";
import { formatDue } from "../src/language/index.js";
import { renderForbidden } from "../src/render/refusal.js";
import { type AppHandler, defineHandler, type WithJobServices } from "./services.js";

const privateError = (text: string): Reply => ({ visibility: "private", isError: true, text });

export const remind: AppHandler<WithJobServices<"reminders">> = async (command, context) => {
  const number = command.taskRef ?? 0;
  if (!command.due) return privateError(t(context.locale, "remind.needs_when", { number }));
  const task = await context.services.tasks.findTask(context.channel.id, number);
  if (!task) return privateError(t(context.locale, "remind.not_found", { number }));
  if (!canChangeTask(task, context.actor)) return privateError(renderForbidden(task, number, context.locale));
  if (task.status !== "open") return privateError(t(context.locale, "remind.closed", { number }));
  if (command.due.deadline <= context.now) return privateError(t(context.locale, "remind.past", { number }));
  const ping = await context.services.reminders.addReminder(task.id, command.due.deadline);
  if (!ping) return privateError(t(context.locale, "remind.not_found", { number }));
  if (ping === "too_many") {
    return privateError(t(context.locale, "remind.too_many", { number, max: MAX_PENDING_REMINDERS }));
  }
  const when = formatDue({ deadline: ping.fireAt, hasTime: true }, context.locale, context.channel.timezone);
  const moved = ping.fireAt.getTime() !== command.due.deadline.getTime();
  return {
    visibility: "channel",
    text: t(context.locale, moved ? "remind.moved" : "remind.set", { number, when }),
    tasks: [task],
  };
};

export const remindHandler = defineHandler({
  command: "remind",
  claimsInTransaction: false,
  needs: ["reminders"],
  handle: remind,
});
