/** summary / báo cáo tuần: the weekly summary on demand, the same text the scheduled one posts. */

import { t } from "../src/i18n/index.js";
import { renderWeeklySummaryReply } from "../src/scheduling/index.js";
import { type AppHandler, defineHandler, type WithJobServices } from "./services.js";

export const summary: AppHandler<WithJobServices<"reports">> = async (_command, context) => {
  const found = await context.services.reports.weeklyReport(context.channel.id, context.now);
  if (!found) {
    return { visibility: "private", isError: true, text: t(context.locale, "summary.channel_not_found") };
  }
  return renderWeeklySummaryReply(found.report, context.locale, found.channel.name ?? undefined);
};

export const summaryHandler = defineHandler({
  command: "summary",
  claimsInTransaction: false,
  needs: ["reports"],
  handle: summary,
});
