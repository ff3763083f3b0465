// A workspace that uninstalls the app (or revokes its token) is suspended: its planned pings are neither claimed nor
// given jobs, its pending outbox messages are not attempted nor queued again, and all of it is kept; installing the
// app again resumes them. The other workspace goes on as before.
import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxService, type OutboxService } from "../../../src/services/outbox-service.js";
import { FIRST_ID } from "../../../src/services/ping-planning.js";
import { createPingService, type PingService } from "../../../src/services/ping-service.js";
import {
  createSlackInstallationStore,
  type SlackInstallations,
} from "../../../src/services/slack-installation-store.js";
import { TokenCipher } from "../../../src/services/token-cipher.js";
import { seedChannel, seedTask } from "../../jobs/helpers.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../../setup/db.js";

function teamInstall(teamId: string): Installation {
  return {
    team: { id: teamId, name: `Công ty ${teamId}` },
    enterprise: undefined,
    user: { id: "UINSTALLER", token: undefined, scopes: undefined },
    bot: { token: `xoxb-${teamId}-secret`, scopes: ["commands"], id: `B${teamId}`, userId: `U${teamId}BOT` },
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
}

describe.each(testDatabaseKinds)("a suspended Slack workspace on %s", (kind) => {
  let db: TestDatabase;
  let pings: PingService;
  let outbox: OutboxService;
  let installations: SlackInstallations;
  const NOW = new Date("2026-12-07T03:00:00Z"); // Monday 10:00 in Hà Nội
  const DUE = new Date("2026-12-11T10:00:00Z"); // Friday 17:00

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    outbox = createOutboxService({ prisma: db.prisma, now: () => NOW });
    pings = createPingService({ prisma: db.prisma, outbox });
    installations = createSlackInstallationStore({
      prisma: db.prisma,
      cipher: new TokenCipher(randomBytes(32).toString("base64")),
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A workspace with the app installed, one task due on Friday (its pings planned) and one pending message. */
  async function installedWorkspace(teamId: string) {
    const workspace = await db.prisma.workspace.create({
      data: { platform: "slack", externalId: teamId },
      select: { id: true },
    });
    await installations.storeInstallation(teamInstall(teamId));
    const seeded = await seedChannel(db.prisma, { workspaceId: workspace.id });
    const taskId = await seedTask(db.prisma, seeded, { dueAt: DUE });
    await pings.syncTask(taskId, NOW);
    const atDeadline = await db.prisma.ping.findFirstOrThrow({
      where: { taskId, kind: "at_deadline" },
      select: { id: true },
    });
    const message = await db.prisma.outboxMessage.create({
      data: { channelId: seeded.channelId, platform: "slack", target: seeded.channelExternalId, payload: {} },
      select: { id: true },
    });
    return { taskId, pingId: atDeadline.id, outboxId: message.id };
  }

  const plannedIds = async () => new Set((await pings.plannedPage(FIRST_ID, 1000)).map((p) => p.id));
  const unfinishedIds = async () => new Set((await outbox.listUnfinished()).map((row) => row.id));
  const suspendedFlag = async (outboxId: string) =>
    (await outbox.getManyForSend([outboxId], NOW)).get(outboxId)?.workspaceSuspended;

  it("keeps an uninstalled workspace's pings and messages unattempted, and resumes them when it installs again", async () => {
    const gone = await installedWorkspace(`TSUSP${randomBytes(3).toString("hex")}`);
    const stays = await installedWorkspace(`TKEEP${randomBytes(3).toString("hex")}`);
    const goneTeam = (
      await db.prisma.task.findUniqueOrThrow({
        where: { id: gone.taskId },
        select: { channel: { select: { workspace: { select: { externalId: true } } } } },
      })
    ).channel.workspace.externalId;

    expect(await installations.remove({ teamId: goneTeam })).toBe(true);

    // Pings: the reconciler gives them no job, and a job already queued claims nothing; they stay planned.
    const planned = await plannedIds();
    expect(planned.has(gone.pingId)).toBe(false);
    expect(planned.has(stays.pingId)).toBe(true);
    expect(await pings.claim(gone.pingId, DUE)).toBeNull();
    expect(await db.prisma.ping.findUniqueOrThrow({ where: { id: gone.pingId }, select: { status: true } })).toEqual({
      status: "planned",
    });
    expect((await pings.claim(stays.pingId, DUE))?.outboxId).toBeTruthy();

    // Messages: not attempted (the sender is never called for them) and not queued again; kept pending.
    expect(await suspendedFlag(gone.outboxId)).toBe(true);
    expect(await suspendedFlag(stays.outboxId)).toBe(false);
    const unfinished = await unfinishedIds();
    expect(unfinished.has(gone.outboxId)).toBe(false);
    expect(unfinished.has(stays.outboxId)).toBe(true);
    expect(await db.prisma.task.count({ where: { id: gone.taskId } })).toBe(1);

    // Installed again: the reconciler finds both, and the ping is claimed into a message.
    await installations.storeInstallation(teamInstall(goneTeam));
    expect((await plannedIds()).has(gone.pingId)).toBe(true);
    expect((await unfinishedIds()).has(gone.outboxId)).toBe(true);
    expect(await suspendedFlag(gone.outboxId)).toBe(false);
    expect((await pings.claim(gone.pingId, DUE))?.outboxId).toBeTruthy();
  });
});
