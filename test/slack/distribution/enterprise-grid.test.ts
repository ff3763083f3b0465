import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import type { SlackPost } from "../slack-requests.js";
import { type DistributedHarness, startDistributedHarness } from "./distributed-harness.js";

/**
 * Enterprise Grid with the app installed org-wide: one installation, keyed by the org, serves every team of it. A
 * request names its team and org; the outbox, sending outside any request, finds the org's installation through the
 * org recorded on the team's workspace when its requests were served.
 */
describe("an org-wide Enterprise Grid install", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  const ORG = "E0GRID";
  const TEAM = "T0GRIDA";
  const ORG_TOKEN = "xoxb-org-wide-grid-token";

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.fake.tokenOwners.set(ORG_TOKEN, "ORG");
    harness.fake.addUser({ id: "U0GRID", name: "Giang" });
    await harness.distribution.installations.storeInstallation({
      team: undefined,
      enterprise: { id: ORG, name: "Tập đoàn" },
      user: { id: "UORGADMIN", token: undefined, scopes: undefined },
      bot: { token: ORG_TOKEN, scopes: ["commands", "chat:write"], id: "BGRID", userId: "UBOTGRID" },
      isEnterpriseInstall: true,
      authVersion: "v2",
    });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const command = (text: string, responseId: string): SlackPost => ({
    contentType: "application/x-www-form-urlencoded",
    body: Buffer.from(
      new URLSearchParams({
        team_id: TEAM,
        team_domain: "grid-a",
        enterprise_id: ORG,
        is_enterprise_install: "true",
        channel_id: "C0GRID",
        channel_name: "grid",
        user_id: "U0GRID",
        user_name: "giang",
        command: "/viec",
        text,
        api_app_id: "A0ROVIEC",
        trigger_id: `${responseId}.trigger`,
        response_url: harness.fake.responseUrl(responseId),
      }).toString(),
    ),
  });

  it("serves a team's command with the org's token, and sends its outbox messages with it too", async () => {
    expect((await harness.post(command("giao <@U0GRID> tổng hợp số liệu", "grid-1"))).status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo("grid-1").length).toBeGreaterThan(0));
    await eventually(async () =>
      expect(
        await database.prisma.workspace.findFirst({ where: { externalId: TEAM }, select: { enterpriseId: true } }),
      ).toEqual({ enterpriseId: ORG }),
    );
    const channel = await database.prisma.channel.findFirstOrThrow({
      where: { externalId: "C0GRID", workspace: { externalId: TEAM } },
      select: { id: true },
    });
    const { id } = await database.prisma.outboxMessage.create({
      data: { channelId: channel.id, platform: "slack", target: "C0GRID", payload: {} },
      select: { id: true },
    });
    await harness.adapter.sender.send("C0GRID", { visibility: "channel", text: "nhắc hạn tập đoàn" }, { outboxId: id });
    expect(harness.fake.callsOf("chat.postMessage").at(-1)).toMatchObject({
      tokenOwner: "ORG",
      args: { text: "nhắc hạn tập đoàn" },
    });
  });
});
