import { t } from "../src/i18n/index.js";
import { renderPeople } from "../src/render/render-context.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, refusalReply, taskRefOf } from "./task-replies.js";

/** assign #N @people: replace (default), add or remove assignees. */
export const assignTask: AppHandler = async (command, context) => {
  const mode = command.assignMode ?? "replace";
  const people = context.mentioned ?? [];
  const result = await context.services.tasks.changeAssignees(
    taskRefOf(command.taskRef, context),
    context.actor,
    mode,
    people,
  );
  if (!result.ok) return refusalReply(result, command.taskRef ?? 0, context);
  const text = t(context.locale, "task.assignees_changed", {
    number: result.task.number,
    oldAssignees: renderPeople(result.previous.assignees, context.locale),
    newAssignees: renderPeople(result.task.assignees, context.locale),
  });
  return channelReply(text, [result.task]);
};

export const assignHandler = defineHandler({ command: "assign", claimsInTransaction: true, handle: assignTask });
