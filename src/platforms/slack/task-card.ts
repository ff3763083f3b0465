import type { KnownBlock } from "@slack/types";
import type { TaskView } from "../../core/task-view.js";
import { escapeMrkdwn, renderPerson } from "./mrkdwn.js";

/** Action ids of the card's controls; the interaction listeners match on these. */
export const ACTION = {
  done: "roviec_done",
  extend: "roviec_extend",
  extendDate: "roviec_extend_date",
  reassign: "roviec_reassign",
} as const;

/** Ids of the block groups belonging to one task, so one card can be replaced inside a longer message. */
export const taskBlockPrefix = (taskId: string) => `roviec_task:${taskId}:`;

/** What a control carries back to us: ids only, a few dozen bytes (Slack allows 2000 per value). */
export interface CardActionValue {
  /** Task id. */
  t: string;
  /** Task number in its channel, shown as #n. */
  n: number;
  /** Current due (ISO), so "+1 day" extends from the due date and not from now. */
  d?: string;
  /** 1 when the current due has a time of day. */
  h?: 0 | 1;
  /** The task's Slack channel, for cards shown outside it (App Home). */
  c?: string;
  /** +1 day / +1 week, for the extend menu. */
  x?: "1d" | "1w";
}

export function encodeActionValue(value: CardActionValue): string {
  return JSON.stringify(value);
}

export function decodeActionValue(raw: string | undefined): CardActionValue | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<CardActionValue>;
    if (typeof value.t !== "string" || typeof value.n !== "number") return undefined;
    return value as CardActionValue;
  } catch {
    return undefined;
  }
}

/** Formats a task's due for people: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)", or undefined when it has none. */
export type DueDescriber = (task: TaskView) => string | undefined;

const STATUS_LABEL: Record<TaskView["status"], string> = {
  open: "🟢 Đang mở / Open",
  done: "✅ Đã xong / Done",
  cancelled: "⛔ Đã huỷ / Cancelled",
};

/**
 * One task as two blocks: a summary section and, while it is open, its buttons. `channelExternalId` is given for
 * cards shown outside their channel (App Home), so a press still knows where the task lives.
 */
export function renderTaskCard(task: TaskView, describeDue: DueDescriber, channelExternalId?: string): KnownBlock[] {
  const prefix = taskBlockPrefix(task.id);
  const assignees =
    task.assignees.length === 0
      ? "—"
      : task.assignees.map((a) => `${renderPerson(a)}${a.doneAt ? " ✅" : a.acknowledgedAt ? " 👌" : ""}`).join(", ");
  const due = describeDue(task);
  const lines = [
    `*#${task.number} ${escapeMrkdwn(task.title)}*${channelExternalId ? ` · <#${channelExternalId}>` : ""}`,
    `👤 ${assignees}`,
    `⏰ ${due ? escapeMrkdwn(due) : "—"}`,
    STATUS_LABEL[task.status],
  ];
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `${prefix}summary`, text: { type: "mrkdwn", text: lines.join("\n").slice(0, 3000) } },
  ];
  if (task.status === "open") blocks.push(renderCardActions(task, channelExternalId));
  return blocks;
}

function renderCardActions(task: TaskView, channelExternalId: string | undefined): KnownBlock {
  const base: CardActionValue = { t: task.id, n: task.number };
  if (task.dueAt) {
    base.d = task.dueAt.toISOString();
    base.h = task.dueHasTime ? 1 : 0;
  }
  if (channelExternalId) base.c = channelExternalId;
  // Datepicker and user select carry no value of their own: the task sits in the action id.
  const ref = [task.id, task.number, channelExternalId ?? ""].join(":");
  return {
    type: "actions",
    block_id: `${taskBlockPrefix(task.id)}actions`,
    elements: [
      {
        type: "button",
        action_id: ACTION.done,
        style: "primary",
        text: { type: "plain_text", text: "✅ Xong / Done", emoji: true },
        value: encodeActionValue(base),
      },
      {
        type: "static_select",
        action_id: ACTION.extend,
        placeholder: { type: "plain_text", text: "⏰ Gia hạn / Extend", emoji: true },
        options: [
          { text: { type: "plain_text", text: "+1 ngày / +1 day" }, value: encodeActionValue({ ...base, x: "1d" }) },
          { text: { type: "plain_text", text: "+1 tuần / +1 week" }, value: encodeActionValue({ ...base, x: "1w" }) },
        ],
      },
      {
        type: "datepicker",
        action_id: `${ACTION.extendDate}:${ref}`,
        placeholder: { type: "plain_text", text: "📅 Chọn ngày / Pick a date" },
      },
      {
        type: "users_select",
        action_id: `${ACTION.reassign}:${ref}`,
        placeholder: { type: "plain_text", text: "👤 Giao lại / Reassign", emoji: true },
      },
    ],
  };
}
