/**
 * `tình hình các đơn vị` / `status of units`: a row per unit the asker may see (its subtree's open, overdue and how
 * late, due this week, done last week, on-time rate, and the change against last week); `việc quá hạn các đơn vị`:
 * the overdue tasks grouped by unit; `xuất báo cáo tổng hợp xlsx`: the same as a file (on Zalo, which cannot send
 * files, a private download link). Only a unit's leaders and workspace admins see anything.
 */
import type { Reply } from "../src/core/reply.js";
import { orgWords } from "../src/i18n/org-words.js";
import { rollupFile } from "../src/render/org-export.js";
import { renderOverdueText, renderRollupText } from "../src/render/org-rollup-text.js";
import { type OrgContext, type OrgHandlerServices, privateLinkFor } from "./org-services.js";
import { type AppHandler, defineHandler } from "./services.js";

export const showRollup: AppHandler<OrgHandlerServices> = async (command, context) => {
  const request = command.org;
  const { org } = context.services;
  const { actor, channel, now, locale } = context;
  const viewer = { id: actor.id, workspaceId: channel.workspaceId, isWorkspaceAdmin: actor.isWorkspaceAdmin };
  const rollup = await org.rollup(viewer, now, channel.timezone);
  if (rollup.rows.length === 0) return { visibility: "private", text: orgWords(locale).nothingVisible };
  const unitIds = rollup.rows.map((r) => r.unit.id);
  if (request?.action === "overdue") {
    const tasks = await org.overdue(unitIds, now);
    return {
      visibility: "channel",
      text: renderOverdueText(
        tasks,
        rollup.rows.map((r) => r.unit),
        now,
        locale,
      ),
    };
  }
  if (request?.action === "export") return exportRollup(context, request, rollup, unitIds);
  return { visibility: "channel", text: renderRollupText(rollup, locale) };
};

async function exportRollup(
  context: OrgContext,
  { format, withCancelled = false }: { format: "csv" | "xlsx"; withCancelled?: boolean },
  rollup: Awaited<ReturnType<OrgHandlerServices["org"]["rollup"]>>,
  unitIds: string[],
): Promise<Reply> {
  const words = orgWords(context.locale);
  if (context.channel.platform === "zalo") {
    const link = await privateLinkFor(
      context,
      `/dashboard/export/rollup.${format}${withCancelled ? "?cancelled=1" : ""}`,
    );
    if (!link) return { visibility: "private", text: words.linkOnlyPrivately };
    return { visibility: "private", text: words.exportLink(format, link.url, link.until) };
  }
  const tasks = await context.services.org.taskRows({ unitIds, includeCancelled: withCancelled });
  const file = await rollupFile(rollup, tasks, format, context.locale);
  return { visibility: "channel", text: file.filename, attachment: file };
}

export const rollupHandler = defineHandler({
  command: "rollup",
  claimsInTransaction: false,
  needs: ["org", "dashboard"],
  handle: showRollup,
});
