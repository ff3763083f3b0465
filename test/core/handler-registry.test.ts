import { describe, expect, it } from "vitest";
import { handlers } from "../../handlers/index.js";
import type { HandlerDefinition } from "../../src/core/handler.js";
import { createHandlerRegistry } from "../../src/core/handler-registry.js";
import type { CommandName } from "../../src/language/index.js";

/** Every command of the parser; `satisfies` makes a new command fail here until it is listed. */
const EVERY_COMMAND = {
  add: true,
  list: true,
  show: true,
  done: true,
  reopen: true,
  cancel: true,
  due: true,
  assign: true,
  edit: true,
  status: true,
  summary: true,
  settings: true,
  help: true,
  remind: true,
  ack: true,
  export: true,
  snooze: true,
  undo: true,
  units: true,
  unit_leaders: true,
  rollup: true,
  dashboard: true,
  signout: true,
  repeat: true,
  series: true,
  delete_data: true,
} satisfies Record<CommandName, true>;

const reply = async () => ({ visibility: "private" as const, text: "ok" });

describe("handler registry", () => {
  it("has one declared handler for every command, all in handlers/index.ts", () => {
    const names = handlers.map((h) => h.command).sort();
    expect(names).toEqual(Object.keys(EVERY_COMMAND).sort());
  });

  it("claims in the task service's transaction exactly for the commands that write only there or not at all", () => {
    const claiming = handlers.filter((h) => h.claimsInTransaction).map((h) => h.command);
    expect(claiming.sort()).toEqual(
      ["add", "list", "show", "done", "reopen", "cancel", "due", "assign", "edit", "ack", "status", "help"].sort(),
    );
  });

  it("leaves out a handler whose services are missing, so its command answers 'not available'", () => {
    const needsReports: HandlerDefinition<{ reports?: object }> = {
      command: "summary",
      claimsInTransaction: false,
      needs: ["reports"],
      handle: reply,
    };
    expect(createHandlerRegistry([needsReports], {}).has("summary")).toBe(false);
    expect(createHandlerRegistry([needsReports], { reports: {} }).get("summary")).toEqual({
      handle: reply,
      claimsInTransaction: false,
    });
  });

  it("refuses two handlers for one command", () => {
    const add: HandlerDefinition<object> = { command: "add", claimsInTransaction: true, handle: reply };
    expect(() => createHandlerRegistry([add, add], {})).toThrow('two handlers for the command "add"');
  });
});
