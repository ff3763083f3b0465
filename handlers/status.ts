import { renderStatus } from "../src/render/status.js";
import { type AppHandler, defineHandler } from "./services.js";

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

export const statusHandler = defineHandler({ command: "status", claimsInTransaction: true, handle: showStatus });
