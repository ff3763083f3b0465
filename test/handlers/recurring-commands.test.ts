import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../helpers/incoming.js";
import { createRecurringHarness, type RecurringHarness } from "../helpers/recurring-harness.js";
import { testDatabaseKinds } from "../setup/db.js";

/** Wednesday 2 December 2026, 10:00 in Hà Nội. */
const NOW = new Date("2026-12-02T03:00:00Z");

describe.each(testDatabaseKinds)("recurring tasks on %s", (kind) => {
  let bot: RecurringHarness;
  beforeAll(async () => {
    bot = await createRecurringHarness(kind, NOW);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("makes a series from a weekly rhythm, says it in words with the next three dates, and makes this week's task", async () => {
    const text = await bot.sayText("giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần");
    expect(text).toContain("Đã tạo việc định kỳ #L1: nộp báo cáo tuần");
    expect(text).toContain("Giao cho: @Lan");
    expect(text).toContain("16:00 thứ Sáu hằng tuần");
    expect(text).toContain("16:00 thứ Sáu 04/12/2026 · 16:00 thứ Sáu 11/12/2026 · 16:00 thứ Sáu 18/12/2026");
    // This week's period (Monday) has begun: its task exists now, an ordinary task with its own number.
    expect(text).toContain("Lần đầu đã có việc #1");
    const task = await bot.database.prisma.task.findFirstOrThrow({
      where: { number: 1 },
      select: {
        title: true,
        dueAt: true,
        dueHasTime: true,
        assignees: { select: { member: { select: { displayName: true } } } },
      },
    });
    expect(task).toMatchObject({ title: "nộp báo cáo tuần", dueHasTime: true });
    expect(task.dueAt?.toISOString()).toBe("2026-12-04T09:00:00.000Z");
    expect(task.assignees.map((a) => a.member.displayName)).toEqual(["Lan"]);
    expect(bot.made.map((m) => m.number)).toEqual([1]);
  });

  it("never reads 'every Monday 9am' as a one-off titled 'weekly report every'", async () => {
    const text = await bot.sayText("assign @Lan weekly report every Monday 9am", people.sep);
    // The channel speaks Vietnamese: the reply is in its language, whatever the message's.
    expect(text).toContain("Đã tạo việc định kỳ #L2: weekly report\n");
    expect(text).toContain("09:00 thứ Hai hằng tuần");
    // Monday 09:00 is early in its week: it is made three working days before, so next Monday's exists already.
    expect(text).toContain("Lần đầu đã có việc #2");
    const titles = await bot.database.prisma.task.findMany({ select: { title: true } });
    expect(titles.map((t) => t.title)).not.toContain("weekly report every");
  });

  it("asks which weekday when the rhythm names none, and writes nothing until answered", async () => {
    const before = await bot.database.prisma.recurringSeries.count();
    const question = await bot.sayText("giao @Minh tổng hợp ý kiến hằng tuần");
    expect(question).toContain("thứ mấy");
    expect(question).toContain("1.");
    expect(await bot.database.prisma.recurringSeries.count()).toBe(before);
    const answer = await bot.sayText("5");
    expect(answer).toContain("tổng hợp ý kiến");
    expect(answer).toContain("thứ Sáu hằng tuần");
    expect(await bot.database.prisma.recurringSeries.count()).toBe(before + 1);
  });

  it("lists the channel's series with their next times", async () => {
    const text = await bot.sayText("việc định kỳ");
    expect(text).toContain("#L1 nộp báo cáo tuần — 16:00 thứ Sáu hằng tuần — @Lan");
    expect(text).toContain("#L2 weekly report");
  });

  it("skips the next time not made yet, and the job never makes it", async () => {
    const text = await bot.sayText("bỏ qua lần tới #L1");
    // This Friday's task is made already; the next one not made is 11/12.
    expect(text).toContain("Bỏ qua lần 16:00 thứ Sáu 11/12/2026");
    bot.setNow(new Date("2026-12-07T01:30:00Z")); // Monday 7/12 08:30
    const made = await bot.runJob();
    expect(made.filter((m) => m.seriesId === made[0]?.seriesId).length).toBeLessThanOrEqual(1);
    const l1 = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    const occurrences = await bot.database.prisma.recurringOccurrence.findMany({
      where: { seriesId: l1.id },
      select: { key: true, skipped: true, taskId: true },
      orderBy: { key: "asc" },
    });
    expect(occurrences.map((o) => [o.key, o.skipped, o.taskId !== null])).toEqual([
      ["2026-12-04", false, true],
      ["2026-12-11", true, false],
    ]);
  });

  it("renames and reassigns a series: the times not made yet take the change, made tasks stay", async () => {
    expect(await bot.sayText("đổi tên #L2 thành báo cáo tuần phòng Kế hoạch")).toContain(
      'giờ tên là "báo cáo tuần phòng Kế hoạch"',
    );
    expect(await bot.sayText("giao lại #L2 cho @Minh")).toContain("giờ giao cho @Minh");
    const made = await bot.database.prisma.task.findFirstOrThrow({ where: { number: 2 }, select: { title: true } });
    expect(made.title).toBe("weekly report");
    bot.setNow(new Date("2026-12-09T02:00:00Z")); // Wednesday 9/12 09:00: Monday 14's time is made
    await bot.runJob();
    const next = await bot.database.prisma.recurringOccurrence.findFirstOrThrow({
      where: { key: "2026-12-14", series: { number: 2 } },
      select: {
        task: { select: { title: true, assignees: { select: { member: { select: { displayName: true } } } } } },
      },
    });
    expect(next.task?.title).toBe("báo cáo tuần phòng Kế hoạch");
    expect(next.task?.assignees.map((a) => a.member.displayName)).toEqual(["Minh"]);
  });

  it("speaks English in an English channel", async () => {
    const english = { channel: { externalId: `recurring-en-${process.pid}` } };
    await bot.say("cài đặt ngôn ngữ en", people.admin, english);
    const text = await bot.sayText(
      "assign @Hoa check the backups every Monday and Thursday at 9am",
      people.sep,
      english,
    );
    expect(text).toContain("Recurring task #L1 created: check the backups");
    expect(text).toContain(
      "Repeats: every Monday and Thursday at 09:00 (a day off moves it to the working day before)",
    );
    expect(await bot.sayText("recurring", people.sep, english)).toContain("#L1 check the backups");
    expect(await bot.sayText("skip next #L1", people.hoa, english)).toContain("Skipping");
  });

  it("pauses, resumes and stops a series; someone without a part in it may not", async () => {
    expect(await bot.sayText("tạm dừng #L1", people.hoa)).toContain("không đổi được");
    expect(await bot.sayText("tạm dừng #L1", people.lan)).toContain("Đã tạm dừng việc định kỳ #L1");
    expect(await bot.sayText("việc định kỳ")).toContain("(đang tạm dừng)");
    expect(await bot.sayText("tiếp tục #L1")).toContain("chạy lại");
    expect(await bot.sayText("dừng lặp #L1")).toContain("Đã dừng hẳn việc định kỳ #L1");
    expect(await bot.sayText("việc định kỳ")).not.toContain("#L1 ");
    expect(await bot.sayText("tạm dừng #L9")).toContain("Không có việc định kỳ #L9");
  });
});
