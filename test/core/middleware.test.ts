import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { authorize } from "../../src/core/authorize.js";
import { composeMiddleware, type MessageContext, type Middleware } from "../../src/core/middleware.js";
import type { Reply } from "../../src/core/reply.js";
import { pipelineWords } from "../../src/render/pipeline-words.js";
import { isDatabaseUnavailable } from "../../src/services/database-errors.js";
import { incomingMessage } from "../helpers/incoming.js";
import { personView } from "../helpers/task-views.js";

function messageContext(overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    incoming: incomingMessage(),
    channel: {
      id: "c",
      workspaceId: "w",
      platform: "console",
      externalId: "C1",
      isPrivateChat: false,
      locale: "vi",
      timezone: "Asia/Ho_Chi_Minh",
      endOfDayMinutes: 1020,
      workingDays: [1, 2, 3, 4, 5],
      summaryEnabled: true,
      summaryCron: "0 8 * * 1",
      managers: [],
    },
    actor: { ...personView("Hoa"), isManager: false, isWorkspaceAdmin: false, timezone: null },
    locale: "vi",
    now: new Date("2026-11-27T03:00:00Z"),
    services: {} as MessageContext["services"],
    parsed: { ok: false, error: "empty", locale: null },
    logger: pino({ level: "silent" }),
    words: pipelineWords,
    ...overrides,
  };
}

const answered: Reply[] = [{ visibility: "channel", text: "ok" }];

describe("middleware", () => {
  it("runs in order and refuses a second next()", async () => {
    const order: string[] = [];
    const first: Middleware = async (_context, next) => {
      order.push("first");
      return next();
    };
    const twice: Middleware = async (_context, next) => {
      await next();
      return next();
    };
    const final = async () => {
      order.push("final");
      return answered;
    };
    expect(await composeMiddleware([first], final)(messageContext())).toEqual(answered);
    expect(order).toEqual(["first", "final"]);
    await expect(composeMiddleware([twice], final)(messageContext())).rejects.toThrow("next() called twice");
  });

  it("lets only managers change channel settings, only admins change managers and days off; showing is open", async () => {
    const guard = composeMiddleware([authorize()], async () => answered);
    const settings = (key: "timezone" | "show" | "manager" | "dayoff", value: string | null = "x") => ({
      ok: true as const,
      command: {
        command: "settings" as const,
        taskRef: null,
        title: null,
        assignees: [],
        filter: null,
        due: null,
        settings: { key, value: key === "show" ? null : value },
        locale: null,
        doubts: [],
      },
    });
    const member = messageContext({ parsed: settings("timezone") });
    member.channel.managers = [personView("Minh")];
    const [refusal] = await guard(member);
    expect(refusal?.isError).toBe(true);
    // An ordinary member may look; a channel without managers is no longer anyone's to take.
    expect(await guard({ ...member, parsed: settings("show") })).toEqual(answered);
    expect(await guard({ ...member, parsed: settings("manager", null) })).toEqual(answered);
    expect((await guard(messageContext({ parsed: settings("timezone") })))[0]?.isError).toBe(true);
    const manager = { ...member.actor, isManager: true };
    expect(await guard({ ...member, actor: manager })).toEqual(answered);
    for (const key of ["manager", "dayoff"] as const) {
      expect((await guard({ ...member, actor: manager, parsed: settings(key, "+Lan") }))[0]?.isError).toBe(true);
      const admin = { ...manager, isWorkspaceAdmin: true };
      expect(await guard({ ...member, actor: admin, parsed: settings(key, "+Lan") })).toEqual(answered);
    }
    // A private chat's own settings are its person's; what reaches others is not.
    const own = messageContext({ parsed: settings("timezone") });
    own.channel.isPrivateChat = true;
    expect(await guard(own)).toEqual(answered);
    expect((await guard({ ...own, parsed: settings("dayoff", "2026-12-07") }))[0]?.isError).toBe(true);
  });
});

describe("database errors", () => {
  it("recognises lost connections through wrapped causes, and nothing else", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "P1001" } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
