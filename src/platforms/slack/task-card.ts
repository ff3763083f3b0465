import type { KnownBlock } from "@slack/types";
import type { Reply } from "../../core/reply.js";
import type { TaskView } from "../../core/task-view.js";
import { escapeMrkdwn, renderPerson } from "./mrkdwn.js";

/** Action ids of the card's controls; the interaction listeners match on these. */
export const ACTION = {
  done: "roviec_done",
  extend: "roviec_extend",
  extendDate: "roviec_extend_date",
  reassign: "roviec_reassign",
  snooze: "roviec_snooze",
} as const;

/** How the task's channel shows dates (the reply's presentation): zone, language, end of the working day. */
export type CardPresentation = NonNullable<Reply["presentation"]>;

/** How a card is drawn beyond the task itself. */
export interface CardOptions {
  /** The channel's presentation; without it the deployment defaults apply (App Home, old messages). */
  presentation?: CardPresentation;
  /** Adds the "💤 Snooze" control (cards of ping messages). */
  snoozable?: boolean;
}

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
  /** The channel's end of day (minutes after midnight), for a task without a due extended by a day. */
  e?: number;
  /** The channel's IANA zone: "+1 day" keeps the local time of day there. */
  z?: string;
  /** Snooze: one hour, or until the next working morning. */
  s?: "1h" | "morning";
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

/**
 * Formats a task's due for people: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)", or undefined when it has none; in the
 * channel's zone and language when `presentation` is given.
 */
export type DueDescriber = (task: TaskView, presentation?: CardPresentation) => string | undefined;

const STATUS_LABEL: Record<TaskView["status"], string> = {
  open: "🟢 Đang mở / Open",
  done: "✅ Đã xong / Done",
  cancelled: "⛔ Đã hủy / Cancelled",
};

/**
 * One task as two blocks: a summary section and, while it is open, its buttons. `channelExternalId` is given for
 * cards shown outside their channel (App Home), so a press still knows where the task lives.
 */
export function renderTaskCard(
  task: TaskView,
  describeDue: DueDescriber,
  channelExternalId?: string,
  options: CardOptions = {},
): KnownBlock[] {
  const prefix = taskBlockPrefix(task.id);
  const assignees =
    task.assignees.length === 0
      ? "—"
      : task.assignees.map((a) => `${renderPerson(a)}${a.doneAt ? " ✅" : a.acknowledgedAt ? " 👌" : ""}`).join(", ");
  const due = describeDue(task, options.presentation);
  const lines = [
    `*#${task.number} ${escapeMrkdwn(task.title)}*${channelExternalId ? ` · <#${channelExternalId}>` : ""}`,
    `👤 ${assignees}`,
    `⏰ ${due ? escapeMrkdwn(due) : "—"}`,
    STATUS_LABEL[task.status],
  ];
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `${prefix}summary`, text: { type: "mrkdwn", text: lines.join("\n").slice(0, 3000) } },
  ];
  if (task.status === "open") blocks.push(renderCardActions(task, channelExternalId, options));
  return blocks;
}

function renderCardActions(task: TaskView, channelExternalId: string | undefined, options: CardOptions): KnownBlock {
  const base: CardActionValue = { t: task.id, n: task.number };
  if (task.dueAt) {
    base.d = task.dueAt.toISOString();
    base.h = task.dueHasTime ? 1 : 0;
  }
  if (channelExternalId) base.c = channelExternalId;
  const { presentation } = options;
  if (presentation) {
    base.e = presentation.endOfDayMinutes;
    base.z = presentation.timezone;
  }
  // Datepicker and user select carry no value of their own: the task (and the channel's end of day and zone, for
  // a picked date) sit in the action id, well under Slack's 255 characters.
  const ref = [
    task.id,
    task.number,
    channelExternalId ?? "",
    presentation?.endOfDayMinutes ?? "",
    presentation?.timezone ?? "",
  ].join(":");
  const snooze: ActionElement[] = options.snoozable ? [snoozeMenu(base)] : [];
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
      ...snooze,
    ],
  };
}

type ActionElement = Extract<KnownBlock, { type: "actions" }>["elements"][number];

/** "💤 Nhắc lại sau / Snooze": moves the task's next ping to in one hour or to the next working morning. */
function snoozeMenu(base: CardActionValue): ActionElement {
  const { d: _due, h: _hasTime, e: _endOfDay, ...value } = base;
  return {
    type: "static_select",
    action_id: ACTION.snooze,
    placeholder: { type: "plain_text", text: "💤 Nhắc lại sau / Snooze", emoji: true },
    options: [
      { text: { type: "plain_text", text: "1 giờ nữa / In 1 hour" }, value: encodeActionValue({ ...value, s: "1h" }) },
      {
        text: { type: "plain_text", text: "Sáng mai / Tomorrow morning" },
        value: encodeActionValue({ ...value, s: "morning" }),
      },
    ],
  };
}
