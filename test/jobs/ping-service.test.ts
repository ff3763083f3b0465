// The ping service on PostgreSQL and PGlite (no Redis): planning follows the task, a minute of a channel is claimed
// into one outbox message exactly once, stale pings are cancelled rather than sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createOutboxService } from "../../src/services/outbox-service.js";
import { createPingService, type PingService } from "../../src/services/ping-service.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { seedChannel, seedTask } from "./helpers.js";

describe.each(testDatabaseKinds)("ping service on %s", (kind) => {
  let db: TestDatabase;
  let pings: PingService;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    pings = createPingService({
      prisma: db.prisma,
      outbox: createOutboxService({ prisma: db.prisma, now: () => NOW }),
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const NOW = new Date("2026-12-07T03:00:00Z"); // Monday 10:00 in Hà Nội

  it("plans from the deadline, re-plans on change, revives a ping when the deadline moves back", async () => {
    const s = await seedChannel(db.prisma);
    const first = new Date("2026-12-11T10:00:00Z"); // Friday 17:00
    const taskId = await seedTask(db.prisma, s, { dueAt: first });
    const planned = await pings.syncTask(taskId, NOW);
    expect(planned.planned).toHaveLength(4);
    await db.prisma.task.update({ where: { id: taskId }, data: { dueAt: new Date("2026-12-18T10:00:00Z") } });
    const moved = await pings.syncTask(taskId, NOW);
    expect(moved.cancelled).toHaveLength(4);
    expect(moved.planned).toHaveLength(4);
    await db.prisma.task.update({ where: { id: taskId }, data: { dueAt: first } });
    const back = await pings.syncTask(taskId, NOW);
    expect(back.planned.map((p) => p.id).sort()).toEqual(planned.planned.map((p) => p.id).sort());
  });

  it("plans no deadline ping in a channel whose pings are turned off, and plans them again when turned on", async () => {
    const s = await seedChannel(db.prisma);
    const taskId = await seedTask(db.prisma, s, { dueAt: new Date("2026-12-11T10:00:00Z") });
    expect((await pings.syncTask(taskId, NOW)).planned).toHaveLength(4);
    // What "cài đặt nhắc việc tắt" stores (src/services/settings-values.ts).
    await db.prisma.channel.update({ where: { id: s.channelId }, data: { pingPolicy: { enabled: false } } });
    const off = await pings.syncTask(taskId, NOW);
    expect(off.cancelled).toHaveLength(4);
    expect(await db.prisma.ping.count({ where: { taskId, status: "planned" } })).toBe(0);
    await db.prisma.channel.update({ where: { id: s.channelId }, data: { pingPolicy: Prisma.DbNull } });
    expect((await pings.syncTask(taskId, NOW)).planned).toHaveLength(4);
  });

  it("claims a channel's pings of one minute into one message, once", async () => {
    const s = await seedChannel(db.prisma);
    const due = new Date("2026-12-11T10:00:00Z");
    const a = await seedTask(db.prisma, s, { number: 1, title: "Một", dueAt: due });
    const b = await seedTask(db.prisma, s, { number: 2, title: "Hai", dueAt: due, assignees: [s.minh] });
    await pings.syncTask(a, NOW);
    await pings.syncTask(b, NOW);
    const atDeadline = await db.prisma.ping.findMany({
      where: { kind: "at_deadline", taskId: { in: [a, b] } },
      select: { id: true },
    });
    const [first, second] = await Promise.all(atDeadline.map((p) => pings.claim(p.id, due)));
    const claims = [first, second].filter((c) => c?.outboxId);
    expect(claims).toHaveLength(1);
    const outbox = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: claims[0]?.outboxId as string } });
    expect((outbox.payload as { text: string }).text).toContain("*Nhắc hạn (2 việc)*");
    expect(await db.prisma.ping.count({ where: { outboxId: outbox.id, status: "sent", late: false } })).toBe(2);
    expect(await pings.claim(atDeadline[0]?.id as string, due)).toBeNull();
  });

  it("claims ahead of time a message due at its first ping, reaching into the next minute by at most 2 s", async () => {
    const s = await seedChannel(db.prisma);
    const at = (iso: string) => new Date(iso);
    // 16:59:59.5, 17:00:00.8 and 17:00:02 in Hà Nội: the channel may get one message a second.
    const before = await seedTask(db.prisma, s, {
      number: 1,
      title: "Trước giờ",
      dueAt: at("2026-12-11T09:59:59.500Z"),
    });
    const just = await seedTask(db.prisma, s, { number: 2, title: "Đúng giờ", dueAt: at("2026-12-11T10:00:00.800Z") });
    const later = await seedTask(db.prisma, s, { number: 3, title: "Sau đó", dueAt: at("2026-12-11T10:00:02.000Z") });
    for (const taskId of [before, just, later]) await pings.syncTask(taskId, NOW);
    const pingOf = async (taskId: string) =>
      (await db.prisma.ping.findFirstOrThrow({ where: { taskId, kind: "at_deadline" }, select: { id: true } })).id;

    const ahead = at("2026-12-11T09:59:54.500Z"); // five seconds before the first
    const [claimed] = await pings.claimMany([await pingOf(before)], ahead);
    expect(claimed?.sendAfter).toEqual(at("2026-12-11T09:59:59.500Z"));
    expect(claimed?.pingIds.sort()).toEqual([await pingOf(before), await pingOf(just)].sort());
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: claimed?.outboxId as string } });
    expect(row.sendAfter).toEqual(at("2026-12-11T09:59:59.500Z"));
    expect((row.payload as { text: string }).text).toContain("Nhắc hạn (2 việc)");

    // The third is 2.5 s after the message's time: a message of its own, claimed at its time.
    const third = await pings.claim(await pingOf(later), at("2026-12-11T10:00:02.000Z"));
    expect(third?.pingIds).toEqual([await pingOf(later)]);
    expect(third?.sendAfter).toBeNull();
  });

  it("cancels instead of sending a ping that went stale while waiting", async () => {
    const s = await seedChannel(db.prisma);
    const taskId = await seedTask(db.prisma, s, { dueAt: new Date("2026-12-11T10:00:00Z") });
    await pings.syncTask(taskId, NOW);
    const headsUp = await db.prisma.ping.findFirstOrThrow({
      where: { taskId, kind: "heads_up" },
      select: { id: true },
    });
    // The worker only got to it after the deadline (the bot was down): pointless now.
    const claim = await pings.claim(headsUp.id, new Date("2026-12-11T11:00:00Z"));
    expect(claim?.outboxId).toBeNull();
    expect(await db.prisma.ping.findUniqueOrThrow({ where: { id: headsUp.id }, select: { status: true } })).toEqual({
      status: "cancelled",
    });
  });
});
