/**
 * The text of a ping message. Pings of one channel due in the same minute arrive here together and become one
 * message listing every task, so a Friday-17:00 cluster never bursts into a channel.
 */
import { personToken, type Reply } from "../core/reply.js";
import type { TaskView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { formatDue } from "../language/index.js";
import { formatLateness, type Locale } from "./format.js";
import type { PingKind } from "./plan-pings.js";

export interface PingItem {
  kind: PingKind;
  /** Sent after its time (the bot was down): the message says so. */
  late: boolean;
  task: TaskView;
}

/** When a task has several pings in one message (heads-up and reminder at 09:00), the most pressing one speaks. */
const PRIORITY: PingKind[] = ["escalation", "overdue", "at_deadline", "hour_before", "heads_up", "reminder"];

function line(item: PingItem, zone: string, locale: Locale, now: Date): string {
  const { task, kind } = item;
  let label = t(locale, `ping.${kind}`);
  if ((kind === "overdue" || kind === "escalation") && task.dueAt) {
    label = `${label} ${formatLateness(task.dueAt, now, locale)}`;
  }
  const pending = task.assignees.filter((a) => a.doneAt === null);
  const who = pending.length > 0 ? pending.map((a) => personToken(a)).join(", ") : t(locale, "ping.unassigned");
  const deadline = task.dueAt ? formatDue({ deadline: task.dueAt, hasTime: task.dueHasTime }, locale, zone) : null;
  const due = deadline ? ` — ${t(locale, "ping.due", { due: deadline })}` : "";
  let text = `• *${label}*: #${task.number} ${task.title}${due} — ${who}`;
  if (kind === "escalation") text += t(locale, "ping.cc_creator", { creator: personToken(task.creator) });
  if (item.late) text += t(locale, "ping.sent_late");
  return text;
}

/** One channel message for all `items` (at least one), tasks in number order, one line per task. */
export function renderPingMessage(items: PingItem[], zone: string, locale: Locale, now: Date): Reply {
  const byTask = new Map<string, PingItem>();
  for (const item of items) {
    const current = byTask.get(item.task.id);
    if (!current || PRIORITY.indexOf(item.kind) < PRIORITY.indexOf(current.kind)) {
      byTask.set(item.task.id, { ...item, late: item.late || (current?.late ?? false) });
    }
  }
  const chosen = [...byTask.values()].sort((a, b) => a.task.number - b.task.number);
  const lines = chosen.map((item) => line(item, zone, locale, now));
  const header = chosen.length > 1 ? [t(locale, "ping.header", { count: chosen.length })] : [];
  return {
    visibility: "channel",
    text: [...header, ...lines].join("\n"),
    tasks: chosen.map((i) => i.task),
    kind: "ping",
  };
}
