/**
 * snooze #N (the 💤 "Nhắc lại sau / Snooze" menu on Slack ping cards; structured only, the text parser has no
 * form for it): no ping of the task until the chosen time, then one reminder. Permission as for any change: an
 * assignee, the creator or a manager. The time shown is where the planner puts it: out of quiet hours, read with
 * the default ping policy's morning (a channel with its own morning time differs only in that hour).
 */
import { createWorkingCalendar } from "../src/calendar/index.js";
import { t } from "../src/i18n/index.js";
import { formatDue } from "../src/language/index.js";
import { defaultPingPolicy, snoozeEnd } from "../src/scheduling/index.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, refusalReply, taskRefOf } from "./task-replies.js";

export const snooze: AppHandler = async (command, context) => {
  const number = command.taskRef ?? 0;
  if (!command.due) return errorReply(t(context.locale, "snooze.missing", { number }));
  if (command.due.deadline <= context.now) return errorReply(t(context.locale, "snooze.past", { number }));
  const result = await context.services.tasks.snooze(
    taskRefOf(command.taskRef, context),
    context.actor,
    command.due.deadline,
  );
  if (!result.ok) return refusalReply(result, number, context);
  const { channel } = context;
  const end = snoozeEnd(result.until, {
    timezone: channel.timezone,
    endOfDayMinutes: channel.endOfDayMinutes,
    calendar: context.calendar ?? createWorkingCalendar({ workingDays: channel.workingDays }),
    policy: defaultPingPolicy,
  });
  const when = formatDue({ deadline: end, hasTime: true }, context.locale, channel.timezone);
  return channelReply(t(context.locale, "snooze.done", { number: result.task.number, when }), [result.task]);
};

export const snoozeHandler = defineHandler({ command: "snooze", claimsInTransaction: false, handle: snooze });
