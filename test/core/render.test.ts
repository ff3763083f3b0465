import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import { en } from "../../src/i18n/en.js";
import { t } from "../../src/i18n/index.js";
import { vi } from "../../src/i18n/vi.js";
import { renderHelp } from "../../src/render/help.js";
import { renderHistory } from "../../src/render/history.js";
import { renderSettings, renderSummarySchedule, renderWorkingDays } from "../../src/render/settings.js";
import { renderStatus } from "../../src/render/status.js";
import { renderTaskLine } from "../../src/render/task-line.js";
import { dueGroupOf, groupTasksByDue, renderTaskList } from "../../src/render/task-list.js";
import { assigneeView, personView, taskView } from "../helpers/task-views.js";

const now = new Date("2026-11-27T03:00:00Z"); // Friday 10:00 in Hà Nội
const zone = "Asia/Ho_Chi_Minh";
const context = { locale: "vi" as const, timezone: zone, now };

describe("grouping tasks by due", () => {
  const overdue = taskView({ number: 1, dueAt: new Date("2026-11-26T10:00:00Z") });
  const today = taskView({ number: 2, dueAt: new Date("2026-11-27T10:00:00Z") });
  const thisWeek = taskView({ number: 3, dueAt: new Date("2026-11-29T10:00:00Z") });
  const later = taskView({ number: 4, dueAt: new Date("2026-12-10T10:00:00Z") });
  const noDue = taskView({ number: 5 });

  it("puts each task in overdue / today / this week / later / no due, in the channel's zone", () => {
    expect([overdue, today, thisWeek, later, noDue].map((task) => dueGroupOf(task, now, zone))).toEqual([
      "overdue",
      "today",
      "week",
      "later",
      "no_due",
    ]);
  });

  it("orders groups and sorts by due inside them", () => {
    const earlierToday = taskView({ number: 9, dueAt: new Date("2026-11-27T05:00:00Z") });
    const groups = groupTasksByDue([noDue, later, today, earlierToday, overdue], now, zone);
    expect(groups.map((g) => g.group)).toEqual(["overdue", "today", "later", "no_due"]);
    expect(groups[1]?.tasks.map((task) => task.number)).toEqual([9, 2]);
  });

  it("renders an empty list politely", () => {
    expect(renderTaskList("*Việc của bạn*", [], context)).toBe("*Việc của bạn*\nKhông có việc nào.");
  });
});

describe("task line", () => {
  it("shows who has not acknowledged or finished", () => {
    const task = taskView({
      number: 12,
      title: "Nộp báo cáo",
      assignees: [
        assigneeView("Lan", { acknowledgedAt: now, doneAt: now }),
        assigneeView("Minh", { acknowledgedAt: now }),
        assigneeView("Hoa"),
      ],
    });
    expect(toPlainText(renderTaskLine(task, context))).toBe(
      "#12 Nộp báo cáo — @Lan (đã xong), @Minh (đang làm), @Hoa (chưa nhận)",
    );
    expect(toPlainText(renderTaskLine(task, { ...context, locale: "en" }))).toContain("@Hoa (not acknowledged)");
  });
});

describe("status, settings, history and help", () => {
  it("renders counts and the on-time rate", () => {
    const counts = { open: 4, overdue: 1, dueThisWeek: 2, doneThisWeek: 3, doneWithDue: 4, doneOnTime: 3 };
    const text = renderStatus(counts, { locale: "vi" });
    expect(text).toContain("Đang mở: 4");
    expect(text).toContain("Quá hạn: 1");
    expect(text).toContain("Đúng hạn: 75% (3/4");
    expect(renderStatus({ ...counts, doneWithDue: 0, doneOnTime: 0 }, { locale: "en" })).toContain(
      "no task with a due date",
    );
  });

  it("puts settings into words", () => {
    expect(renderWorkingDays([5, 1, 2, 3, 4], "vi")).toBe("thứ Hai – thứ Sáu");
    expect(renderWorkingDays([1, 3, 5], "vi")).toBe("thứ Hai, thứ Tư, thứ Sáu");
    expect(renderWorkingDays([1, 2, 4, 5, 6], "en")).toBe("Monday, Tuesday, Thursday – Saturday");
    expect(renderSummarySchedule("0 8 * * 1", "vi")).toBe("08:00 thứ Hai");
    expect(renderSummarySchedule("30 16 * * 5", "en")).toBe("16:30 Friday");
    const channel = {
      id: "c",
      workspaceId: "w",
      platform: "console" as const,
      externalId: "C1",
      isPrivateChat: false,
      locale: "vi" as const,
      timezone: zone,
      endOfDayMinutes: 1050,
      workingDays: [1, 2, 3, 4, 5],
      summaryEnabled: false,
      summaryCron: "0 8 * * 1",
      managers: [personView("Tùng")],
    };
    const text = toPlainText(renderSettings(channel, { pingPolicy: { enabled: false }, daysOff: [], now }, "vi"));
    expect(text).toContain("Hết giờ làm: 17:30");
    expect(text).toContain("Báo cáo tuần: tắt");
    expect(text).toContain("Nhắc việc: tắt");
    expect(text).toContain("Quản lý: @Tùng");
  });

  it("tells history old → new", () => {
    const history = renderHistory(
      [
        {
          id: "1",
          action: "renamed",
          actor: personView("Lan"),
          oldValue: "Báo cáo",
          newValue: "Báo cáo quý",
          createdAt: now,
        },
        {
          id: "2",
          action: "assignees_changed",
          actor: personView("Lan"),
          oldValue: [{ id: "a", name: "Minh" }],
          newValue: [{ id: "b", name: "Hoa" }],
          createdAt: now,
        },
      ],
      context,
    );
    expect(toPlainText(history)).toBe(
      '• 10:00 27/11/2026 @Lan: đổi tên: "Báo cáo" → "Báo cáo quý"\n• 10:00 27/11/2026 @Lan: đổi người làm: @Minh → @Hoa',
    );
  });

  it("has help for every command in both languages", () => {
    expect(renderHelp("vi")).toContain("Rõ Việc");
    expect(renderHelp("en", "add")).toContain("/task add");
    expect(renderHelp("vi", "due")).toContain("gia hạn #12");
  });
});

describe("message catalogue", () => {
  it("has the same message ids in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("fills parameters", () => {
    expect(t("vi", "task.not_found", { number: 7 })).toContain("không có việc *#7*");
    expect(t("en", "task.not_found", { number: 7 })).toContain("no task *#7*");
    expect(t("vi", "error.unknown_command", { fragment: "abc" })).toContain('Mình chưa hiểu "abc"');
  });
});
