import { t } from "../src/i18n/index.js";
import { renderPeople } from "../src/render/render-context.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/**
 * done #N: an assignee marks their own part done (the task is done when every assignee finished); the creator or a
 * manager closes the whole task.
 */
export const markDone: AppHandler = async (command, context) => {
  const result = await context.services.tasks.markDone(taskRefOf(command.taskRef, context), context.actor);
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const { task, outcome } = result;
  const { locale } = context;
  if (outcome === "part_done") {
    const remaining = task.assignees.filter((assignee) => assignee.doneAt === null);
    return channelReply(
      t(locale, "task.part_done", { number: task.number, remaining: renderPeople(remaining, locale) }),
      [task],
    );
  }
  const id = outcome === "all_finished" ? "task.all_finished" : "task.closed";
  return channelReply(t(locale, id, { number: task.number, title: task.title }), [task]);
};

export const doneHandler = defineHandler({ command: "done", claimsInTransaction: true, handle: markDone });
