import { capTitle, MAX_TITLE_LENGTH } from "../src/core/limits.js";
import { t } from "../src/i18n/index.js";
import { commandExample } from "../src/language/index.js";
import { renderDue } from "../src/render/due-text.js";
import { renderPeople } from "../src/render/render-context.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, renderContextOf, toDueInput } from "./task-replies.js";

/**
 * add: a new task with the channel's next number, its assignees and due, confirmed back in words. A title longer
 * than MAX_TITLE_LENGTH is cut, and the reply says so.
 */
export const addTask: AppHandler = async (command, context) => {
  const people = context.mentioned ?? [];
  const { title, cut } = capTitle(command.title ?? "");
  // A title made only of invisible characters (a form's, which the parser never saw) is no title.
  if (title === "") {
    return errorReply(t(context.locale, "error.missing_title", { example: commandExample("add", context.locale) }));
  }
  const task = await context.services.tasks.createTask({
    channelId: context.channel.id,
    creatorId: context.actor.id,
    title,
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
  const notes: string[] = [];
  if (cut) notes.push(t(context.locale, "task.title_cut", { number: task.number, max: MAX_TITLE_LENGTH }));
  // "gấp", "asap": say what the urgency word was taken to mean, so a wrong guess is seen at once.
  const vague = command.due?.vague;
  if (vague) {
    notes.push(
      t(context.locale, "task.vague_due", {
        word: vague.word,
        nextWorkingDay: vague.rule === "end_of_next_working_day",
      }),
    );
  }
  return channelReply([text, ...notes].join("\n"), [task]);
};

export const addHandler = defineHandler({ command: "add", claimsInTransaction: true, handle: addTask });
