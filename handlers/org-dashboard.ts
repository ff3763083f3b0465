/**
 * `bảng điều khiển` / `dashboard`: a single-use link, valid 15 minutes, sent to the asker privately; opening it
 * starts a 12-hour session that shows only what the person may see. The link is never logged.
 */
import { orgWords } from "../src/i18n/org-words.js";
import { type OrgHandlerServices, privateLinkFor } from "./org-services.js";
import { type AppHandler, defineHandler } from "./services.js";

export const sendDashboardLink: AppHandler<OrgHandlerServices> = async (_command, context) => {
  const words = orgWords(context.locale);
  const link = await privateLinkFor(context, "/dashboard");
  if (!link) return { visibility: "private", text: words.linkOnlyPrivately };
  return { visibility: "private", text: words.link(link.url, link.until) };
};

export const dashboardHandler = defineHandler({
  command: "dashboard",
  claimsInTransaction: false,
  needs: ["org", "dashboard"],
  handle: sendDashboardLink,
});
