import type { ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { RouteHandler } from "./server.js";

/** One thing readiness depends on: resolves when it is fine, throws (or rejects) saying what is wrong. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void> | void;
}

export interface HealthRoutesOptions {
  checks: readonly ReadinessCheck[];
  /** What /metrics serves (a Prometheus registry, or the sum over web processes); none: no /metrics route. */
  metrics?: Pick<Registry, "metrics" | "contentType">;
  /** How long one check may take before it counts as failed, in ms. Default 2 000. */
  checkTimeoutMs?: number;
}

/**
 * `/healthz`: liveness, 200 whenever the event loop answers (a process that fails it must be restarted).
 * `/readyz`: readiness, 200 only when every check passes, else 503 with each check's state, so a load balancer
 * stops sending work and an operator reads what is wrong: `{"ok":false,"checks":{"redis":"unreachable: …"}}`.
 * `/metrics`: Prometheus text format.
 */
export function createHealthRoutes(options: HealthRoutesOptions): Record<string, RouteHandler> {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  const routes: Record<string, RouteHandler> = {
    "/healthz": (request, response) => {
      if (!isRead(request.method, response)) return;
      sendJson(response, 200, { ok: true });
    },
    "/readyz": async (request, response) => {
      if (!isRead(request.method, response)) return;
      const results = await Promise.all(options.checks.map((check) => runCheck(check, timeoutMs)));
      const ok = results.every(([, state]) => state === "ok");
      sendJson(response, ok ? 200 : 503, { ok, checks: Object.fromEntries(results) });
    },
  };
  const registry = options.metrics;
  if (registry) {
    routes["/metrics"] = async (request, response) => {
      if (!isRead(request.method, response)) return;
      const text = await registry.metrics();
      response.writeHead(200, { "content-type": registry.contentType });
      response.end(text);
    };
  }
  return routes;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<[string, string]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
    return [check.name, "ok"];
  } catch (error) {
    return [check.name, error instanceof Error ? error.message : String(error)];
  } finally {
    clearTimeout(timer);
  }
}

function isRead(method: string | undefined, response: ServerResponse): boolean {
  if (method === "GET" || method === "HEAD") return true;
  response.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
  response.end(JSON.stringify({ ok: false, error: "method_not_allowed" }));
  return false;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}
