// The inbound journal: slash commands and events are written before their ack and handled from there, so a process
// that dies between the ack and the reply loses nothing: another instance (or the next start) takes them over.
import { createServer, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import { InboundProcessor } from "../../src/core/inbound-processor.js";
import { WorkQueue } from "../../src/core/work-queue.js";
import { createLogger } from "../../src/logger.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { appMention, slashCommand } from "./slack-requests.js";

const silent = createLogger("silent");
const never = () => new Promise<never>(() => {});

describe.each(testDatabaseKinds)("inbound journal on %s", (kind) => {
  let database: TestDatabase;
  const opened: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    for (const item of opened.reverse()) await item.close();
    await database?.close();
  });

  const pendingKeys = async (prefix: string) =>
    (
      await database.priorityLane.query<{ dedupeKey: string }>(
        `SELECT "dedupeKey" FROM "InboundRequest" WHERE "dedupeKey" LIKE $1 ORDER BY "id"`,
        [`${prefix}%`],
      )
    ).map((row) => row.dedupeKey);

  it("accepts each key once, also within one group of concurrent accepts, and forgets completed requests", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const keys = Array.from({ length: 30 }, (_, i) => `once-${i}`);
    // Every third key is delivered twice at the same moment: the group holds both, one gets the id.
    const deliveries = [...keys, ...keys.filter((_, i) => i % 3 === 0)];
    const ids = await Promise.all(
      deliveries.map((key) => journal.accept({ platform: "slack", key, payload: { key, text: "giao việc" } }, 60_000)),
    );
    const accepted = ids.filter((id) => id !== undefined);
    expect(accepted).toHaveLength(30);
    expect(new Set(accepted.map(String)).size).toBe(30);
    expect(await pendingKeys("once-")).toEqual(keys);
    // A redelivery while the first is pending is refused.
    expect(await journal.accept({ platform: "slack", key: "once-4", payload: {} }, 60_000)).toBeUndefined();
    // The same key on another platform is another request.
    const zalo = await journal.accept({ platform: "zalo", key: "once-4", payload: {} }, 60_000);
    expect(zalo).toBeTypeOf("bigint");

    await Promise.all([...accepted, zalo].map((id) => journal.complete(id as bigint)));
    expect(await pendingKeys("once-")).toEqual([]);
  });

  it("takes over only requests whose lease ran out, each by one taker, oldest first", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const held = await journal.accept({ platform: "slack", key: "lease-held", payload: { n: 0 } }, 60_000);
    const mine = await journal.accept({ platform: "slack", key: "lease-mine", payload: { n: 1 } }, 1);
    const ids: bigint[] = [];
    for (const n of [2, 3, 4]) {
      ids.push((await journal.accept({ platform: "slack", key: `lease-${n}`, payload: { n } }, 1)) as bigint);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));

    const options = { limit: 10, leaseMs: 60_000, exclude: [mine as bigint] };
    const [first, second] = await Promise.all([journal.takeOver("slack", options), journal.takeOver("slack", options)]);
    const taken = [...first, ...second].filter((row) => ids.includes(row.id));
    expect(taken.map((row) => row.id).sort()).toEqual(ids);
    expect(new Set(taken.map((row) => row.id)).size).toBe(3);
    for (const list of [first, second]) expect(list.map((row) => row.id)).toEqual([...list.map((r) => r.id)].sort());
    expect(taken.every((row) => row.takeovers === 1)).toBe(true);
    expect(taken.map((row) => (row.payload as { n: number }).n).sort()).toEqual([2, 3, 4]);
    // Now leased again: nobody takes them a second time.
    expect((await journal.takeOver("slack", options)).filter((row) => ids.includes(row.id))).toEqual([]);

    for (const id of [held, mine, ...ids]) await journal.complete(id as bigint);
  });

  it("a request accepted by an instance that died is handled by another instance, once", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const dead = new InboundProcessor({ journal, platform: "slack", handle: never, logger: silent, leaseMs: 300 });
    const handled: unknown[] = [];
    const survivor = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async (payload) => {
        handled.push(payload);
      },
      logger: silent,
      leaseMs: 300,
      sweepEveryMs: 50,
    });
    // The dead instance acked the request and started it, then never finished nor renewed its lease.
    expect(await dead.accept("died-1", { text: "giao <@U0MINH> báo cáo" })).toBe("accepted");
    survivor.start();
    opened.push({ close: () => survivor.stop() });

    await eventually(() => expect(handled).toEqual([{ text: "giao <@U0MINH> báo cáo" }]));
    await eventually(async () => expect(await pendingKeys("died-")).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(handled).toHaveLength(1);
    await survivor.stop();
  });

  it("a live instance keeps its slow requests: its renewals stop others from taking them over", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const byOwner: string[] = [];
    const byOther: string[] = [];
    const owner = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async () => {
        await new Promise((resolve) => setTimeout(resolve, 900));
        byOwner.push("slow-1");
      },
      logger: silent,
      leaseMs: 300,
      sweepEveryMs: 50,
    });
    const other = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async () => {
        byOther.push("slow-1");
      },
      logger: silent,
      leaseMs: 300,
      sweepEveryMs: 50,
    });
    owner.start();
    other.start();
    opened.push({ close: () => owner.stop() }, { close: () => other.stop() });
    await owner.accept("slow-1", {});

    await eventually(() => expect(byOwner).toEqual(["slow-1"]));
    await eventually(async () => expect(await pendingKeys("slow-")).toEqual([]));
    expect(byOther).toEqual([]);
    await Promise.all([owner.stop(), other.stop()]);
  });

  it("in a flood, handles few requests at once so that accepting stays fast; all are handled in the end", async () => {
    const journal = createInboundJournal(database.priorityLane);
    let running = 0;
    const startsInFlood: number[] = [];
    const done: string[] = [];
    const processor: InboundProcessor = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async (payload) => {
        running++;
        // What the processor promises: while flooded, a request starts only beside fewer than 4 others. Counted at
        // each start, so the check holds however slow the machine is.
        if (processor.flooded) startsInFlood.push(running);
        await new Promise((resolve) => setTimeout(resolve, 200));
        running--;
        done.push((payload as { key: string }).key);
      },
      logger: silent,
    });
    processor.start();
    // A flood by construction: batches of 80 against at most 32 handled at once for 200 ms each, so the first look
    // at the flow (after 250 ms) sees far more accepted than finished. Kept up until some requests started during it.
    const keys: string[] = [];
    for (let round = 0; startsInFlood.length < 8; round++) {
      if (round > 400) throw new Error("no flood was detected in 400 rounds of 80 requests");
      const batch = Array.from({ length: 80 }, (_, i) => `flood-${round}-${i}`);
      keys.push(...batch);
      await Promise.all(batch.map((key) => processor.accept(key, { key })));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(Math.max(...startsInFlood)).toBeLessThanOrEqual(4);
    await processor.idle();
    expect(processor.flooded).toBe(false);
    expect(done.sort()).toEqual([...keys].sort());
    await processor.stop();
    expect(await pendingKeys("flood-")).toEqual([]);
  });

  it("counts a line that keeps growing as a flood, though requests come less than twice as fast as they finish", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const processor: InboundProcessor = new InboundProcessor({
      journal,
      platform: "slack",
      // 32 at once for 800 ms each: 40 finished a second at most.
      handle: () => new Promise((resolve) => setTimeout(resolve, 800)),
      logger: silent,
    });
    processor.start();
    // 8 every 100 ms: at most 20 accepted in a 250 ms look, never beyond twice the finished plus the margin (25), even
    // before the first finishes; the line grows by about 40 a second until it is long.
    for (let round = 0; !processor.flooded; round++) {
      if (round > 150) throw new Error("a growing line was not taken for a flood in 15 seconds");
      await Promise.all(Array.from({ length: 8 }, (_, i) => processor.accept(`line-${round}-${i}`, {})));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await processor.idle();
    expect(processor.flooded).toBe(false);
    await processor.stop();
    expect(await pendingKeys("line-")).toEqual([]);
  });

  it("handles accepted requests in the queue it is given, in line with the other work waiting there", async () => {
    const journal = createInboundJournal(database.priorityLane);
    const queue = new WorkQueue(1);
    const handled: unknown[] = [];
    const processor = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async (payload) => {
        handled.push(payload);
      },
      queue,
      logger: silent,
    });
    let release: (() => void) | undefined;
    const earlier = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    await eventually(() => expect(release).toBeDefined());
    expect(await processor.accept("queued-1", { n: 1 })).toBe("accepted");
    await eventually(() => expect(queue.size).toEqual({ running: 1, waiting: 1 }));
    expect(handled).toEqual([]);
    release?.();
    await Promise.all([earlier, processor.idle()]);
    expect(handled).toEqual([{ n: 1 }]);
    expect(await pendingKeys("queued-")).toEqual([]);
  });

  it("drops, with an error logged, a request taken over more often than allowed", async () => {
    const journal = createInboundJournal(database.priorityLane);
    // Leased long at first, so that no other sweeper takes it before it has its history of takeovers.
    await journal.accept({ platform: "slack", key: "poison-1", payload: {} }, 60_000);
    await database.priorityLane.query(
      `UPDATE "InboundRequest" SET "takeovers" = 3, "leasedUntil" = now() - interval '1 second'
       WHERE "dedupeKey" = 'poison-1'`,
    );
    const handled: unknown[] = [];
    const processor = new InboundProcessor({
      journal,
      platform: "slack",
      handle: async (payload) => {
        handled.push(payload);
      },
      logger: silent,
      maxTakeovers: 3,
    });
    await processor.sweep();
    expect(handled).toEqual([]);
    expect(await pendingKeys("poison-")).toEqual([]);
  });
});

describe.each(testDatabaseKinds)("Slack commands through the journal on %s", (kind) => {
  let database: TestDatabase;
  const harnesses: SlackHarness[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    await database?.close();
  });

  async function realBotHarness(timing?: { leaseMs?: number; sweepEveryMs?: number }) {
    const { logger, tasks, directory, questions } = coreServices(database);
    const harness = await startSlackHarness({
      bot: createAppBot({ services: { tasks, directory, questions }, logger }),
      prisma: database.prisma,
      journal: createInboundJournal(database.priorityLane),
      journalTiming: timing,
    });
    harnesses.push(harness);
    return harness;
  }
  const tasksIn = (channel: string) =>
    database.prisma.task.findMany({ where: { channel: { externalId: channel } }, select: { title: true } });
  const pending = async () =>
    Number((await database.priorityLane.query<{ n: string }>(`SELECT count(*) AS n FROM "InboundRequest"`))[0]?.n);

  it("a slash command is acked with an empty 200 once journaled, answered, then removed from the journal", async () => {
    const harness = await realBotHarness();
    const post = harness.post(
      slashCommand({
        command: "/viec",
        text: "giao <@U0MINH> nộp báo cáo tổng hợp",
        responseUrl: harness.fake.responseUrl("j-1"),
        channel_id: "C0JOURNAL1",
      }),
    );
    expect(await post).toEqual({ status: 200, text: "" });
    await eventually(() => expect(harness.fake.responsesTo("j-1")).toHaveLength(1));
    expect(await tasksIn("C0JOURNAL1")).toEqual([{ title: "nộp báo cáo tổng hợp" }]);
    await eventually(async () => expect(await pending()).toBe(0));
  });

  it("a journaled command is read by the adapter itself, not handed back through bolt", async () => {
    const harness = await realBotHarness();
    const throughBolt = vi.spyOn(harness.adapter.app, "processEvent");
    await harness.post(
      slashCommand({
        command: "/viec",
        text: "giao <@U0MINH> lập dự toán",
        responseUrl: harness.fake.responseUrl("j-6"),
        channel_id: "C0JOURNAL6",
      }),
    );
    await eventually(() => expect(harness.fake.responsesTo("j-6")).toHaveLength(1));
    expect(await tasksIn("C0JOURNAL6")).toEqual([{ title: "lập dự toán" }]);
    expect(throughBolt).not.toHaveBeenCalled();
  });

  it("a command acked by an instance that died before answering is answered by the next one, exactly once", async () => {
    // The first instance acks (journals) the command, then hangs forever in the middle of handling it.
    const hanging = new RecordingBot();
    hanging.answer = never;
    const first = await startSlackHarness({
      bot: hanging,
      journal: createInboundJournal(database.priorityLane),
      journalTiming: { leaseMs: 300 },
    });
    const response = await first.post(
      slashCommand({
        command: "/viec",
        text: "giao <@U0MINH> gửi hợp đồng",
        responseUrl: first.fake.responseUrl("j-2"),
        channel_id: "C0JOURNAL2",
      }),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(hanging.received).toHaveLength(1));

    // The next instance starts: after the dead one's lease, it replays the command through the real bot.
    const next = await realBotHarness({ leaseMs: 300, sweepEveryMs: 50 });
    await next.adapter.start();
    await eventually(() => expect(first.fake.responsesTo("j-2")).toHaveLength(1));
    expect(await tasksIn("C0JOURNAL2")).toEqual([{ title: "gửi hợp đồng" }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(first.fake.responsesTo("j-2")).toHaveLength(1);
    expect(await tasksIn("C0JOURNAL2")).toHaveLength(1);
    // The dead instance is never stopped gracefully (stop() would wait for the hung handler): only its server goes.
    void first.close();
  });

  it("an event redelivered while the first delivery is still pending creates one task", async () => {
    const harness = await realBotHarness();
    const mention = appMention(
      `<@${harness.fake.botUserId}> giao <@U0MINH> in tài liệu`,
      "U0LAN",
      "C0JOURNAL3",
      "EvJ3",
    );
    const [a, b] = await Promise.all([
      harness.post(mention),
      harness.post(mention, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await eventually(async () => expect(await tasksIn("C0JOURNAL3")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tasksIn("C0JOURNAL3")).toHaveLength(1);
  });

  it("when the journal's database does not answer at all, the command is acked in time and handled directly", async () => {
    // A server that takes connections and never says a word: a database behind a broken network.
    const sockets: Socket[] = [];
    const silentServer = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silentServer.listen(0, "127.0.0.1", resolve));
    const { port } = silentServer.address() as { port: number };
    const stuck = new pg.Pool({ connectionString: `postgresql://roviec@127.0.0.1:${port}/roviec` });
    const { logger, tasks, directory, questions } = coreServices(database);
    const harness = await startSlackHarness({
      bot: createAppBot({ services: { tasks, directory, questions }, logger }),
      prisma: database.prisma,
      journal: createInboundJournal({ query: async (text, params) => (await stuck.query(text, params)).rows }),
    });
    harnesses.push(harness);
    const started = Date.now();
    const response = await harness.post(
      slashCommand({
        command: "/viec",
        text: "giao <@U0MINH> soạn tờ trình",
        responseUrl: harness.fake.responseUrl("j-5"),
        channel_id: "C0JOURNAL5",
      }),
    );
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    await eventually(() => expect(harness.fake.responsesTo("j-5")).toHaveLength(1));
    expect(await tasksIn("C0JOURNAL5")).toEqual([{ title: "soạn tờ trình" }]);
    for (const socket of sockets) socket.destroy();
    silentServer.close();
    await stuck.end().catch(() => undefined);
  });

  it("when the journal's database cannot be reached, commands are still handled (directly, acked by bolt)", async () => {
    const unreachable = new pg.Pool({ connectionString: "postgresql://roviec@127.0.0.1:1/roviec" });
    const { logger, tasks, directory, questions } = coreServices(database);
    const harness = await startSlackHarness({
      bot: createAppBot({ services: { tasks, directory, questions }, logger }),
      prisma: database.prisma,
      journal: createInboundJournal({ query: async (text, params) => (await unreachable.query(text, params)).rows }),
    });
    harnesses.push(harness);
    const response = await harness.post(
      slashCommand({
        command: "/viec",
        text: "giao <@U0MINH> gọi khách hàng",
        responseUrl: harness.fake.responseUrl("j-4"),
        channel_id: "C0JOURNAL4",
      }),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo("j-4")).toHaveLength(1));
    expect(await tasksIn("C0JOURNAL4")).toEqual([{ title: "gọi khách hàng" }]);
    await unreachable.end();
  });
});
