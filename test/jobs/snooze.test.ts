// Snooze from a ping: the structured `snooze` command through the real bot and task service, pings re-planned on
// real PostgreSQL (and Redis jobs mirrored), the snooze kept by later re-planning, permissions and history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { pingJobId } from "../../jobs/job-types.js";
import type { Bot } from "../../src/core/handler.js";
import type { IncomingMessage } from "../../src/core/incoming.js";
import { toPlainText } from "../../src/core/reply.js";
import type { ParsedCommand } from "../../src/language/index.js";
import { incomingMessage, people, type TestPerson } from "../helpers/incoming.js";
import { createJobsFixture, type JobsFixture, RecordingSender } from "./helpers.js";

// Monday 30/11/2026 10:00 in Hà Nội: the task is due Wednesday 02/12 17:00, so its pings are the heads-up on
// Tuesday 09:00, one hour before (Wednesday 16:00), at the deadline, and the first overdue ping Thursday 09:00.
const NOW = new Date("2026-11-30T03:00:00Z");
const at = (iso: string) => new Date(iso).toISOString();
const HEADS_UP = at("2026-12-01T02:00:00Z");
const HOUR_BEFORE = at("2026-12-02T09:00:00Z");
const DEADLINE = at("2026-12-02T10:00:00Z");
const OVERDUE = at("2026-12-03T02:00:00Z");

describe("snooze", () => {
  let fx: JobsFixture;
  let jobs: Jobs;
  let bot: Bot;
  let number = 0;

  const message = (sender: TestPerson, command: ParsedCommand, text: string): IncomingMessage =>
    incomingMessage({ sender, text, command, channel: { externalId: "C-SNOOZE" }, eventId: `ev-${Math.random()}` });
  const snoozeCommand = (taskRef: number, until: Date): ParsedCommand => ({
    command: "snooze",
    taskRef,
    title: null,
    assignees: [],
    filter: null,
    due: { deadline: until, hasTime: true, start: until, grain: "minute", text: until.toISOString() },
    locale: null,
    doubts: [],
  });
  const addTask = async () => {
    number += 1;
    const [reply] = await bot.handle(
      incomingMessage({
        text: "giao @Lan nộp báo cáo quy hoạch 17h thứ 4",
        channel: { externalId: "C-SNOOZE" },
        eventId: `add-${number}`,
      }),
    );
    expect(reply?.isError).toBeFalsy();
    return fx.prisma.task.findFirstOrThrow({
      where: { number, channel: { externalId: "C-SNOOZE" } },
      select: { id: true, number: true, dueAt: true, channelId: true },
    });
  };
  const plannedPings = async (taskId: string) =>
    (
      await fx.prisma.ping.findMany({
        where: { taskId, status: "planned" },
        select: { kind: true, fireAt: true },
        orderBy: { fireAt: "asc" },
      })
    ).map((p) => `${p.kind}@${p.fireAt.toISOString()}`);

  beforeAll(async () => {
    fx = await createJobsFixture("postgres");
    ({ bot, jobs } = await fx.startBot({
      // Producers only: the pings lie days ahead; this test checks what is planned, not what is sent.
      jobs: { senders: [new RecordingSender("console")], role: "web", now: () => NOW },
      now: () => NOW,
    }));
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("moves the pings inside the snooze to its end, keeps the at-deadline ping, and survives re-planning", async () => {
    const task = await addTask();
    expect(task.dueAt?.toISOString()).toBe(DEADLINE);
    expect(await plannedPings(task.id)).toEqual([
      `heads_up@${HEADS_UP}`,
      `hour_before@${HOUR_BEFORE}`,
      `at_deadline@${DEADLINE}`,
      `overdue@${OVERDUE}`,
    ]);
    // The assignee snoozes until Wednesday 16:30: the heads-up and the hour-before ping give way to one reminder
    // at 16:30; the deadline itself still pings.
    const until = new Date("2026-12-02T09:30:00Z");
    const [reply] = await bot.handle(message(people.lan, snoozeCommand(task.number, until), "/task snooze"));
    expect(reply?.isError).toBeFalsy();
    expect(toPlainText(reply?.text ?? "")).toBe(
      `💤 Đã hoãn nhắc việc #${task.number}: nhắc lại lúc 16:30 thứ Tư 02/12/2026.`,
    );
    expect(reply?.tasks?.[0]?.number).toBe(task.number);
    const expected = [`reminder@${until.toISOString()}`, `at_deadline@${DEADLINE}`, `overdue@${OVERDUE}`];
    expect(await plannedPings(task.id)).toEqual(expected);
    const row = await fx.prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { snoozedUntil: true } });
    expect(row.snoozedUntil?.toISOString()).toBe(until.toISOString());
    const history = await fx.prisma.taskEvent.findMany({
      where: { taskId: task.id, action: "snoozed" },
      select: { newValue: true, actor: { select: { displayName: true } } },
    });
    expect(history).toEqual([{ newValue: { until: until.toISOString() }, actor: { displayName: "Lan" } }]);

    // Jobs mirror the database: the cancelled pings' jobs are gone, the reminder has one.
    const cancelled = await fx.prisma.ping.findMany({
      where: { taskId: task.id, status: "cancelled" },
      select: { id: true },
    });
    expect(cancelled).toHaveLength(2);
    for (const ping of cancelled) expect(await jobs.queues.pings.getJob(pingJobId(ping.id))).toBeUndefined();
    const reminder = await fx.prisma.ping.findFirstOrThrow({
      where: { taskId: task.id, kind: "reminder", status: "planned" },
      select: { id: true },
    });
    expect(await jobs.queues.pings.getJob(pingJobId(reminder.id))).toBeDefined();

    // Re-planning (a settings change, the reconciler, the task's own re-plan) keeps the snooze: nothing comes back.
    await jobs.scheduler.onChannelSettingsChanged(task.channelId);
    await jobs.reconcile();
    await jobs.scheduler.syncTask(task.id);
    expect(await plannedPings(task.id)).toEqual(expected);
  });

  it("quiets one-off reminders inside the snooze, and a reminder asked for during it comes when it ends", async () => {
    const task = await addTask();
    await jobs.scheduler.addReminder(task.id, new Date("2026-11-30T06:00:00Z")); // today 13:00
    // "Tomorrow morning": from the start of Tuesday, moved out of quiet hours to Tuesday 09:00.
    const tomorrow = new Date("2026-11-30T17:00:00Z");
    const [reply] = await bot.handle(message(people.sep, snoozeCommand(task.number, tomorrow), "/task snooze"));
    expect(toPlainText(reply?.text ?? "")).toContain("09:00 thứ Ba 01/12/2026");
    // The heads-up was due at that very minute: it stays and no extra reminder is added.
    expect(await plannedPings(task.id)).toEqual([
      `heads_up@${HEADS_UP}`,
      `hour_before@${HOUR_BEFORE}`,
      `at_deadline@${DEADLINE}`,
      `overdue@${OVERDUE}`,
    ]);
    const moved = await jobs.scheduler.addReminder(task.id, new Date("2026-11-30T08:00:00Z")); // today 15:00
    expect(moved !== "too_many" && moved?.fireAt.toISOString()).toBe(HEADS_UP);
  });

  it("refuses people who are neither assignee, creator nor manager, and writes nothing", async () => {
    const task = await addTask();
    const before = await plannedPings(task.id);
    const until = new Date("2026-12-02T09:30:00Z");
    const [reply] = await bot.handle(message(people.minh, snoozeCommand(task.number, until), "/task snooze"));
    expect(reply?.isError).toBe(true);
    expect(reply?.visibility).toBe("private");
    const row = await fx.prisma.task.findUniqueOrThrow({
      where: { id: task.id },
      select: { snoozedUntil: true, version: true },
    });
    expect(row).toEqual({ snoozedUntil: null, version: 1 });
    expect(await fx.prisma.taskEvent.count({ where: { taskId: task.id, action: "snoozed" } })).toBe(0);
    expect(await plannedPings(task.id)).toEqual(before);
  });
});
