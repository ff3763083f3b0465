/**
 * repeat: a new recurring series, said back with its rule in words and its next three dates (moved ones marked),
 * no question per occurrence. A rule without its day ("nộp báo cáo hằng tuần") is asked about first, nothing
 * written. The occurrences whose period has already begun are made at once, as ordinary tasks.
 */

import { capTitle } from "../src/core/limits.js";
import { askToChoose } from "../src/core/questions/index.js";
import { t } from "../src/i18n/index.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import type { ParsedCommand } from "../src/language/index.js";
import { commandExample } from "../src/language/index.js";
import type { Recurrence } from "../src/recurrence/index.js";
import { renderPeople } from "../src/render/render-context.js";
import {
  dayOffInWords,
  nextInWords,
  privateError,
  type RecurringContext,
  type RecurringHandlerServices,
  ruleInWords,
} from "./recurring-replies.js";
import { type AppHandler, defineHandler } from "./services.js";

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR"];
/** Days of the month offered when a monthly rule named none: the last, the first, the 15th, the 25th. */
const MONTH_DAYS = [-1, 1, 15, 25];

/** The rules offered for a rhythm that lacks its day. */
export function choicesFor(rule: Recurrence, ask: "weekday" | "monthday"): Recurrence[] {
  if (ask === "weekday") return RRULE_DAYS.map((day) => ({ ...rule, rrule: `${rule.rrule};BYDAY=${day}` }));
  const base = (rule.rrule ?? "").replace(/;?BYMONTHDAY=[^;]*/, "");
  return MONTH_DAYS.map((day) => ({ ...rule, rrule: `${base};BYMONTHDAY=${day}` }));
}

function askForDay(command: ParsedCommand, rule: Recurrence, ask: "weekday" | "monthday", context: RecurringContext) {
  const texts = recurringTexts(context.locale);
  const people = context.mentioned?.length ? renderPeople(context.mentioned, context.locale) : null;
  return askToChoose(context, {
    reasons: [ask === "weekday" ? texts.askWeekday : texts.askMonthday],
    choices: choicesFor(rule, ask).map((recurrence) => {
      const { recurrenceAsk: _asked, ...settled } = command;
      return {
        command: { ...settled, recurrence },
        label: texts.choice(command.title ?? "", people, ruleInWords(recurrence, context)),
      };
    }),
  });
}

export const createRecurringTask: AppHandler<RecurringHandlerServices> = async (command, context) => {
  const rule = command.recurrence;
  const { title } = capTitle(command.title ?? "");
  if (!rule || title === "") {
    return privateError(
      t(context.locale, "error.missing_title", { example: commandExample("repeat", context.locale) }),
    );
  }
  if (command.recurrenceAsk) return askForDay(command, rule, command.recurrenceAsk, context);
  const people = context.mentioned ?? [];
  const series = await context.services.series.create({
    channelId: context.channel.id,
    creatorId: context.actor.id,
    title,
    assigneeIds: people.map((p) => p.id),
    rule,
    timezone: context.channel.timezone,
    sourceRef: context.incoming.messageRef,
  });
  const made = await context.services.occurrences.createDue([series.id]);
  const texts = recurringTexts(context.locale);
  const next = nextInWords(series, context);
  const lines = [
    texts.created(series.number, series.title),
    ...(people.length ? [texts.assignees(renderPeople(people, context.locale))] : []),
    texts.rule(ruleInWords(rule, context), dayOffInWords(rule, context)),
    next ? texts.next(next) : texts.nextNone,
    ...(made.length ? [texts.firstMade(made.map((m) => `#${m.number}`).join(", "))] : []),
    texts.eachIsTask,
  ];
  return { visibility: "channel", text: lines.join("\n") };
};

export const repeatHandler = defineHandler({
  command: "repeat",
  claimsInTransaction: false,
  needs: ["series", "occurrences"],
  handle: createRecurringTask,
});
