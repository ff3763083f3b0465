import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { type DistributedHarness, startDistributedHarness } from "./distributed-harness.js";
import { CLIENT_ID, CLIENT_SECRET } from "./fake-slack-workspaces.js";

/**
 * Token rotation (token_rotation_enabled): a bot token that expires within two hours is refreshed through
 * @slack/oauth (oauth.v2.access with the refresh token) before it is used, the new pair is stored sealed, and every
 * later call, the outbox's included, carries the new token. A token far from its expiry is used as it is.
 */
describe("rotating Slack bot tokens", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  const refreshes: Record<string, unknown>[] = [];
  // real time: Slack dates a token's expiry on its own clock, and @slack/oauth compares it with Date.now().
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  /** An installation whose token expires `expiresIn` seconds from now; each refresh hands out `<token>-next`. */
  async function rotatingInstall(teamId: string, token: string, expiresIn: number) {
    harness.fake.tokenOwners.set(token, teamId);
    harness.fake.tokenOwners.set(`${token}-next`, `${teamId} refreshed`);
    await harness.distribution.installations.storeInstallation({
      team: { id: teamId, name: teamId },
      enterprise: undefined,
      user: { id: "UADMIN", token: undefined, scopes: undefined },
      bot: {
        token,
        refreshToken: `xoxe-1-refresh-${teamId}`,
        expiresAt: nowSeconds() + expiresIn,
        scopes: ["commands", "chat:write"],
        id: `B${teamId}`,
        userId: `UBOT${teamId}`,
      },
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.fake.addUser({ id: "U0ROT", name: "Rô" });
    harness.fake.methodAnswers.set("oauth.v2.access", (args) => {
      refreshes.push(args);
      const team = String(args.refresh_token).replace("xoxe-1-refresh-", "");
      const ok =
        args.grant_type === "refresh_token" && args.client_id === CLIENT_ID && args.client_secret === CLIENT_SECRET;
      if (!ok) return { ok: false, error: "invalid_refresh_token" };
      return {
        ok: true,
        token_type: "bot",
        access_token: `xoxe.xoxb-${team}-next`,
        refresh_token: `xoxe-1-refresh-${team}-next`,
        expires_in: 43_200,
        team: { id: team },
        enterprise: null,
        is_enterprise_install: false,
      };
    });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("refreshes a token about to expire before using it, stores the new pair, and sends with the new token", async () => {
    await rotatingInstall("TROTSOON", "xoxe.xoxb-TROTSOON", 30 * 60);
    const start = harness.fake.calls.length;
    await harness.command("TROTSOON", "C0ROT", "U0ROT", "giao <@U0ROT> kiểm kê kho");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ grant_type: "refresh_token", refresh_token: "xoxe-1-refresh-TROTSOON" });
    const after = harness.fake.calls.slice(start).filter((call) => call.method !== "oauth.v2.access");
    expect(new Set(after.map((call) => call.tokenOwner))).toEqual(new Set(["TROTSOON refreshed"]));

    const stored = await harness.distribution.installations.fetchInstallation({
      teamId: "TROTSOON",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored.bot?.token).toBe("xoxe.xoxb-TROTSOON-next");
    expect(stored.bot?.refreshToken).toBe("xoxe-1-refresh-TROTSOON-next");
    expect(stored.bot?.expiresAt).toBeGreaterThan(nowSeconds() + 11 * 3600);
    const row = await database.prisma.slackInstallation.findUniqueOrThrow({ where: { installKey: "TROTSOON" } });
    expect(`${row.botTokenSealed} ${row.botRefreshTokenSealed}`).not.toContain("xox");

    // The new token lasts 12 hours: the next command and the outbox use it without another refresh.
    await harness.command("TROTSOON", "C0ROT", "U0ROT", "danh sách việc");
    const channel = await database.prisma.channel.findFirstOrThrow({
      where: { externalId: "C0ROT", workspace: { externalId: "TROTSOON" } },
      select: { id: true },
    });
    const { id } = await database.prisma.outboxMessage.create({
      data: { channelId: channel.id, platform: "slack", target: "C0ROT", payload: {} },
      select: { id: true },
    });
    await harness.adapter.sender.send("C0ROT", { visibility: "channel", text: "nhắc kiểm kê" }, { outboxId: id });
    expect(harness.fake.callsOf("chat.postMessage").at(-1)?.tokenOwner).toBe("TROTSOON refreshed");
    expect(refreshes).toHaveLength(1);
  });

  it("uses a rotating token far from its expiry as it is", async () => {
    await rotatingInstall("TROTLATE", "xoxe.xoxb-TROTLATE", 10 * 3600);
    const before = refreshes.length;
    const start = harness.fake.calls.length;
    await harness.command("TROTLATE", "C0ROT2", "U0ROT", "giao <@U0ROT> đối chiếu công nợ");
    expect(refreshes).toHaveLength(before);
    const after = harness.fake.calls.slice(start);
    expect(new Set(after.map((call) => call.tokenOwner))).toEqual(new Set(["TROTLATE"]));
  });
});
