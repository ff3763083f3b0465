// The Add task modal's repeat field, through the real bolt app over HTTP with a recording bot: a picked repeat makes
// a structured `repeat` command (a series), weekly on the due date's weekday at the picked time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../src/core/incoming.js";
import { buildAddTaskModal } from "../../src/platforms/slack/add-task-modal.js";
import { eventually } from "../helpers/eventually.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { viewSubmission } from "./slack-requests.js";

let harness: SlackHarness;
let bot: RecordingBot;

beforeEach(async () => {
  bot = new RecordingBot();
  harness = await startSlackHarness({ bot });
});
afterEach(async () => {
  await harness.close();
});

const repeatPicked = (value: string) => ({
  value: { type: "static_select", selected_option: { value, text: { type: "plain_text", text: value } } },
});

describe("the Add task modal's repeat field", () => {
  it("offers the repeat as an optional select, Vietnamese first", () => {
    const view = buildAddTaskModal({ channelId: "C0GENERAL" });
    const repeat = view.blocks.find((b) => b.block_id === "repeat") as unknown as {
      optional: boolean;
      label: { text: string };
      element: { type: string; options: { value: string }[] };
    };
    expect(repeat.optional).toBe(true);
    expect(repeat.label.text).toBe("Lặp lại / Repeat");
    expect(repeat.element.type).toBe("static_select");
    expect(repeat.element.options.map((o) => o.value)).toEqual(["daily", "weekly", "monthly"]);
  });

  it("makes a series weekly on the due date's weekday at the picked time", async () => {
    const metadata = JSON.stringify({ channelId: "C0GENERAL", responseUrl: harness.fake.responseUrl("r") });
    bot.answer = () => [{ visibility: "channel", text: "Đã tạo việc định kỳ #L1" }];
    await harness.post(
      viewSubmission({
        private_metadata: metadata,
        values: {
          title: { value: { type: "plain_text_input", value: "Nộp báo cáo tuần" } },
          assignees: { value: { type: "multi_users_select", selected_users: ["U0MINH"] } },
          date: { value: { type: "datepicker", selected_date: "2026-12-11" } },
          time: { value: { type: "timepicker", selected_time: "16:00" } },
          repeat: repeatPicked("weekly"),
        },
      }),
    );
    await eventually(() => expect(harness.fake.responsesTo("r")).toHaveLength(1));
    const incoming = bot.received[0] as IncomingMessage;
    expect(incoming.command).toMatchObject({
      command: "repeat",
      title: "Nộp báo cáo tuần",
      assignees: ["U0MINH"],
      recurrence: {
        kind: "solar",
        rrule: "FREQ=WEEKLY;BYDAY=FR",
        at: 16 * 60,
        anchor: "2026-12-11",
        dayOff: "previous",
      },
    });
  });

  it("keeps the modal open when a weekly or monthly repeat has no date to follow", async () => {
    const response = await harness.post(
      viewSubmission({
        private_metadata: JSON.stringify({ channelId: "C0GENERAL" }),
        values: {
          title: { value: { type: "plain_text_input", value: "Chấm công" } },
          repeat: repeatPicked("monthly"),
        },
      }),
    );
    expect(JSON.parse(response.text)).toMatchObject({
      response_action: "errors",
      errors: { date: expect.any(String) },
    });
    expect(bot.received).toHaveLength(0);
  });
});
