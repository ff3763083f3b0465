import type { View } from "@slack/types";
import { isPickedRepeat, type PickedRepeat } from "./picked-repeat.js";

export const ADD_TASK_CALLBACK_ID = "roviec_add_task";

/** Where the modal was opened from; travels in the view's private_metadata (3000 chars max). */
export interface AddTaskOrigin {
  channelId: string;
  channelName?: string;
  /** The command's or shortcut's response_url, so the answer reaches channels the bot has not joined. */
  responseUrl?: string;
  /** The message a shortcut was used on (its ts), kept as the task's source. */
  messageRef?: string;
}

/** What the person typed and picked. Dates and times are as Slack sends them ("2026-12-11", "17:00"). */
export interface AddTaskSubmission {
  title: string;
  assigneeIds: string[];
  date?: string;
  time?: string;
  /** A recurring task (#L…) instead of a one-off: every working day, weekly or monthly from the picked date. */
  repeat?: PickedRepeat;
}

const BLOCK = { title: "title", assignees: "assignees", date: "date", time: "time", repeat: "repeat" } as const;
const ACTION_ID = { title: "value", assignees: "value", date: "value", time: "value", repeat: "value" } as const;

const REPEAT_OPTIONS: { value: PickedRepeat; text: string }[] = [
  { value: "daily", text: "Mỗi ngày làm việc / Every working day" },
  { value: "weekly", text: "Hằng tuần, thứ của ngày hạn / Weekly, on the due date's weekday" },
  { value: "monthly", text: "Hằng tháng, ngày của ngày hạn / Monthly, on the due date's day" },
];
const MAX_TITLE = 500;

/** The "Add task" modal: title, assignees, date and time. `initialTitle` comes from a message shortcut. */
export function buildAddTaskModal(origin: AddTaskOrigin, initialTitle?: string): View {
  const title = initialTitle?.trim().slice(0, MAX_TITLE);
  return {
    type: "modal",
    callback_id: ADD_TASK_CALLBACK_ID,
    private_metadata: JSON.stringify(origin).slice(0, 3000),
    title: { type: "plain_text", text: "Thêm việc / Add task" },
    submit: { type: "plain_text", text: "Tạo / Create" },
    close: { type: "plain_text", text: "Huỷ / Cancel" },
    blocks: [
      {
        type: "input",
        block_id: BLOCK.title,
        label: { type: "plain_text", text: "Việc cần làm / Task" },
        element: {
          type: "plain_text_input",
          action_id: ACTION_ID.title,
          max_length: MAX_TITLE,
          ...(title ? { initial_value: title } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK.assignees,
        optional: true,
        label: { type: "plain_text", text: "Giao cho / Assignees" },
        element: { type: "multi_users_select", action_id: ACTION_ID.assignees },
      },
      {
        type: "input",
        block_id: BLOCK.date,
        optional: true,
        label: { type: "plain_text", text: "Hạn chót / Due date" },
        element: { type: "datepicker", action_id: ACTION_ID.date },
      },
      {
        type: "input",
        block_id: BLOCK.time,
        optional: true,
        label: { type: "plain_text", text: "Giờ / Time" },
        element: { type: "timepicker", action_id: ACTION_ID.time },
      },
      {
        type: "input",
        block_id: BLOCK.repeat,
        optional: true,
        label: { type: "plain_text", text: "Lặp lại / Repeat" },
        hint: { type: "plain_text", text: "Để trống: việc một lần / Leave empty for a one-off task" },
        element: {
          type: "static_select",
          action_id: ACTION_ID.repeat,
          placeholder: { type: "plain_text", text: "Không lặp / No repeat" },
          options: REPEAT_OPTIONS.map((o) => ({ value: o.value, text: { type: "plain_text", text: o.text } })),
        },
      },
    ],
  };
}

type ViewStateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_users?: string[];
      selected_date?: string | null;
      selected_time?: string | null;
      selected_option?: { value?: string } | null;
    }
  >
>;

/** Reads the submitted state; `errors` (per block id) when the form must be shown again. */
export function readAddTaskSubmission(
  values: ViewStateValues,
): { submission: AddTaskSubmission } | { errors: Record<string, string> } {
  const title = values[BLOCK.title]?.[ACTION_ID.title]?.value?.trim() ?? "";
  if (title === "") return { errors: { [BLOCK.title]: "Hãy nhập tên việc / Please enter a task" } };
  const date = values[BLOCK.date]?.[ACTION_ID.date]?.selected_date ?? undefined;
  const time = values[BLOCK.time]?.[ACTION_ID.time]?.selected_time ?? undefined;
  const picked = values[BLOCK.repeat]?.[ACTION_ID.repeat]?.selected_option?.value;
  const repeat = isPickedRepeat(picked) ? picked : undefined;
  if (time && !date && repeat !== "daily") {
    return { errors: { [BLOCK.date]: "Hãy chọn ngày cho giờ đã chọn / Pick a date for that time" } };
  }
  if ((repeat === "weekly" || repeat === "monthly") && !date) {
    return {
      errors: {
        [BLOCK.date]: "Hãy chọn ngày hạn: việc lặp theo thứ/ngày của nó / Pick a due date: the repeat follows it",
      },
    };
  }
  return {
    submission: {
      title,
      assigneeIds: values[BLOCK.assignees]?.[ACTION_ID.assignees]?.selected_users ?? [],
      ...(date ? { date } : {}),
      ...(time ? { time } : {}),
      ...(repeat ? { repeat } : {}),
    },
  };
}

export function readAddTaskOrigin(privateMetadata: string | undefined): AddTaskOrigin | undefined {
  try {
    const origin = JSON.parse(privateMetadata ?? "") as Partial<AddTaskOrigin>;
    return typeof origin.channelId === "string" ? (origin as AddTaskOrigin) : undefined;
  } catch {
    return undefined;
  }
}
