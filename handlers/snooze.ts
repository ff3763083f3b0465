/**
 * snooze #N (the 💤 "Nhắc lại sau / Snooze" menu on Slack ping cards; structured only, the text parser has no
 * form for it): no ping of the task until the chosen time, then one reminder. Permission as for any change: an
 * assignee, the creator or a manager. The time shown is where the planner puts it: out of quiet hours, read with
 * the default ping policy's morning (a channel with its own morning time differs only in that hour).
 */
import { createWorkingCalendar } from "../src/calendar/index.js";
import { defaultPingPolicy, formatDeadline, snoozeEnd } from "../src/scheduling/index.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, refusalReply, taskRefOf } from "./task-replies.js";

const TEXT = {
  vi: {
    done: (n: number, when: string) => `💤 Đã hoãn nhắc việc #${n}: nhắc lại lúc ${when}.`,
    missing: (n: number) => `Hoãn nhắc việc #${n} đến khi nào? Hãy chọn trong nút 💤 Nhắc lại sau.`,
    past: (n: number) => `Thời điểm hoãn nhắc việc #${n} đã qua.`,
  },
  en: {
    done: (n: number, when: string) => `💤 Pings for #${n} snoozed: next reminder at ${when}.`,
    missing: (n: number) => `Snooze #${n} until when? Pick a time from the 💤 Snooze menu.`,
    past: (n: number) => `The snooze time for #${n} has already passed.`,
  },
} as const;

export const snooze: AppHandler = async (command, context) => {
  const text = TEXT[context.locale];
  const number = command.taskRef ?? 0;
  if (!command.due) return errorReply(text.missing(number));
  if (command.due.deadline <= context.now) return errorReply(text.past(number));
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
  const when = formatDeadline(end, true, channel.timezone, context.locale);
  return channelReply(text.done(result.task.number, when), [result.task]);
};

export const snoozeHandler = defineHandler({ command: "snooze", claimsInTransaction: false, handle: snooze });
