/**
 * "đổi tên #L3 thành …" / "rename #L3 …", "giao lại #L3 cho @Minh" / "reassign #L3 to @Minh": a series' title or
 * people. The times not made yet take the change; tasks already made stay as they are.
 */
import { capTitle } from "../src/core/limits.js";
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import { renderPeople } from "../src/render/render-context.js";
import type { SeriesChange } from "../src/services/recurring-series.js";
import { privateError, type RecurringContext, seriesRefusal } from "./recurring-replies.js";

export async function editSeries(
  action: "rename" | "assign",
  number: number,
  title: string | null,
  context: RecurringContext,
): Promise<Reply> {
  const texts = recurringTexts(context.locale);
  const ref = { channelId: context.channel.id, number };
  const people = context.mentioned ?? [];
  const { series } = context.services;
  const name = capTitle(title ?? "").title;
  if (action === "rename" && !name) return privateError(texts.renameNeedsTitle(number));
  if (action === "assign" && people.length === 0) return privateError(texts.assignNeedsPeople(number));
  const result: SeriesChange =
    action === "rename"
      ? await series.rename(ref, context.actor, name)
      : await series.reassign(
          ref,
          context.actor,
          people.map((p) => p.id),
        );
  if (result.ok) {
    const what = action === "rename" ? name : renderPeople(result.series.assignees, context.locale);
    return { visibility: "channel", text: texts.edited(number, result.series.title, action, what) };
  }
  return seriesRefusal(result.reason === "already" ? "stopped" : result.reason, number, texts);
}
