import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_BOT_SCOPES } from "../../../src/platforms/slack/scopes.js";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import {
  type DistributedHarness,
  eventFrom,
  slashCommandFrom,
  startDistributedHarness,
} from "./distributed-harness.js";
import { CLIENT_ID } from "./fake-slack-workspaces.js";

describe("Add to Slack (OAuth install) against the fake Slack", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.workspaces.add("A", "TINSTALLA");
    harness.workspaces.add("B", "TINSTALLB");
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("shows an Add to Slack page whose link asks Slack for the app's scopes, with a state bound to this browser", async () => {
    const response = await fetch(`${harness.baseUrl}/slack/install`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Cài Rõ Việc vào Slack");
    const link = new URL(/id="add-to-slack" href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "");
    expect(link.origin + link.pathname).toBe(harness.workspaces.authorizationUrl);
    expect(link.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(link.searchParams.get("scope")?.split(",")).toEqual([...SLACK_BOT_SCOPES]);
    const state = link.searchParams.get("state");
    expect(state).toBeTruthy();
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`slack-app-oauth-state=${state}`);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it("installs a workspace: the code is exchanged, and the installation stored with its token sealed", async () => {
    const result = await harness.install("TINSTALLA");
    expect(result.status).toBe(200);
    expect(result.html).toContain("Đã cài Rõ Việc vào Công ty A");
    const row = await database.prisma.slackInstallation.findUnique({ where: { installKey: "TINSTALLA" } });
    expect(row).toMatchObject({ teamId: "TINSTALLA", botUserId: "UBOTTINSTALLA", botId: "BBOTTINSTALLA" });
    expect(row?.installerUserId).toBe("UADMINTINSTALLA");
    expect(JSON.stringify(row)).not.toContain("xoxb-");
    const auth = await harness.distribution.installations.findAuthorization({ teamId: "TINSTALLA" });
    expect(auth?.botToken).toBe(harness.workspaces.workspaces.get("TINSTALLA")?.token);
  });

  it("refuses a redirect that another browser started (no state cookie), exchanging no code", async () => {
    const start = await fetch(`${harness.baseUrl}/slack/install`);
    const link = /id="add-to-slack" href="([^"]+)"/.exec(await start.text())?.[1]?.replaceAll("&amp;", "&") ?? "";
    harness.workspaces.signedInTo = "TINSTALLB";
    const consent = await (await fetch(link)).text();
    const allow = /id="allow" href="([^"]+)"/.exec(consent)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const exchangesBefore = harness.workspaces.exchanges.length;
    const back = await fetch(allow, { redirect: "manual" });
    expect(back.status).toBe(400);
    expect(await back.text()).toContain("Chưa cài được Rõ Việc");
    expect(harness.workspaces.exchanges.length).toBe(exchangesBefore);
    expect(await harness.distribution.installations.isInstalled({ teamId: "TINSTALLB" })).toBe(false);
  });

  it("refuses a state it did not sign, even when the cookie matches it", async () => {
    const forged = "forged-state-value";
    const back = await fetch(`${harness.baseUrl}/slack/oauth_redirect?code=code-TINSTALLB-999&state=${forged}`, {
      headers: { cookie: `slack-app-oauth-state=${forged}` },
    });
    expect(back.status).toBe(400);
    expect(await harness.distribution.installations.isInstalled({ teamId: "TINSTALLB" })).toBe(false);
  });

  it("refuses a command from a workspace that has not installed the app with 401, and writes nothing", async () => {
    const before = await database.prisma.inboundRequest.count();
    const response = await harness.post(
      slashCommandFrom("TNEVERINSTALLED", {
        channel: "C0NOWHERE",
        user: "U0STRANGER",
        text: "giao <@U0STRANGER> việc lạ",
        responseUrl: harness.fake.responseUrl("nowhere"),
      }),
    );
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toEqual({ ok: false, error: "not_installed" });
    expect(await database.prisma.inboundRequest.count()).toBe(before);
    expect(await database.prisma.workspace.count({ where: { externalId: "TNEVERINSTALLED" } })).toBe(0);
    expect(harness.fake.responsesTo("nowhere")).toEqual([]);
  });

  it("answers an installed workspace's command with that workspace's token", async () => {
    harness.fake.addUser({ id: "U0AN", name: "An" });
    const [answer] = await harness.command("TINSTALLA", "C0A1", "U0AN", "giao <@U0AN> nộp báo cáo quý");
    expect(JSON.stringify(answer)).toContain("nộp báo cáo quý");
    const owners = new Set(harness.fake.calls.filter((c) => c.method !== "oauth.v2.access").map((c) => c.tokenOwner));
    expect(owners).toEqual(new Set(["A"]));
  });

  it("forgets the installation when the bot's token is revoked, not when only a person's is", async () => {
    const handled = () => database.prisma.inboundRequest.count();
    const personOnly = await harness.post(
      eventFrom("TINSTALLA", { type: "tokens_revoked", tokens: { oauth: ["U0AN"] } }),
    );
    expect(personOnly.status).toBe(200);
    await eventually(async () => expect(await handled()).toBe(0));
    expect(await harness.distribution.installations.isInstalled({ teamId: "TINSTALLA" })).toBe(true);
    const bot = await harness.post(
      eventFrom("TINSTALLA", { type: "tokens_revoked", tokens: { bot: ["UBOTTINSTALLA"] } }),
    );
    expect(bot.status).toBe(200);
    await eventually(async () =>
      expect(await (() => harness.distribution.installations.isInstalled({ teamId: "TINSTALLA" }))()).toBe(false),
    );
  });
});
