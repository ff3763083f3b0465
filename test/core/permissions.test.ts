import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  canChangeTask,
  canCloseWholeTask,
  managesChannel,
  PERMISSION_RULES,
  settingRefusal,
} from "../../src/core/permissions.js";
import { assignee, person, taskView } from "../slack/fixtures.js";

const actor = (id: string, roles: { manager?: boolean; admin?: boolean } = {}) => ({
  id,
  isManager: Boolean(roles.manager || roles.admin),
  isWorkspaceAdmin: Boolean(roles.admin),
});

describe("the permission model", () => {
  const creator = person({ displayName: "Sếp" });
  const lan = assignee({ displayName: "Lan" });
  const task = taskView({ creator, assignees: [lan] });

  it("lets the creator, an assignee, a manager and an admin change a task, and nobody else", () => {
    expect(canChangeTask(task, actor(creator.id))).toBe(true);
    expect(canChangeTask(task, actor(lan.id))).toBe(true);
    expect(canChangeTask(task, actor("m", { manager: true }))).toBe(true);
    expect(canChangeTask(task, actor("a", { admin: true }))).toBe(true);
    expect(canChangeTask(task, actor("someone"))).toBe(false);
    // Closing the whole task is the creator's or a manager's; an assignee finishes their own part.
    expect(canCloseWholeTask(task, actor(lan.id))).toBe(false);
    expect(canCloseWholeTask(task, actor(creator.id))).toBe(true);
  });

  it("makes managers only of a channel's listed managers and of workspace admins", () => {
    const channel = { managers: [person({ id: "m1" })] };
    expect(managesChannel({ id: "m1", isWorkspaceAdmin: false }, channel)).toBe(true);
    expect(managesChannel({ id: "x", isWorkspaceAdmin: false }, channel)).toBe(false);
    expect(managesChannel({ id: "x", isWorkspaceAdmin: true }, { managers: [] })).toBe(true);
  });

  it("leaves managers and days off to admins, a channel to its managers, a private chat to its person", () => {
    const group = { isPrivateChat: false };
    const privateChat = { isPrivateChat: true };
    expect(settingRefusal("channel", actor("x"), group)).toBe("needs_manager");
    expect(settingRefusal("channel", actor("m", { manager: true }), group)).toBeNull();
    expect(settingRefusal("channel", actor("x"), privateChat)).toBeNull();
    for (const scope of ["managers", "workspace"] as const) {
      expect(settingRefusal(scope, actor("m", { manager: true }), group)).toBe("needs_admin");
      expect(settingRefusal(scope, actor("x"), privateChat)).toBe("needs_admin");
      expect(settingRefusal(scope, actor("a", { admin: true }), group)).toBeNull();
    }
  });

  it("is the table the README shows", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const table = readme.split("<!-- permission-table:start -->")[1]?.split("<!-- permission-table:end -->")[0] ?? "";
    const rows = table
      .trim()
      .split("\n")
      .slice(2)
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(PERMISSION_RULES.map((rule) => [rule.action, rule.who]));
  });
});
