import type { AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { renderPeople } from "../src/render/render-context.js";
import { renderTaskList } from "../src/render/task-list.js";
import type { TaskListFilter } from "../src/services/task-service.js";
import { renderContextOf } from "./task-replies.js";

/**
 * list: mine / of a person / overdue / today / this week / done recently / open / created by me, grouped by due.
 * A person's own list is answered privately: never posted for the whole group unasked.
 */
export const listTasks: AppHandler = async (command, context) => {
  const people = context.mentioned ?? [];
  const filter: TaskListFilter = command.filter ?? (people.length > 0 ? "assignee" : "open");
  const { tasks, total } = await context.services.tasks.listTasks(context.channel.id, {
    filter,
    actorId: context.actor.id,
    memberIds: people.map((person) => person.id),
    now: context.now,
    timezone: context.channel.timezone,
  });
  const title =
    filter === "assignee"
      ? t(context.locale, "list.title.assignee", { people: renderPeople(people, context.locale) })
      : t(context.locale, `list.title.${filter}`);
  const personal = filter === "mine" || filter === "created";
  return {
    visibility: personal ? "private" : "channel",
    text: renderTaskList(title, tasks, renderContextOf(context), total),
    tasks,
  };
};
