// Reports that add up: the channel export and the roll-up export, read back as a spreadsheet program would, give
// the figures the chat gives (the weekly summary, `tình hình các đơn vị`), list cancelled tasks marked as such, write
// instants as date cells (ISO 8601 with offset in CSV), lateness in hours, and name the series of an occurrence.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollupFile } from "../../src/render/org-export.js";
import { renderRollupText } from "../../src/render/org-rollup-text.js";
import { channelSheets, taskTable, toCsv, toXlsx } from "../../src/scheduling/export-table.js";
import { renderWeeklySummary } from "../../src/scheduling/summary-text.js";
import { createOrgService } from "../../src/services/org-service.js";
import { createReportService } from "../../src/services/report-service.js";
import { createChannel, createMember, createTask, createUnit, createWorkspace } from "../helpers/org-fixtures.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

/** Wednesday 09/12/2026 10:00 in Hà Nội. */
const NOW = new Date("2026-12-09T03:00:00Z");
const ZONE = "Asia/Ho_Chi_Minh";
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

async function workbookOf(content: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(content) as never);
  return workbook;
}

/** The sheet's rows as plain values, header first. */
function valuesOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** "*Quá hạn (3):*" in the chat's summary: the count of a section. */
function sectionCount(summary: string, title: string): number {
  const match = new RegExp(`\\*${title} \\((\\d+)\\):\\*`).exec(summary);
  if (!match) throw new Error(`no section ${title} in\n${summary}`);
  return Number(match[1]);
}

describe.each(testDatabaseKinds)("exports that add up on %s", (kind) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const p = db.prisma;
    const ws = await createWorkspace(p);
    const admin = await createMember(p, ws.id, "Admin", { isWorkspaceAdmin: true });
    const lan = await createMember(p, ws.id, "Lan");
    const minh = await createMember(p, ws.id, "Minh");
    const a = await createChannel(p, ws.id, "phong-a");
    const b = await createChannel(p, ws.id, "phong-b");
    const so = await createUnit(p, ws.id, "Sở Kế hoạch", { channelIds: [a.id] });
    await createUnit(p, ws.id, "Phòng B", { parentId: so.id, channelIds: [b.id] });
    Object.assign(ids, { workspace: ws.id, admin: admin.id, a: a.id, b: b.id });
    const task = (channelId: string, seed: Omit<Parameters<typeof createTask>[1], "channelId" | "creatorId">) =>
      createTask(p, { channelId, creatorId: admin.id, ...seed });
    for (const channelId of [a.id, b.id]) {
      // One hour late and open: 1 hour, not "0 days".
      await task(channelId, {
        title: "nộp báo cáo quý",
        createdAt: hours(-72),
        dueAt: hours(-1),
        assignees: [{ memberId: lan.id }],
      });
      await task(channelId, {
        title: "họp giao ban",
        createdAt: hours(-72),
        dueAt: hours(30),
        assignees: [{ memberId: minh.id }],
      });
      // Done last week (Monday 30/11 – Sunday 06/12), one on time and one 5 hours late.
      await task(channelId, {
        title: "gửi công văn",
        createdAt: hours(-240),
        dueAt: hours(-100),
        status: "done",
        closedAt: hours(-95),
        assignees: [{ memberId: lan.id, doneAt: hours(-95) }],
      });
      await task(channelId, {
        title: "rà soát",
        createdAt: hours(-240),
        dueAt: hours(-90),
        status: "done",
        closedAt: hours(-120),
      });
      await task(channelId, {
        title: "việc bỏ",
        createdAt: hours(-200),
        dueAt: hours(-150),
        status: "cancelled",
        closedAt: hours(-160),
      });
    }
    // An occurrence of series #L3 in channel A.
    const occurrence = await task(a.id, {
      title: "báo cáo tuần",
      createdAt: hours(-48),
      dueAt: hours(-3),
      assignees: [{ memberId: minh.id }],
    });
    const series = await p.recurringSeries.create({
      data: {
        channelId: a.id,
        number: 3,
        title: "báo cáo tuần",
        creatorId: admin.id,
        assigneeIds: [minh.id],
        rule: {},
        timezone: ZONE,
        coveredUntil: NOW,
        createdAt: hours(-100),
        updatedAt: hours(-100),
      },
    });
    await p.recurringOccurrence.create({
      data: { seriesId: series.id, key: "2026-12-09", taskId: occurrence.id, dueAt: hours(-3), createdAt: hours(-48) },
    });
  });
  afterAll(async () => db?.close());

  it("gives the chat summary's figures, cancelled tasks marked, dates as dates, lateness in hours", async () => {
    const reports = createReportService({ prisma: db.prisma });
    const found = await reports.weeklyReport(ids.a as string, NOW);
    const rows = await reports.taskRows(ids.a as string);
    if (!found) throw new Error("no channel");
    const chat = renderWeeklySummary(found.report, "vi", "phong-a");
    const book = await workbookOf(await toXlsx(channelSheets(found.report, rows, NOW, ZONE, "vi"), "vi"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Công việc", "Tổng quan", "Theo người"]);

    const tasks = valuesOf(book.getWorksheet("Công việc"));
    expect(tasks[0]).toEqual([
      "Số",
      "Việc",
      "Trạng thái",
      "Người nhận",
      "Hạn",
      "Hoàn thành lúc",
      "Đúng hạn",
      "Trễ (giờ)",
      "Việc định kỳ",
    ]);
    const body = tasks.slice(1);
    const lastWeek = [new Date("2026-11-30T00:00:00Z"), new Date("2026-12-07T00:00:00Z")];
    const overdueRows = body.filter((r) => r[2] === "đang mở" && typeof r[7] === "number");
    const doneLastWeekRows = body.filter(
      (r) => r[2] === "xong" && (r[5] as Date) >= (lastWeek[0] as Date) && (r[5] as Date) < (lastWeek[1] as Date),
    );
    expect(overdueRows).toHaveLength(sectionCount(chat, "Quá hạn"));
    expect(doneLastWeekRows).toHaveLength(sectionCount(chat, "Đã xong tuần trước"));
    expect(sectionCount(chat, "Quá hạn")).toBe(2);

    const overview = Object.fromEntries(valuesOf(book.getWorksheet("Tổng quan")).slice(1));
    expect(overview).toMatchObject({
      "Đã xong tuần trước": sectionCount(chat, "Đã xong tuần trước"),
      "Quá hạn": sectionCount(chat, "Quá hạn"),
      "Đến hạn tuần này": sectionCount(chat, "Đến hạn tuần này"),
      "Tỉ lệ đúng hạn (%)": 50,
      "Đã hủy": 1,
    });
    expect(chat).toContain("Tỉ lệ đúng hạn 50%");

    const late = body.find((r) => r[1] === "nộp báo cáo quý");
    // Due 09/12 09:00 Hà Nội: the cell holds that wall-clock time, formatted as a date.
    expect(late?.[4]).toEqual(new Date("2026-12-09T09:00:00Z"));
    expect(book.getWorksheet("Công việc")?.getCell("E2").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(late?.[7]).toBe(1);
    const finishedLate = body.find((r) => r[1] === "gửi công văn");
    expect(finishedLate?.slice(6, 8)).toEqual(["không", 5]);
    expect(body.find((r) => r[1] === "việc bỏ")?.[2]).toBe("đã hủy");
    expect(body.find((r) => r[1] === "báo cáo tuần")?.[8]).toBe("#L3");
    expect(chat).toContain("#6 báo cáo tuần (định kỳ #L3)");

    const widths = book.getWorksheet("Công việc")?.columns.map((c) => c.width) ?? [];
    expect(widths[1]).toBeGreaterThanOrEqual("nộp báo cáo quý".length);
    expect(widths[0]).toBeLessThan(widths[1] as number);
  });

  it("writes instants in CSV as ISO 8601 with the channel's offset", async () => {
    const reports = createReportService({ prisma: db.prisma });
    const csv = new TextDecoder().decode(toCsv(taskTable(await reports.taskRows(ids.a as string), NOW, ZONE, "en")));
    expect(csv).toContain("Number,Task,Status,Assignees,Due,Completed at,On time,Hours late,Recurring series\r\n");
    expect(csv).toContain("1,nộp báo cáo quý,open,Lan,2026-12-09T09:00:00+07:00,,,1,\r\n");
    expect(csv).toContain(",cancelled,");
  });

  it("gives the roll-up's figures per unit, and its unit sheets add up to them", async () => {
    const org = createOrgService({ prisma: db.prisma });
    const viewer = { id: ids.admin as string, workspaceId: ids.workspace as string, isWorkspaceAdmin: true };
    const rollup = await org.rollup(viewer, NOW, ZONE);
    const unitIds = rollup.rows.map((r) => r.unit.id);
    const tasks = await org.taskRows({ unitIds, includeCancelled: true });
    const book = await workbookOf((await rollupFile(rollup, tasks, "xlsx", "vi")).content);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Sở Kế hoạch", "Phòng B"]);
    const summary = valuesOf(book.getWorksheet("Tổng hợp"));
    const chat = renderRollupText(rollup, "vi");
    for (const row of summary.slice(1)) {
      const [name, , open, overdue, , dueThisWeek, doneLastWeek] = row;
      expect(chat).toContain(`*${name}*: mở ${open} · quá hạn ${overdue}`);
      expect(chat).toMatch(
        new RegExp(`\\*${name}\\*:.*đến hạn tuần này ${dueThisWeek} · xong tuần trước ${doneLastWeek} `),
      );
    }
    // The top unit's figures are its subtree's: the overdue rows of both unit sheets.
    const overdueIn = (sheet: string) =>
      valuesOf(book.getWorksheet(sheet))
        .slice(1)
        .filter((r) => r[3] === "đang mở" && typeof r[8] === "number").length;
    expect(summary[1]?.[3]).toBe(overdueIn("Sở Kế hoạch") + overdueIn("Phòng B"));
    expect(summary[1]?.[3]).toBe(3);
    const phongB = valuesOf(book.getWorksheet("Phòng B"));
    expect(phongB[0]?.[0]).toBe("Kênh");
    expect(phongB.filter((r) => r[3] === "đã hủy")).toHaveLength(1);
  });
});
