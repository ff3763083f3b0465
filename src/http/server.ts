import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  /** Exact path → handler, e.g. { "/slack/events": …, "/zalo/webhook": … }. Query strings are ignored for matching. */
  routes: Record<string, RouteHandler>;
  logger: Logger;
  /** Answers GET /healthz; return false to report 503. Default: always healthy. */
  isHealthy?: () => boolean | Promise<boolean>;
}

/**
 * The one HTTP server of the bot: Slack's events URL, Zalo's webhook and a health check share one port. Each route
 * owns its transport rules (signatures, size caps); this only dispatches by path and turns a crash into a 500.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { routes, logger, isHealthy = () => true } = options;
  return createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    try {
      if (path === "/healthz" && request.method === "GET") {
        const healthy = await isHealthy();
        response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: healthy }));
        return;
      }
      const route = routes[path];
      if (!route) {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: false, error: "not_found" }));
        return;
      }
      await route(request, response);
    } catch (error) {
      logger.error({ err: error, path }, "http route failed");
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      if (!response.writableEnded) response.end(JSON.stringify({ ok: false, error: "internal_error" }));
    }
  });
}

/** Starts listening and resolves with the bound port (0 picks a free one). */
export function listen(server: Server, port: number, host = "0.0.0.0"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
