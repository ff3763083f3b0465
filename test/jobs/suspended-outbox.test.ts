// The outbox worker and the reconciler, on real Redis and PostgreSQL, with a workspace that removed the bot: its
// message is not handed to the sender (no not_installed failure), stays pending without a job, and goes out once the
// workspace is back (the reconciler queues it).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxJobId } from "../../jobs/job-types.js";
import { createJobsFixture, type JobsFixture, RecordingSender, seedChannel, waitFor } from "./helpers.js";

describe("outbox of a suspended workspace", () => {
  let fx: JobsFixture;

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    await fx.close();
  });

  it("does not attempt the message while suspended, and sends it once the workspace is back", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await fx.startJobs({ senders: [sender], role: "all" });
    const seeded = await seedChannel(fx.prisma);
    const setSuspended = (suspended: boolean) =>
      fx.prisma.workspace.update({ where: { id: seeded.workspaceId }, data: { suspended } });
    await setSuspended(true);
    const { id } = await jobs.services.outbox.create({
      channelId: seeded.channelId,
      platform: "slack",
      target: seeded.channelExternalId,
      reply: { visibility: "channel", text: "nhắc hạn khi đã gỡ ứng dụng" },
    });
    await jobs.queues.addOutbox("slack", id, null, new Date());
    const queue = jobs.queues.outboxQueue("slack");
    // A run is skipped while the worker's own periodic reconcile holds the lease: try again until one runs.
    const reconcileNow = async () => {
      for (;;) {
        const report = await jobs.reconcile();
        if (!report.skipped) return report;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    // Done with (completed jobs are removed): neither waiting, nor delayed for a retry, nor failed.
    const finished = async () => ["completed", "unknown"].includes(await queue.getJobState(outboxJobId(id)));
    await waitFor(finished, 15_000);
    expect(sender.sent).toEqual([]);
    const kept = await fx.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(kept).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    expect((await reconcileNow()).outboxJobsAdded).toBe(0);

    await setSuspended(false);
    expect((await reconcileNow()).outboxJobsAdded).toBe(1);
    const sent = async () => (await fx.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status === "sent";
    await waitFor(sent, 15_000);
    expect(sender.sent.map((message) => message.target)).toEqual([seeded.channelExternalId]);
  });
});
