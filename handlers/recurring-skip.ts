/** "bỏ qua lần tới #L3" / "skip next #L3": the next time not made yet is left out; the ones after stay. */
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import { formatDue } from "../src/language/index.js";
import { privateError, type RecurringContext, seriesRefusal } from "./recurring-replies.js";

export async function skipNextOccurrence(number: number, context: RecurringContext): Promise<Reply> {
  const texts = recurringTexts(context.locale);
  if (!context.calendar) return privateError(texts.noneToSkip(number));
  const where = { endOfDayMinutes: context.channel.endOfDayMinutes, calendar: context.calendar };
  const result = await context.services.series.skipNext(
    { channelId: context.channel.id, number },
    context.actor,
    where,
  );
  if (result.ok) {
    const date = formatDue(
      { deadline: result.skipped.deadline, hasTime: true },
      context.locale,
      result.series.timezone,
    );
    return { visibility: "channel", text: texts.skipped(number, result.series.title, date) };
  }
  return seriesRefusal(result.reason, number, texts);
}
