/**
 * The weekly summary as plain data, already in the channel's language, for adapters that draw more than text
 * (Slack: Block Kit and a per-person chart). Names and titles are plain text: adapters escape them. Everything is
 * JSON-safe so it survives the outbox.
 */
import type { Locale } from "../locale.js";
export interface SummaryPersonFigures {
  name: string;
  open: number;
  overdue: number;
  done: number;
  /** Done on or before the due date, out of done with a due date; null when none was measured. */
  onTimeRate: number | null;
}

export interface SummaryView {
  locale: Locale;
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
    rows: SummaryPersonFigures[];
    /** The monospace table as a ``` block; null when nobody has tasks. */
    table: string | null;
  };
  change: { title: string; text: string };
}
