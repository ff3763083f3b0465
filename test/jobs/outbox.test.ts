// The outbox on real Redis and PostgreSQL: per-channel spacing, 429 Retry-After, retries that end visible as
// failed, and exactly-once recovery of sends left in doubt by a killed worker.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import type { JobTuning } from "../../jobs/job-context.js";
import { SendError } from "../../src/core/sender.js";
import {
  createJobsFixture,
  type JobsFixture,
  RecordingSender,
  rateLimited,
  seedChannel,
  waitFor,
  waitUntilSettled,
} from "./helpers.js";

describe("outbox", () => {
  let fx: JobsFixture;
  let jobs: Jobs | undefined;

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    jobs = undefined;
    await fx.close();
  });

  const start = async (senders: RecordingSender[], tuning: Partial<JobTuning> = {}) => {
    jobs = await fx.startJobs({
      senders,
      role: "all",
      tuning,
    });
    return jobs;
  };

  const enqueue = async (
    j: Jobs,
    platform: "slack" | "zalo",
    target: string,
    text: string,
    channelId: string | null = null,
  ) => {
    const { id } = await j.services.outbox.create({
      channelId,
      platform,
      target,
      reply: { visibility: "channel", text },
    });
    await j.queues.addOutbox(platform, id, null, new Date());
    return id;
  };

  const row = (id: string) => fx.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

  it("spaces messages to one channel by the per-channel interval but lets other channels through", async () => {
    const sender = new RecordingSender("slack");
    const j = await start([sender], { channelIntervalMs: { slack: 1000, zalo: 1000, console: 0 } });
    for (const n of [1, 2, 3]) await enqueue(j, "slack", "C_BUSY", `busy ${n}`);
    await enqueue(j, "slack", "C_QUIET", "quiet");
    await waitFor(() => sender.sent.length === 4, 15_000);
    const busy = sender.sent.filter((m) => m.target === "C_BUSY").map((m) => m.at);
    expect(busy).toHaveLength(3);
    // The gate spaces sends where they leave the queue; the sender sees them after a database write whose latency
    // varies on a loaded machine, so the observed gap may be a little shorter than the interval — never half of it.
    for (let i = 1; i < busy.length; i++)
      expect((busy[i] as number) - (busy[i - 1] as number)).toBeGreaterThanOrEqual(700);
    const quiet = sender.sent.find((m) => m.target === "C_QUIET");
    expect(quiet?.at).toBeLessThan(busy[2] as number);
  });

  it("honours 429 Retry-After before sending again", async () => {
    const sender = new RecordingSender("slack");
    sender.failNext(rateLimited("slack", 1500));
    const j = await start([sender]);
    const id = await enqueue(j, "slack", "C1", "xin chào");
    // The row is marked sent after the send returns: wait for that, not only for the send.
    await waitFor(async () => (await row(id)).status === "sent", 10_000);
    expect(sender.sent).toHaveLength(1);
    expect(sender.calls).toHaveLength(2);
    expect((sender.calls[1] as number) - (sender.calls[0] as number)).toBeGreaterThanOrEqual(1450);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, externalMessageId: "m1" });
  });

  it("a 429 with Retry-After pauses the whole workspace for that long, not only its channel", async () => {
    const sender = new RecordingSender("slack");
    sender.failNext(rateLimited("slack", 1500));
    const j = await start([sender]);
    await enqueue(j, "slack", "C1", "first");
    await waitFor(() => sender.calls.length === 1, 10_000, 20);
    await enqueue(j, "slack", "C2", "another channel");
    await waitFor(() => sender.sent.length === 2, 10_000);
    const refused = sender.calls[0] as number;
    // Slack's 429 does not say which limit was hit: the other channel waits out the Retry-After as well.
    for (const message of sender.sent) expect(message.at - refused).toBeGreaterThanOrEqual(1400);
  });

  it("keeps a chat's order across a 429 pause: later messages wait, and waiting is not a failed attempt", async () => {
    const zalo = new RecordingSender("zalo");
    const slack = new RecordingSender("slack");
    zalo.failNext(rateLimited("zalo")); // no Retry-After: the first message waits out a retry backoff
    slack.failNext(rateLimited("slack", 1500));
    const j = await start([zalo, slack], { channelIntervalMs: { slack: 200, zalo: 200, console: 0 } });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(await enqueue(j, "zalo", "G1", `zalo ${n}`));
      ids.push(await enqueue(j, "slack", "C1", `slack ${n}`));
    }
    await enqueue(j, "zalo", "G2", "other chat");
    await waitFor(() => zalo.sent.length === 4 && slack.sent.length === 3, 20_000, 100);
    expect(zalo.sent.filter((m) => m.target === "G1").map((m) => m.text)).toEqual(["zalo 1", "zalo 2", "zalo 3"]);
    expect(slack.sent.map((m) => m.text)).toEqual(["slack 1", "slack 2", "slack 3"]);
    // Another chat is not held up by G1's pause.
    const other = zalo.sent.find((m) => m.target === "G2")?.at as number;
    expect(other).toBeLessThan(zalo.sent.find((m) => m.text === "zalo 1")?.at as number);
    const attempts = await Promise.all(ids.map(async (id) => (await row(id)).attempts));
    expect(attempts).toEqual([2, 2, 1, 1, 1, 1]);
  });

  it("backs off on a Zalo 429 without Retry-After, and keeps a message that still fails as failed with its error", async () => {
    const zalo = new RecordingSender("zalo");
    zalo.failNext(rateLimited("zalo"));
    const j = await start([zalo], { maxSendAttempts: 3 });
    const ok = await enqueue(j, "zalo", "G1", "một");
    await waitFor(async () => (await row(ok)).status === "sent", 15_000);
    expect(zalo.sent).toHaveLength(1);
    expect(await row(ok)).toMatchObject({ status: "sent", attempts: 2 });

    const boom = () =>
      new SendError("server error", { platform: "zalo", method: "sendMessage", retryable: true, status: 502 });
    zalo.failNext(boom(), boom(), boom());
    const failing = await enqueue(j, "zalo", "G2", "hai");
    await waitFor(async () => (await row(failing)).status === "failed", 30_000, 200);
    expect(await row(failing)).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "zalo sendMessage 502: server error",
    });

    zalo.failNext(
      new SendError("forbidden", { platform: "zalo", method: "sendMessage", retryable: false, status: 403 }),
    );
    const refused = await enqueue(j, "zalo", "G3", "ba");
    await waitFor(async () => (await row(refused)).status === "failed", 10_000, 100);
    expect(await row(refused)).toMatchObject({ attempts: 1, lastError: "zalo sendMessage 403: forbidden" });
  });

  it("a worker killed mid-send and restarted sends each message exactly once", async () => {
    const slack = new RecordingSender("slack", { withHistory: true });
    const zalo = new RecordingSender("zalo");
    const slackChannel = await seedChannel(fx.prisma, { platform: "slack" });
    // Rows as a killed worker leaves them: marked in_doubt, one attempt counted, no result recorded.
    const inDoubt = async (platform: "slack" | "zalo", target: string, text: string, inDoubtResends = 0) =>
      (
        await fx.prisma.outboxMessage.create({
          data: {
            platform,
            target,
            payload: { visibility: "channel", text },
            status: "in_doubt",
            attempts: 1,
            inDoubtResends,
            channelId: platform === "slack" ? slackChannel.channelId : null,
          },
          select: { id: true },
        })
      ).id;
    const deliveredBeforeCrash = await inDoubt("slack", "C1", "đã tới");
    slack.history.add(deliveredBeforeCrash);
    const lostInCrash = await inDoubt("slack", "C2", "chưa tới");
    const zaloOnce = await inDoubt("zalo", "G1", "zalo lần đầu");
    const zaloAlreadyResent = await inDoubt("zalo", "G2", "zalo đã gửi lại", 1);

    const j = await start([slack, zalo]); // reconciles at start: every unfinished row gets its job
    await waitFor(
      async () => (await fx.prisma.outboxMessage.count({ where: { status: { in: ["pending", "in_doubt"] } } })) === 0,
      10_000,
      100,
    );
    await waitUntilSettled(fx, j);

    expect(slack.sent.map((m) => m.text)).toEqual(["chưa tới"]);
    expect(zalo.sent.map((m) => m.text)).toEqual(["zalo lần đầu"]);
    expect(await row(deliveredBeforeCrash)).toMatchObject({ status: "sent", attempts: 1 });
    expect(await row(lostInCrash)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row(zaloOnce)).toMatchObject({ status: "sent", inDoubtResends: 1 });
    expect(await row(zaloAlreadyResent)).toMatchObject({ status: "failed", inDoubtResends: 1 });
    expect((await row(zaloAlreadyResent)).lastError).toContain("in doubt");
  });
  it("close() stops taking work but finishes the send in flight", async () => {
    const sender = new RecordingSender("slack");
    let release: () => void = () => undefined;
    const original = sender.send.bind(sender);
    sender.send = async (target, reply, meta) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(target, reply, meta);
    };
    const j = await start([sender]);
    const id = await enqueue(j, "slack", "C1", "đang gửi");
    await waitFor(async () => (await row(id)).status === "in_doubt", 10_000);
    const closed = j.close();
    // The one pause left: close() must be under way while the send is held, and jobs/index.ts tells no event for
    // that (its workers are not exposed). Its length decides nothing the test asserts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await closed;
    jobs = undefined;
    expect(sender.sent.map((m) => m.text)).toEqual(["đang gửi"]);
    expect(await row(id)).toMatchObject({ status: "sent" });
  });
});
