/**
 * "đổi lịch #L3 thành thứ 2 và thứ 5 hằng tuần" / "change #L3 to every Monday and Thursday": a series' new rule. The
 * tasks already made stay as they are; the times not made yet follow the new rule, and those whose period has begun
 * are made at once. The same rule again changes nothing. No rule, or a rhythm without its day, is asked about.
 */
import { askToChoose } from "../src/core/questions/index.js";
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import type { ParsedCommand } from "../src/language/index.js";
import type { Recurrence } from "../src/recurrence/index.js";
import { choicesFor } from "./recurring-create.js";
import { nextInWords, privateError, type RecurringContext, ruleInWords, seriesRefusal } from "./recurring-replies.js";

function askForDay(command: ParsedCommand, rule: Recurrence, number: number, context: RecurringContext) {
  const texts = recurringTexts(context.locale);
  const ask = command.recurrenceAsk ?? "weekday";
  const { recurrenceAsk: _asked, ...settled } = command;
  return askToChoose(context, {
    reasons: [ask === "weekday" ? texts.askRescheduleWeekday : texts.askRescheduleMonthday],
    choices: choicesFor(rule, ask).map((recurrence) => ({
      command: { ...settled, recurrence },
      label: texts.rescheduleChoice(number, ruleInWords(recurrence, context)),
    })),
  });
}

export async function rescheduleSeries(
  command: ParsedCommand,
  number: number,
  context: RecurringContext,
): Promise<Reply | Reply[]> {
  const texts = recurringTexts(context.locale);
  const rule = command.recurrence;
  if (!rule) return privateError(texts.rescheduleNeedsRule(number));
  if (command.recurrenceAsk) return askForDay(command, rule, number, context);
  const ref = { channelId: context.channel.id, number };
  const result = await context.services.series.reschedule(ref, context.actor, rule);
  if (!result.ok) {
    if (result.reason !== "already") return seriesRefusal(result.reason, number, texts);
    return privateError(texts.alreadyOnRule(number, ruleInWords(rule, context)));
  }
  // The times the old rule made or passed are not the new rule's: its next times start after them.
  const next = nextInWords(result.series, context, 3, result.series.coveredUntil);
  const made = await context.services.occurrences.createDue([result.series.id]);
  const lines = [
    texts.rescheduled(number, result.series.title, ruleInWords(rule, context)),
    next ? texts.next(next) : texts.nextNone,
    ...(made.length ? [texts.firstMade(made.map((m) => `#${m.number}`).join(", "))] : []),
  ];
  return { visibility: "channel", text: lines.join("\n") };
}
