import type { Reply } from "../src/core/reply.js";
import type { TaskView } from "../src/core/task-view.js";
import { t } from "../src/i18n/index.js";
import type { DueResolution } from "../src/language/index.js";
import { renderForbidden } from "../src/render/refusal.js";
import type { RenderContext } from "../src/render/render-context.js";
import { renderTaskCard } from "../src/render/task-card.js";
import type { DueInput, TaskWriteResult } from "../src/services/task-service.js";
import type { AppCommandContext } from "./services.js";

/** Shared by the task handlers: how a context renders, and how a refused change is explained. */
export function renderContextOf(context: AppCommandContext): RenderContext {
  return { locale: context.locale, timezone: context.channel.timezone, now: context.now, calendar: context.calendar };
}

export function toDueInput(due: DueResolution | null): DueInput | null {
  return due ? { dueAt: due.deadline, hasTime: due.hasTime, start: due.start, grain: due.grain } : null;
}

export function channelReply(text: string, tasks?: TaskView[]): Reply {
  return tasks ? { visibility: "channel", text, tasks } : { visibility: "channel", text };
}

export function errorReply(text: string, tasks?: TaskView[]): Reply {
  return tasks ? { visibility: "private", isError: true, text, tasks } : { visibility: "private", isError: true, text };
}

/** The polite answer to a change that was not made: why, and who may do it; a conflict shows the task as it is now. */
export function refusalReply(
  result: Extract<TaskWriteResult, { ok: false }>,
  number: number,
  context: AppCommandContext,
): Reply {
  const { locale } = context;
  const task = result.task;
  const status = task ? t(locale, `status.${task.status}`) : "";
  switch (result.reason) {
    case "not_found":
      return errorReply(t(locale, "task.not_found", { number }));
    case "forbidden":
      return errorReply(renderForbidden(task, number, locale));
    case "conflict": {
      const card = task ? `\n\n${renderTaskCard(task, renderContextOf(context))}` : "";
      return errorReply(`${t(locale, "task.conflict", { number })}${card}`, task ? [task] : undefined);
    }
    case "not_assignee":
      return errorReply(t(locale, "task.not_assignee", { number }));
    case "already_closed":
      return errorReply(t(locale, "task.already_closed", { number, status }));
    case "already_open":
      return errorReply(t(locale, "task.already_open", { number }));
    case "already_acknowledged":
      return errorReply(t(locale, "task.already_acknowledged", { number }));
    case "already_done_by_you":
      return errorReply(t(locale, "task.already_done_by_you", { number }));
    case "not_open":
      return errorReply(t(locale, "task.not_open", { number, status }));
    case "no_change":
      return errorReply(t(locale, "task.no_change", { number }));
    case "withdrawn":
      return errorReply(t(locale, "task.withdrawn", { number }));
  }
}

/**
 * The task a command names; the parser guarantees a number for commands that need one. A button press names its
 * task by id as well (see IncomingMessage.target): the service then acts on exactly that task.
 */
export function taskRefOf(taskRef: number | null, context: AppCommandContext) {
  return {
    channelId: context.channel.id,
    number: taskRef ?? 0,
    ...(context.targetTaskId ? { taskId: context.targetTaskId } : {}),
  };
}
