/**
 * Several ROLE=web processes behind one port (WEB_PROCESSES=N): the first process forks N copies of itself with
 * Node's cluster, which share PORT (the primary hands out connections); the copies are the ordinary web role.
 * Everything they share lives in PostgreSQL and Redis already (the inbound journal, event claims, the queues), so
 * a command may land on any of them. `/metrics`, answered by whichever copy takes the scrape, adds up every copy's
 * registry through the primary (prom-client's AggregatorRegistry), so Prometheus sees one bot, not one copy.
 */
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, Gauge, type Registry } from "prom-client";
import type { Logger } from "../logger.js";

/** A copy that died is started again after this long, so a copy that cannot start does not spin. */
const RESTART_DELAY_MS = 1_000;
/** How long a copy waits for the primary's sum of every copy's metrics before the scrape fails. */
const METRICS_WAIT_MS = 5_000;
/** How long the primary waits for its copies to stop on SIGTERM before it kills them. */
const STOP_WAIT_MS = 30_000;

const METRICS_REQUEST = "roviec:cluster-metrics?";
const METRICS_ANSWER = "roviec:cluster-metrics";

type MetricsRequest = { type: typeof METRICS_REQUEST; id: number };
type MetricsAnswer = { type: typeof METRICS_ANSWER; id: number; text?: string; error?: string };

/** What the /metrics route reads: one registry, or (in a copy) the sum over every copy. */
export type MetricsText = Pick<Registry, "metrics" | "contentType">;

/** Whether this process should fork web copies instead of serving (the primary of WEB_PROCESSES > 1). */
export function isWebClusterPrimary(webProcesses: number): boolean {
  return webProcesses > 1 && cluster.isPrimary;
}

/**
 * The primary: forks `count` copies, starts a copy again when one dies, sums their metrics on request, and on
 * SIGTERM/SIGINT stops them all (each shuts down as a single process would) before it exits.
 */
export function runWebCluster(count: number, logger: Logger): void {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const fork = () => watch(cluster.fork());
  const watch = (worker: Worker) => {
    worker.on("message", (message: MetricsRequest) => {
      if (message?.type !== METRICS_REQUEST) return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_ANSWER, id: message.id, text } satisfies MetricsAnswer),
        (error: Error) => worker.send({ type: METRICS_ANSWER, id: message.id, error: error.message }),
      );
    });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, "web process died; starting another");
      setTimeout(fork, RESTART_DELAY_MS);
    });
  };
  for (let i = 0; i < count; i++) fork();
  logger.info({ processes: count }, "web processes started");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      logger.info({ signal }, "stopping web processes");
      void stopAll().then(() => process.exit(0));
    });
  }
}

async function stopAll(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          const killer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_WAIT_MS);
          worker.once("exit", () => {
            clearTimeout(killer);
            resolve();
          });
          worker.process.kill("SIGTERM");
        }),
    ),
  );
}

/**
 * What /metrics serves: in a web copy, the sum over every copy (asked of the primary, which asks each copy for its
 * `registry`); in a single process, `registry` itself. `serving`: whether this process takes requests yet.
 */
export function servedMetrics(registry: Registry, serving: () => boolean): MetricsText {
  if (!cluster.isWorker) return registry;
  // Each copy counts itself once it takes requests, so the sum says how many copies share the port right now.
  new Gauge({
    name: "roviec_web_processes",
    help: "Web processes sharing the port and taking requests (WEB_PROCESSES)",
    registers: [registry],
    collect() {
      this.set(serving() ? 1 : 0);
    },
  });
  // The copy's side of the aggregation: prom-client answers the primary's requests from this registry.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  return { contentType: registry.contentType, metrics: askPrimary } as MetricsText;
}

let nextRequest = 0;

function askPrimary(): Promise<string> {
  const id = ++nextRequest;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off("message", onAnswer);
      reject(new Error(`the primary did not sum the metrics within ${METRICS_WAIT_MS} ms`));
    }, METRICS_WAIT_MS);
    const onAnswer = (message: MetricsAnswer) => {
      if (message?.type !== METRICS_ANSWER || message.id !== id) return;
      clearTimeout(timer);
      process.off("message", onAnswer);
      if (message.text === undefined) reject(new Error(message.error ?? "no metrics"));
      else resolve(message.text);
    };
    process.on("message", onAnswer);
    process.send?.({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
  });
}
