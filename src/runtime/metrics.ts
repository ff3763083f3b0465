/**
 * The bot's Prometheus metrics (`/metrics`), one registry per app so that several apps in one process (tests) keep
 * theirs apart. Counters and histograms are fed as things happen (commands through a middleware, outbox sends and
 * reconciles through the jobs' observer, HTTP requests by the server); depths are read from the database and
 * Redis when Prometheus scrapes, each read bounded so a scrape during an outage still answers.
 */
import type { JobType, Queue } from "bullmq";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { JobsObserver } from "../../jobs/jobs-observer.js";
import type { Middleware } from "../core/middleware.js";
import type { SqlLane } from "../db/client.js";

/** Seconds: a command answered within a few ms up to one waiting out a slow database. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds late: a prepared ping on time (0) up to one sent after a long outage. */
const lateBuckets = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];

/** How long one scrape-time read may take before it is reported as unknown, in ms. */
const READ_TIMEOUT_MS = 2_000;

/** A BullMQ queue, as far as its depth goes. */
export type QueueDepthSource = Pick<Queue, "name" | "getJobCounts">;

export interface MetricsSources {
  /** The database, for the outbox and inbound journal depths. */
  database?: SqlLane;
  /** The BullMQ queues, read late (the jobs start after the metrics exist). */
  queues?: () => readonly QueueDepthSource[] | undefined;
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;

export function createBotMetrics(sources: MetricsSources = {}) {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "ro-viec" });
  collectDefaultMetrics({ register: registry, prefix: "roviec_" });
  const metrics = defineMetrics([registry]);
  registerDepthGauges(registry, sources);
  return {
    registry,
    observer: jobsObserver(metrics),
    middleware: commandMiddleware(metrics),
    /** Called by the HTTP server when it has answered a platform route. */
    httpAnswered(route: string, status: number, seconds: number) {
      metrics.ackLatency.observe({ route, status: String(status) }, seconds);
    },
  };
}

/** The counters and histograms the bot keeps, registered on `registers`. */
function defineMetrics(registers: Registry[]) {
  const commands = new Counter({
    name: "roviec_commands_total",
    help: "Commands handled, by platform, command and outcome (ok, refused, failed, not_understood)",
    labelNames: ["platform", "command", "outcome"] as const,
    registers,
  });
  const replyLatency = new Histogram({
    name: "roviec_command_reply_seconds",
    help: "Time from a command reaching the bot to its reply being ready, by platform",
    labelNames: ["platform"] as const,
    buckets: latencyBuckets,
    registers,
  });
  const ackLatency = new Histogram({
    name: "roviec_http_response_seconds",
    help: "Time to answer a platform's HTTP request (Slack's ack, the Zalo webhook's 200), by route and status",
    labelNames: ["route", "status"] as const,
    buckets: latencyBuckets,
    registers,
  });
  const sent = new Counter({
    name: "roviec_outbox_sent_total",
    help: "Outbox messages (pings, summaries) delivered, by platform",
    labelNames: ["platform"] as const,
    registers,
  });
  const lateness = new Histogram({
    name: "roviec_outbox_lateness_seconds",
    help: "How late an outbox message went out: after its planned time (prepared pings) or after it was queued",
    labelNames: ["platform"] as const,
    buckets: lateBuckets,
    registers,
  });
  const sendFailures = new Counter({
    name: "roviec_outbox_send_failures_total",
    help: "Failed outbox sends by platform and HTTP status (429: rate limited; none: no answer)",
    labelNames: ["platform", "status"] as const,
    registers,
  });
  const repairs = new Counter({
    name: "roviec_reconciler_repairs_total",
    help: "What the reconciler put right: tasks re-planned, pings cancelled, jobs restored, summaries caught up",
    labelNames: ["kind"] as const,
    registers,
  });
  return { commands, replyLatency, ackLatency, sent, lateness, sendFailures, repairs };
}

type Metrics = ReturnType<typeof defineMetrics>;

/** The jobs' hooks (jobs/jobs-observer.ts) feeding the outbox and reconciler metrics. */
function jobsObserver({ sent, lateness, sendFailures, repairs }: Metrics): JobsObserver {
  return {
    messageSent(platform, lateMs) {
      sent.inc({ platform });
      lateness.observe({ platform }, lateMs / 1000);
    },
    sendFailed(platform, status) {
      sendFailures.inc({ platform, status: status === undefined ? "none" : String(status) });
    },
    reconciled(report) {
      if (report.skipped) return;
      repairs.inc({ kind: "tasks_planned" }, report.tasksPlanned);
      repairs.inc({ kind: "pings_cancelled" }, report.pingsCancelled);
      repairs.inc({ kind: "ping_jobs_added" }, report.pingJobsAdded);
      repairs.inc({ kind: "outbox_jobs_added" }, report.outboxJobsAdded);
      repairs.inc({ kind: "summaries_caught_up" }, report.summariesCaughtUp);
    },
  };
}

/** Counts each command and times its reply; the command's name only, never its text. */
function commandMiddleware({ commands, replyLatency }: Metrics): Middleware {
  return async (context, next) => {
    const platform = context.incoming.platform;
    const command = context.parsed.ok ? context.parsed.command.command : "none";
    const stop = replyLatency.startTimer({ platform });
    try {
      const replies = await next();
      const outcome = !context.parsed.ok ? "not_understood" : replies.some((r) => r.isError) ? "refused" : "ok";
      commands.inc({ platform, command, outcome });
      return replies;
    } catch (error) {
      commands.inc({ platform, command, outcome: "failed" });
      throw error;
    } finally {
      stop();
    }
  };
}

function registerDepthGauges(registry: Registry, sources: MetricsSources): void {
  const { database, queues } = sources;
  if (database) {
    new Gauge({
      name: "roviec_outbox_messages",
      help: "Outbox messages not yet final, by status (pending, in_doubt); -1 when the database did not answer",
      labelNames: ["status"] as const,
      registers: [registry],
      // Read from the shared database: every web process sees the same depth, so their sum would overcount.
      aggregator: "max",
      async collect() {
        const rows = await bounded(
          database.query<{ status: string; count: number }>(
            `select status::text as status, count(*)::int as count from "OutboxMessage" where status in ('pending', 'in_doubt') group by status`,
          ),
        );
        for (const status of ["pending", "in_doubt"]) {
          this.set({ status }, rows ? (rows.find((r) => r.status === status)?.count ?? 0) : -1);
        }
      },
    });
    new Gauge({
      name: "roviec_inbound_journal_backlog",
      help: "Acknowledged requests waiting in the inbound journal to be handled; -1 when the database did not answer",
      registers: [registry],
      aggregator: "max",
      async collect() {
        const rows = await bounded(
          database.query<{ count: number }>(`select count(*)::int as count from "InboundRequest"`),
        );
        this.set(rows?.[0]?.count ?? -1);
      },
    });
  }
  if (queues) {
    new Gauge({
      name: "roviec_queue_jobs",
      help: "BullMQ jobs by queue and state; absent while Redis does not answer",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
      aggregator: "max",
      async collect() {
        this.reset();
        const states: JobType[] = ["waiting", "active", "delayed", "failed", "prioritized"];
        await Promise.all(
          (queues() ?? []).map(async (queue) => {
            const counts = await bounded(queue.getJobCounts(...states));
            for (const state of states) if (counts) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }
}

/** The value, or undefined when it failed or took longer than a scrape should wait. */
async function bounded<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
