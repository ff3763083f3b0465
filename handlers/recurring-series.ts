/** series: the commands on recurring series, each in its own file; this only routes by the action read. */
import { t } from "../src/i18n/index.js";
import { commandExample } from "../src/language/index.js";
import { editSeries } from "./recurring-edit.js";
import { listSeries } from "./recurring-list.js";
import { privateError, type RecurringHandlerServices } from "./recurring-replies.js";
import { rescheduleSeries } from "./recurring-reschedule.js";
import { skipNextOccurrence } from "./recurring-skip.js";
import { changeSeriesStatus } from "./recurring-status.js";
import { type AppHandler, defineHandler } from "./services.js";

export const manageSeries: AppHandler<RecurringHandlerServices> = async (command, context) => {
  const action = command.seriesAction ?? "list";
  const number = command.seriesRef ?? null;
  if (action === "list") return listSeries(context);
  if (number === null) {
    const example = commandExample("series", context.locale);
    return privateError(t(context.locale, "error.missing_task_ref", { command: "#L…", example }));
  }
  if (action === "rename" || action === "assign") return editSeries(action, number, command.title, context);
  if (action === "reschedule") return rescheduleSeries(command, number, context);
  return action === "skip" ? skipNextOccurrence(number, context) : changeSeriesStatus(action, number, context);
};

export const seriesHandler = defineHandler({
  command: "series",
  claimsInTransaction: false,
  needs: ["series", "occurrences"],
  handle: manageSeries,
});
