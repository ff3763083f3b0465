import { t } from "../src/i18n/index.js";
import { renderPeople } from "../src/render/render-context.js";
import { renderTaskList } from "../src/render/task-list.js";
import type { TaskListFilter } from "../src/services/task-service.js";
import { type AppHandler, defineHandler } from "./services.js";
import { renderContextOf } from "./task-replies.js";

/**
 * list: mine / of a person / overdue / today / this week / done recently / open / created by me, grouped by due.
 * A person's own list is answered privately: never posted for the whole group unasked.
 */
export const listTasks: AppHandler = async (command, context) => {
  const people = context.mentioned ?? [];
  const filter: TaskListFilter = command.filter ?? (people.length > 0 ? "assignee" : "open");
  const personal = filter === "mine" || filter === "created";
  const query = {
    filter,
    actorId: context.actor.id,
    memberIds: people.map((person) => person.id),
    now: context.now,
    timezone: context.channel.timezone,
  };
  // In a private chat with the bot, "my tasks" means mine everywhere (Zalo groups may be unavailable to the bot).
  const acrossChannels = personal && context.channel.isPrivateChat;
  const { tasks, total } = acrossChannels
    ? await context.services.tasks.listPersonalTasks(context.channel.workspaceId, query)
    : await context.services.tasks.listTasks(context.channel.id, query);
  const title =
    filter === "assignee"
      ? t(context.locale, "list.title.assignee", { people: renderPeople(people, context.locale) })
      : t(context.locale, `list.title.${filter}`);
  return {
    visibility: personal ? "private" : "channel",
    text: renderTaskList(title, tasks, { ...renderContextOf(context), showChannel: acrossChannels }, total),
    tasks,
  };
};

export const listHandler = defineHandler({ command: "list", claimsInTransaction: true, handle: listTasks });
