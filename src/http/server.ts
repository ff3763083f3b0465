import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import { declaresTooLarge, MAX_BODY_BYTES, refuseAndClose } from "./body.js";

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  /** Exact path → handler, e.g. { "/slack/events": …, "/zalo/webhook": … }. Query strings are ignored for matching. */
  routes: Record<string, RouteHandler>;
  /** Path prefix → handler of every path below it ("/dashboard" serves "/dashboard" and "/dashboard/…"). */
  mounts?: Record<string, RouteHandler>;
  logger: Logger;
  /** Answers GET /healthz; return false to report 503. Default: always healthy. */
  isHealthy?: () => boolean | Promise<boolean>;
  /** Largest body of any request, in bytes, refused by its declared length before routing. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Time a client has to send all its headers, in ms. Default 10 000. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included, in ms. Default 30 000 (Node's is 300 000). */
  requestTimeoutMs?: number;
}

/**
 * The one HTTP server of the bot: Slack's events URL, Zalo's webhook and a health check share one port. Before any
 * route runs, a body declared larger than any route accepts is refused (413), and an unknown path answered (404),
 * both closing the connection so that nothing more of the body is read. Each route then owns its own transport
 * rules (signatures, secrets, its smaller cap). Slow clients are cut off by the header and request timeouts.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { routes, logger, isHealthy = () => true, maxBodyBytes = MAX_BODY_BYTES } = options;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout,
      // Node checks the two timeouts this often (30 s by default, which would let a slow body run far past them).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4))),
    },
    async (request, response) => {
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      try {
        if (declaresTooLarge(request, maxBodyBytes)) {
          return refuseAndClose(request, response, 413, { ok: false, error: "payload_too_large" }, { drain: false });
        }
        if (path === "/healthz" && request.method === "GET") {
          const healthy = await isHealthy();
          response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
          response.end(JSON.stringify({ ok: healthy }));
          return;
        }
        const route = routes[path] ?? mountedRoute(options.mounts, path);
        if (!route) return refuseAndClose(request, response, 404, { ok: false, error: "not_found" }, { drain: false });
        await route(request, response);
      } catch (error) {
        logger.error({ err: error, path }, "http route failed");
        if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
        if (!response.writableEnded) response.end(JSON.stringify({ ok: false, error: "internal_error" }));
      }
    },
  );
  return server;
}

function mountedRoute(mounts: Record<string, RouteHandler> | undefined, path: string): RouteHandler | undefined {
  if (!mounts) return undefined;
  const prefix = Object.keys(mounts).find((p) => path === p || path.startsWith(`${p}/`));
  return prefix === undefined ? undefined : mounts[prefix];
}

/**
 * Starts listening and resolves with the bound port (0 picks a free one). `host` is the address to bind: 127.0.0.1
 * keeps the bot reachable only through a reverse proxy or tunnel on the same machine (see HOST in the README).
 */
export function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
