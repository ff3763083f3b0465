import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { renderDue } from "../src/render/due-text.js";
import { renderPeople } from "../src/render/render-context.js";
import { channelReply, renderContextOf, toDueInput } from "./task-replies.js";

/** add: a new task with the channel's next number, its assignees and due, confirmed back in words. */
export const addTask: AppHandler = async (command, context) => {
  const people = context.mentioned ?? [];
  const task = await context.services.tasks.createTask({
    channelId: context.channel.id,
    creatorId: context.actor.id,
    title: command.title ?? "",
    assigneeIds: people.map((person) => person.id),
    due: toDueInput(command.due),
    sourceRef: context.incoming.messageRef,
    people: [context.actor, ...people],
  });
  const text = t(context.locale, "task.created", {
    number: task.number,
    title: task.title,
    assignees: task.assignees.length > 0 ? renderPeople(task.assignees, context.locale) : null,
    due: renderDue(task, renderContextOf(context)),
  });
  // "gấp", "asap": say what the urgency word was taken to mean, so a wrong guess is seen at once.
  const vague = command.due?.vague;
  const note = vague
    ? `\n${t(context.locale, "task.vague_due", { word: vague.word, nextWorkingDay: vague.rule === "end_of_next_working_day" })}`
    : "";
  return channelReply(text + note, [task]);
};
