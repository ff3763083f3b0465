import type { AppHandler } from "../src/core/services.js";
import { renderStatus } from "../src/render/status.js";

/** status [@person | mine]: open, overdue, due this week, done this week, on-time rate. */
export const showStatus: AppHandler = async (command, context) => {
  const person = command.filter === "mine" ? context.actor : context.mentioned?.[0];
  const counts = await context.services.tasks.countStatus(context.channel.id, {
    memberId: person?.id,
    now: context.now,
    timezone: context.channel.timezone,
  });
  const personal = person !== undefined && person.id === context.actor.id;
  return { visibility: personal ? "private" : "channel", text: renderStatus(counts, context, person) };
};
