/**
 * What pings and summaries add to a Reply, for adapters that draw more than text (Slack: snooze controls on ping
 * cards, the summary as Block Kit with a chart). Declared here, next to the code that fills them, as optional
 * fields of the core's Reply; everything is plain JSON so it survives the outbox.
 */
import type { PersonFigures } from "./weekly-report.js";

/** The weekly summary, already in the channel's language; names and titles are plain text (adapters escape). */
export interface SummaryView {
  locale: "vi" | "en";
  /** "Tổng kết tuần 23/11–29/11", without markup. */
  title: string;
  channelName?: string;
  sections: { key: "done" | "overdue" | "dueThisWeek"; title: string; lines: string[] }[];
  /** "(không có)" / "(none)". */
  none: string;
  people: {
    title: string;
    /** Person, open, overdue, done, on time. */
    columns: string[];
    /** Series names for a chart. */
    labels: { open: string; overdue: string; done: string };
    rows: PersonFigures[];
    /** The monospace table as a ``` block; null when nobody has tasks. */
    table: string | null;
  };
  change: { title: string; text: string };
}

declare module "../core/reply.js" {
  interface Reply {
    /** What the message is: deadline pings (cards may offer snooze) or the weekly summary. Unset: an answer. */
    kind?: "ping" | "summary";
    /** Set with kind "summary". */
    summary?: SummaryView;
  }
}
