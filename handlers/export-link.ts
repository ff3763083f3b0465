/**
 * `xuất báo cáo xlsx` / `export csv` where the platform cannot carry a file (Zalo's Bot API sends no files): the
 * asker gets, privately, a single-use link that downloads the same file from the dashboard. Elsewhere the file is
 * attached as before ({@link exportTasks}).
 */
import { orgWords } from "../src/i18n/org-words.js";
import { exportTasks } from "./export.js";
import { privateLinkFor } from "./org-services.js";
import { type AppHandler, defineHandler, type JobServices, type WithJobServices } from "./services.js";

type ExportServices = WithJobServices<"reports"> & Partial<Pick<JobServices, "org" | "dashboard">>;

export const exportTasksOrLink: AppHandler<ExportServices> = async (command, context) => {
  const { org, dashboard } = context.services;
  if (context.channel.platform !== "zalo" || !org || !dashboard) return exportTasks(command, context);
  const format = command.exportFormat ?? "xlsx";
  const words = orgWords(context.locale);
  const link = await privateLinkFor(
    { ...context, services: { ...context.services, org, dashboard } },
    `/dashboard/channel/${context.channel.id}/export.${format}${command.exportWithCancelled ? "?cancelled=1" : ""}`,
  );
  if (!link) return { visibility: "private", text: words.linkOnlyPrivately };
  return { visibility: "private", text: words.exportLink(format, link.url, link.until) };
};

/** The export command: a file where the platform carries one, else (with the dashboard wired) a private link. */
export const exportHandler = defineHandler({
  command: "export",
  claimsInTransaction: false,
  needs: ["reports"],
  handle: exportTasksOrLink,
});
