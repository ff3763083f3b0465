/** summary / báo cáo tuần: the weekly summary on demand, the same text the scheduled one posts. */
import type { AppHandler } from "../src/core/services.js";
import { renderWeeklySummaryReply } from "../src/scheduling/index.js";
import type { JobHandlerServices } from "./remind.js";

export const summary: AppHandler<JobHandlerServices> = async (_command, context) => {
  const found = await context.services.reports.weeklyReport(context.channel.id, context.now);
  if (!found) {
    return {
      visibility: "private",
      isError: true,
      text: context.locale === "vi" ? "Không tìm thấy kênh này." : "Channel not found.",
    };
  }
  return renderWeeklySummaryReply(found.report, context.locale, found.channel.name ?? undefined);
};
