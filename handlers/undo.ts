import { t } from "../src/i18n/index.js";
import { describeTaskEvent } from "../src/render/history.js";
import { renderPeople } from "../src/render/render-context.js";
import { type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply, refusalReply, renderContextOf } from "./task-replies.js";

/**
 * hoàn tác / undo: takes back the person's last change in this channel within 10 minutes (see undo-plans.ts). Said
 * again, it takes back the change before that one.
 */
export const undoLastChange: AppHandler = async (_command, context) => {
  const result = await context.services.tasks.undoLastChange(context.channel.id, context.actor);
  const { locale } = context;
  if (!result.ok) {
    if (result.reason === "nothing_to_undo") return errorReply(t(locale, "undo.nothing"));
    if (result.reason === "changed_since") {
      const number = result.task?.number ?? 0;
      const person = result.by ? renderPeople([result.by], locale) : t(locale, "history.system");
      return errorReply(t(locale, "undo.changed_since", { number, person }), result.task ? [result.task] : undefined);
    }
    return refusalReply(result, result.task?.number ?? 0, context);
  }
  const { task } = result;
  const text =
    result.outcome === "withdrawn"
      ? t(locale, "undo.withdrawn", { number: task.number, title: task.title })
      : t(locale, "undo.restored", {
          number: task.number,
          what: describeTaskEvent(result.undone, renderContextOf(context)),
        });
  return channelReply(text, [task]);
};

export const undoHandler = defineHandler({ command: "undo", claimsInTransaction: false, handle: undoLastChange });
