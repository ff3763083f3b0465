/**
 * What an operator reaches in every role and mode: /healthz, /readyz and /metrics on one HTTP server, with the
 * platform routes when this process receives (PORT), or on HEALTH_PORT when that is set apart. Built by the
 * composition root before the adapters, started after the jobs, closed last but for the database.
 */
import type { Server } from "node:http";
import { Redis } from "ioredis";
import type { Jobs } from "../../jobs/index.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { createHealthRoutes, type ReadinessCheck } from "../http/health.js";
import { createQueueDashboard, QUEUE_DASHBOARD_PATH } from "../http/queue-dashboard.js";
import { createHttpServer, listen, type RouteHandler } from "../http/server.js";
import type { Logger } from "../logger.js";
import { createBotMetrics } from "./metrics.js";
import { databaseCheck, migrationsCheck, redisCheck, stateCheck } from "./readiness.js";
import { receives, works } from "./roles.js";
import { servedMetrics } from "./web-cluster.js";

export interface OperationsOptions {
  config: Pick<Config, "ROLE" | "PORT" | "HEALTH_PORT" | "HOST" | "QUEUE_DASHBOARD_TOKEN">;
  database: Database;
  logger: Logger;
  /** Redis of the jobs; none when the app runs without them (the terminal chat without Redis). */
  redisUrl?: string;
  /** The jobs once started. */
  jobs: () => Jobs | undefined;
  /** Whether this process has platform receivers to wait for (a Slack or Zalo adapter). */
  hasReceivers: boolean;
}

export interface ListeningPorts {
  /** The port of the platform routes (Slack, Zalo webhook); undefined when this process receives none over HTTP. */
  port?: number;
  /** The port of /healthz, /readyz and /metrics. */
  healthPort: number;
}

export function createOperations(options: OperationsOptions) {
  const { config, database, logger } = options;
  const log = logger.child({ module: "http" });
  const metrics = createBotMetrics({
    database: database.priorityLane,
    queues: () => options.jobs()?.queues.all,
  });
  let receiving = false;
  const probe = options.redisUrl ? redisProbe(options.redisUrl) : undefined;
  const checks = readinessChecks(options, probe, () => receiving);
  const healthRoutes = createHealthRoutes({ checks, metrics: servedMetrics(metrics.registry, () => receiving) });
  const servers: Server[] = [];

  /** The operator's pages beside health: the queue dashboard, when its token is set and the jobs run. */
  function operatorSubtrees(): Record<string, RouteHandler> {
    const queues = options.jobs()?.queues.all;
    const token = config.QUEUE_DASHBOARD_TOKEN;
    return queues && token ? { [QUEUE_DASHBOARD_PATH]: createQueueDashboard(queues, token) } : {};
  }

  async function serve(
    routes: Record<string, RouteHandler>,
    port: number,
    options: { withOperator: boolean; subtrees?: Record<string, RouteHandler> },
  ): Promise<number> {
    const subtrees = { ...options.subtrees, ...(options.withOperator ? operatorSubtrees() : {}) };
    const server = createHttpServer({
      routes,
      subtrees,
      logger: log,
      onAnswered: (route, status, seconds) => {
        if (!(route in healthRoutes)) metrics.httpAnswered(route, status, seconds);
      },
    });
    const bound = await listen(server, port, config.HOST);
    servers.push(server);
    const paths = [...Object.keys(routes), ...Object.keys(subtrees)];
    log.info({ host: config.HOST, port: bound, routes: paths }, "http server listening");
    return bound;
  }

  return {
    metrics,
    /**
     * Starts the server(s): the platform routes with health on PORT, or health alone on HEALTH_PORT (default PORT)
     * when this process receives nothing over HTTP; two servers when HEALTH_PORT is set apart from PORT. Public
     * pages (the dashboard under its path) are served beside the platform routes.
     */
    async listen(
      platformRoutes: Record<string, RouteHandler>,
      publicSubtrees: Record<string, RouteHandler> = {},
    ): Promise<ListeningPorts> {
      const separate = config.HEALTH_PORT !== undefined && config.HEALTH_PORT !== config.PORT;
      const healthPort = config.HEALTH_PORT ?? config.PORT;
      if (Object.keys(platformRoutes).length === 0 && Object.keys(publicSubtrees).length === 0) {
        return { healthPort: await serve(healthRoutes, healthPort, { withOperator: true }) };
      }
      if (!separate) {
        const all = { ...platformRoutes, ...healthRoutes };
        const port = await serve(all, config.PORT, { withOperator: true, subtrees: publicSubtrees });
        return { port, healthPort: port };
      }
      const port = await serve(platformRoutes, config.PORT, { withOperator: false, subtrees: publicSubtrees });
      return { port, healthPort: await serve(healthRoutes, healthPort, { withOperator: true }) };
    },
    /** The receivers are started (true) or stopping (false): /readyz follows. */
    setReceiving(value: boolean) {
      receiving = value;
    },
    async close(): Promise<void> {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      servers.length = 0;
      probe?.disconnect();
    },
  };
}

/** What /readyz checks in this process: the database and its migrations, Redis, and what the role runs. */
function readinessChecks(
  options: OperationsOptions,
  probe: Redis | undefined,
  receiving: () => boolean,
): ReadinessCheck[] {
  const { config, database } = options;
  const checks: ReadinessCheck[] = [databaseCheck(database), migrationsCheck(database)];
  if (probe) checks.push(redisCheck(probe));
  if (options.redisUrl && works(config.ROLE)) {
    checks.push(stateCheck("workers", () => options.jobs()?.workersRunning() ?? false, "not running"));
  }
  if (options.hasReceivers && receives(config.ROLE)) checks.push(stateCheck("receivers", receiving, "not started"));
  return checks;
}

/** A connection that fails a command at once while Redis is down, and reconnects in the background. */
function redisProbe(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on("error", () => undefined); // reported by /readyz, not as an uncaught error
  return redis;
}
