/**
 * `xuất báo cáo xlsx` / `export csv` where the platform cannot carry a file (Zalo's Bot API sends no files): the
 * asker gets, privately, a single-use link that downloads the same file from the dashboard. Elsewhere the file is
 * attached as before ({@link exportTasks}).
 */
import type { AppHandler } from "../src/core/services.js";
import { orgWords } from "../src/i18n/org-words.js";
import { exportTasks } from "./export.js";
import { type OrgHandlerServices, privateLinkFor } from "./org-services.js";
import type { JobHandlerServices } from "./remind.js";

export const exportTasksOrLink: AppHandler<JobHandlerServices & OrgHandlerServices> = async (command, context) => {
  if (context.channel.platform !== "zalo") return exportTasks(command, context);
  const format = command.exportFormat ?? "xlsx";
  const words = orgWords(context.locale);
  const link = await privateLinkFor(context, `/dashboard/channel/${context.channel.id}/export.${format}`);
  if (!link) return { visibility: "private", text: words.linkOnlyPrivately };
  return { visibility: "private", text: words.exportLink(format, link.url, link.until) };
};
