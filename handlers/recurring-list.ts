/** "việc định kỳ" / "recurring": the channel's series that still run, each with its rule, people and next times. */
import type { Reply } from "../src/core/reply.js";
import { recurringTexts } from "../src/i18n/recurring.js";
import { renderPeople } from "../src/render/render-context.js";
import { nextInWords, type RecurringContext, ruleInWords } from "./recurring-replies.js";

export async function listSeries(context: RecurringContext): Promise<Reply> {
  const texts = recurringTexts(context.locale);
  const all = await context.services.series.list(context.channel.id);
  if (all.length === 0) return { visibility: "channel", text: texts.listEmpty };
  const lines = all.flatMap((series) => {
    const people = series.assignees.length ? renderPeople(series.assignees, context.locale) : null;
    const line = texts.listLine(
      series.number,
      series.title,
      ruleInWords(series.rule, context),
      people,
      series.status === "paused",
    );
    return series.status === "active" ? [line, texts.nextLine(nextInWords(series, context, 2))] : [line];
  });
  return { visibility: "channel", text: [texts.listTitle, ...lines].join("\n") };
}
