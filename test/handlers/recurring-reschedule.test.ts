// "đổi lịch #L1 thành …" / "change #L1 to …": a series' new rule. Tasks already made stay; the times not made yet
// follow the new rule; the same rule again changes nothing; a rule that lacks its day, or no rule, is asked about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickedRecurrence } from "../../src/platforms/slack/picked-repeat.js";
import { repeatCommand } from "../../src/platforms/slack/structured-commands.js";
import { people } from "../helpers/incoming.js";
import { createRecurringHarness, type RecurringHarness } from "../helpers/recurring-harness.js";
import { testDatabaseKinds } from "../setup/db.js";

/** Wednesday 2 December 2026, 10:00 in Hà Nội. */
const NOW = new Date("2026-12-02T03:00:00Z");

describe.each(testDatabaseKinds)("changing a series' rule on %s", (kind) => {
  let bot: RecurringHarness;
  const occurrenceKeys = async () =>
    (
      await bot.database.prisma.recurringOccurrence.findMany({
        where: { series: { number: 1 } },
        select: { key: true },
        orderBy: { key: "asc" },
      })
    ).map((o) => o.key);

  beforeAll(async () => {
    bot = await createRecurringHarness(kind, NOW);
    await bot.say("giao @Lan nộp báo cáo tuần trước 16h thứ 6 hằng tuần");
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("keeps the tasks made, and makes the later times on the new days", async () => {
    expect(await occurrenceKeys()).toEqual(["2026-12-04"]);
    const text = await bot.sayText("đổi lịch #L1 thành 16h thứ 2 và thứ 5 hằng tuần");
    expect(text).toContain("Việc định kỳ #L1 (nộp báo cáo tuần) giờ lặp lại 16:00 thứ Hai và thứ Năm hằng tuần");
    // Thursday 3/12 falls before Friday 4/12, whose task exists: this week is done, the new rule starts next week;
    // Monday 7/12, early in its week, is made three working days ahead, so now.
    expect(text).toContain("16:00 thứ Hai 07/12/2026 · 16:00 thứ Năm 10/12/2026 · 16:00 thứ Hai 14/12/2026");
    expect(text).toContain("Lần đầu đã có việc #2");
    const first = await bot.database.prisma.task.findFirstOrThrow({ where: { number: 1 }, select: { dueAt: true } });
    expect(first.dueAt?.toISOString()).toBe("2026-12-04T09:00:00.000Z");

    bot.setNow(new Date("2026-12-07T01:30:00Z")); // Monday 7/12 08:30: this week's period has begun
    await bot.runJob();
    await bot.runJob();
    expect(await occurrenceKeys()).toEqual(["2026-12-04", "2026-12-07", "2026-12-10"]);
    const tasks = await bot.database.prisma.task.count({ where: { occurrence: { series: { number: 1 } } } });
    expect(tasks).toBe(3);
  });

  it("changes nothing when told the same rule again", async () => {
    const before = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    expect(await bot.sayText("change #L1 to every Monday and Thursday at 4pm")).toContain(
      "đã lặp lại 16:00 thứ Hai và thứ Năm hằng tuần rồi",
    );
    const after = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.coveredUntil).toEqual(before.coveredUntil);
  });

  it("asks for the day when the rhythm names none, and for a rule when there is none; nothing changes before", async () => {
    const before = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    const noRule = await bot.sayText("đổi lịch #L1 thành thứ 5");
    expect(noRule).toContain('Ví dụ: "đổi lịch #L1 thành thứ 2 và thứ 5 hằng tuần"');
    const question = await bot.sayText("đổi lịch #L1 thành hằng tuần");
    expect(question).toContain("thứ mấy");
    expect(question).toContain("1.");
    const unchanged = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    expect(unchanged.rule).toEqual(before.rule);
    const answer = await bot.sayText("3");
    expect(answer).toContain("giờ lặp lại 17:00 thứ Tư hằng tuần");
    const changed = await bot.database.prisma.recurringSeries.findFirstOrThrow({ where: { number: 1 } });
    expect((changed.rule as { rrule: string }).rrule).toBe("FREQ=WEEKLY;BYDAY=WE");
  });

  it("refuses someone without a part in the series, and a series that does not exist", async () => {
    expect(await bot.sayText("đổi lịch #L1 thành ngày 25 hàng tháng", people.hoa)).toContain("không đổi được");
    expect(await bot.sayText("đổi lịch #L7 thành ngày 25 hàng tháng")).toContain("Không có việc định kỳ #L7");
  });

  it("makes a series from the Slack modal's structured repeat command, as from typed words", async () => {
    const rule = pickedRecurrence("monthly", "2026-12-25", "09:00", "2026-12-07");
    if (!rule) throw new Error("no rule");
    const command = repeatCommand("nộp bảng chấm công", ["Minh"], rule, "vi");
    const text = await bot.sayText("/task repeat nộp bảng chấm công @Minh", people.sep, { command });
    expect(text).toContain("Đã tạo việc định kỳ #L2: nộp bảng chấm công");
    expect(text).toContain("Giao cho: @Minh");
    expect(text).toContain("09:00 ngày 25 hằng tháng");
  });
});
