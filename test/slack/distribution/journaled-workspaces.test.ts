import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { type DistributedHarness, eventFrom, startDistributedHarness } from "./distributed-harness.js";

/**
 * Many workspaces over HTTP: slash commands and events are journaled and read by the adapter itself, not by bolt,
 * so bolt's authorize never sees them. Each must still run as its workspace: the installation's bot (its mention
 * stripped), its token on every Slack call, and an uninstall applied from the journal.
 */
describe("journaled requests of many workspaces", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.workspaces.add("A", "TJRNA");
    harness.workspaces.add("B", "TJRNB");
    harness.fake.addUser({ id: "U0AN", name: "An" });
    for (const team of ["TJRNA", "TJRNB"]) expect((await harness.install(team)).status).toBe(200);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const callsAfter = (start: number) => harness.fake.calls.slice(start).filter((c) => c.method !== "oauth.v2.access");

  it("answers a journaled command with its workspace's token, without bolt", async () => {
    const throughBolt = vi.spyOn(harness.adapter.app, "processEvent");
    const start = harness.fake.calls.length;
    const [answer] = await harness.command("TJRNB", "C0JRN1", "U0AN", "giao <@U0AN> rà soát hồ sơ");
    expect(JSON.stringify(answer)).toContain("rà soát hồ sơ");
    expect(new Set(callsAfter(start).map((c) => c.tokenOwner))).toEqual(new Set(["B"]));
    expect(throughBolt).not.toHaveBeenCalled();
    throughBolt.mockRestore();
  });

  it("reads a mention of the installation's own bot, and answers in the channel with that workspace's token", async () => {
    const start = harness.fake.calls.length;
    const mention = eventFrom("TJRNA", {
      type: "app_mention",
      channel: "C0JRN2",
      user: "U0AN",
      text: "<@UBOTTJRNA> giao <@U0AN> soạn tờ trình",
      ts: "1700000000.000100",
    });
    expect((await harness.post(mention)).status).toBe(200);
    await eventually(async () =>
      expect(
        await database.prisma.task.findMany({
          where: { channel: { externalId: "C0JRN2", workspace: { externalId: "TJRNA" } } },
          select: { title: true },
        }),
      ).toEqual([{ title: "soạn tờ trình" }]),
    );
    await eventually(() => expect(callsAfter(start).some((c) => c.method === "chat.postMessage")).toBe(true));
    expect(new Set(callsAfter(start).map((c) => c.tokenOwner))).toEqual(new Set(["A"]));
  });

  it("applies an uninstall from the journal, and leaves the other workspace installed", async () => {
    const throughBolt = vi.spyOn(harness.adapter.app, "processEvent");
    expect((await harness.post(eventFrom("TJRNA", { type: "app_uninstalled" }))).status).toBe(200);
    await eventually(async () =>
      expect(await harness.distribution.installations.isInstalled({ teamId: "TJRNA" })).toBe(false),
    );
    expect(await harness.distribution.installations.isInstalled({ teamId: "TJRNB" })).toBe(true);
    expect(throughBolt).not.toHaveBeenCalled();
    throughBolt.mockRestore();
  });
});
