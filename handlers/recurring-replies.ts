/**
 * Shared by the recurring handlers: the services they use (the composition root adds them to the core's), and a
 * series' rule and next dates in words.
 */
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import { formatDue } from "../src/language/index.js";
import {
  describeDayOffMove,
  describeRecurrence,
  nextOccurrences,
  type Occurrence,
  type Recurrence,
} from "../src/recurrence/index.js";
import type { SeriesView } from "../src/services/recurring-series.js";
import type { AppCommandContext, WithJobServices } from "./services.js";

export type RecurringHandlerServices = WithJobServices<"series" | "occurrences">;

export type RecurringContext = AppCommandContext<RecurringHandlerServices>;

export function privateError(text: string): Reply {
  return { visibility: "private", isError: true, text };
}

type RecurringTexts = ReturnType<typeof recurringTexts>;

/** Why a series was not changed, as the refusal the asker sees; "already" is said by the caller, who knows to what. */
export type SeriesRefusalReason = "not_found" | "forbidden" | "stopped" | "none_ahead";

export function seriesRefusal(reason: SeriesRefusalReason, number: number, texts: RecurringTexts): Reply {
  switch (reason) {
    case "not_found":
      return privateError(texts.notFound(number));
    case "forbidden":
      return privateError(texts.forbidden(number));
    case "stopped":
      return privateError(texts.alreadyStopped(number));
    case "none_ahead":
      return privateError(texts.noneToSkip(number));
  }
}

/** "16:00 thứ Sáu 04/12/2026 · 16:00 thứ Năm 31/12/2026 (dời từ 01/01/2027: Tết Dương lịch)". */
export function datesInWords(occurrences: readonly Occurrence[], context: RecurringContext): string {
  const texts = recurringTexts(context.locale);
  const { timezone } = context.channel;
  return occurrences
    .map((o) => {
      const when = formatDue({ deadline: o.deadline, hasTime: true }, context.locale, timezone);
      if (!o.moved) return when;
      const from = o.key.split("-").reverse().join("/");
      const why = context.calendar?.holidayName(o.key, context.locale) ?? null;
      return `${when}${texts.moved(from, why)}`;
    })
    .join(" · ");
}

/** The next `count` times of a series after `from` (now by default), in words. */
export function nextInWords(
  series: Pick<SeriesView, "rule" | "timezone">,
  context: RecurringContext,
  count = 3,
  from = context.now,
) {
  if (!context.calendar) return "";
  const where = {
    timezone: series.timezone,
    endOfDayMinutes: context.channel.endOfDayMinutes,
    calendar: context.calendar,
  };
  return datesInWords(nextOccurrences(series.rule, from, count, where), context);
}

export function ruleInWords(rule: Recurrence, context: RecurringContext): string {
  return describeRecurrence(rule, context.locale, context.channel.endOfDayMinutes);
}

export function dayOffInWords(rule: Recurrence, context: RecurringContext): string {
  return describeDayOffMove(rule, context.locale);
}
