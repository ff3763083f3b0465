import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import { toPlainText } from "../../src/core/reply.js";
import type { ParsedCommand } from "../../src/language/index.js";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { incomingMessage, people } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

describe.each(testDatabaseKinds)("English commands, settings and structured commands on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("runs every task command in English", async () => {
    const chat = channelChat(harness);
    await chat.say("settings language en", people.admin);
    expect(await chat.sayText("/task add draft the budget @Lan @Minh by 5pm next Friday")).toContain("Created task #1");
    expect(await chat.sayText("got it #1", people.lan)).toContain("You took task #1");
    expect(await chat.sayText("due #1 next Monday 5pm", people.lan)).toContain("Changed the due date of task #1");
    expect(await chat.sayText("rename #1 draft the 2027 budget")).toContain('"draft the 2027 budget"');
    expect(await chat.sayText("reassign #1 to @Hoa")).toContain("→ @Hoa");
    expect(await chat.sayText("overdue")).toContain("No tasks.");
    expect(await chat.sayText("status")).toContain("Open: 1");
    expect(await chat.sayText("done #1", people.hoa)).toContain("Everyone finished");
    expect(await chat.sayText("list done")).toContain("draft the 2027 budget");
    expect(await chat.sayText("reopen #1")).toContain("Reopened task #1");
    expect(await chat.sayText("cancel #1")).toContain("Cancelled task #1");
    expect(await chat.sayText("show #1")).toContain("cancelled the task");
    const [unknown] = await chat.say("please do the thing");
    expect(unknown?.isError).toBe(true);
    expect(toPlainText(unknown?.text ?? "")).toContain("For example");
  });

  it("stores working days, the weekly summary, the ping policy and days off", async () => {
    const chat = channelChat(harness);
    const admin = people.admin;
    expect(await chat.sayText("cài đặt ngày làm việc t2-t7", admin)).toContain(
      "Đã lưu ngày làm việc: thứ Hai – thứ Bảy.",
    );
    await chat.say("cài đặt báo cáo tuần tắt", admin);
    await chat.say("cài đặt nhắc việc tắt", admin);
    expect(await chat.sayText("cài đặt ngày nghỉ 24/12/2026", admin)).toContain(
      "Đã ghi ngày nghỉ: thứ Năm 24/12/2026.",
    );
    const channel = await harness.database.prisma.channel.findFirstOrThrow({
      where: { externalId: chat.channelExternalId },
      select: { workingDays: true, summaryEnabled: true, pingPolicy: true, workspaceId: true },
    });
    expect(channel).toMatchObject({
      workingDays: [1, 2, 3, 4, 5, 6],
      summaryEnabled: false,
      pingPolicy: { enabled: false },
    });
    const dayOff = await harness.database.prisma.workspaceDayOff.findFirst({
      where: { workspaceId: channel.workspaceId, day: new Date("2026-12-24T00:00:00Z") },
      select: { isWorkingDay: true },
    });
    expect(dayOff).toEqual({ isWorkingDay: false });
    const [bad] = await chat.say("cài đặt múi giờ Sao Hỏa", admin);
    expect(bad?.isError).toBe(true);
  });

  it("takes a structured command (a Slack button) without parsing, and drops the bot's own messages", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc bấm nút");
    const command: ParsedCommand = {
      command: "done",
      taskRef: 1,
      title: null,
      assignees: [],
      filter: null,
      due: null,
      locale: null,
      doubts: [],
    };
    const replies = await harness.bot.handle(
      incomingMessage({
        text: "[button] done",
        command,
        sender: people.lan,
        channel: { externalId: chat.channelExternalId },
      }),
    );
    expect(toPlainText(replies[0]?.text ?? "")).toContain("hoàn thành");
    const quietBot = createAppBot({
      services: { tasks: harness.tasks, directory: harness.directory, questions: harness.questions },
      logger: pino({ level: "silent" }),
      isOwnMessage: (message) => message.sender.externalId === "U_BOT",
    });
    const before = await harness.counts();
    const own = incomingMessage({
      text: "giao @Lan vòng lặp",
      sender: { externalId: "U_BOT", displayName: "Rõ Việc" },
    });
    expect(await quietBot.handle(own)).toEqual([]);
    expect(await harness.counts()).toEqual(before);
  });
});
