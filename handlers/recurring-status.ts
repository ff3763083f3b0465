/**
 * "tạm dừng #L3" / "pause #L3", "tiếp tục #L3" / "resume #L3", "dừng lặp #L3" / "stop #L3": a series' state. Its
 * creator, an assignee or a manager may; tasks already made stay as they are.
 */
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import type { SeriesChange } from "../src/services/recurring-series.js";
import { privateError, type RecurringContext, seriesRefusal } from "./recurring-replies.js";

export async function changeSeriesStatus(
  action: "pause" | "resume" | "stop",
  number: number,
  context: RecurringContext,
): Promise<Reply> {
  const texts = recurringTexts(context.locale);
  const ref = { channelId: context.channel.id, number };
  const { series } = context.services;
  const result: SeriesChange = await series[action](ref, context.actor);
  if (result.ok) {
    const said = { pause: texts.paused, resume: texts.resumed, stop: texts.stopped }[action];
    return { visibility: "channel", text: said(number, result.series.title) };
  }
  if (result.reason !== "already") return seriesRefusal(result.reason, number, texts);
  const already = { pause: texts.alreadyPaused, resume: texts.alreadyActive, stop: texts.alreadyStopped }[action];
  return privateError(already(number));
}
