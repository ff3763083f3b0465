/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for an operator looking at stuck or failed jobs. Off unless
 * QUEUE_DASHBOARD_TOKEN is set; every request must carry that token, as a Bearer token or as the password of HTTP
 * Basic auth (what a browser asks for), compared in constant time. It can retry and remove jobs: keep it behind the
 * reverse proxy, never on the public URL of the Slack and Zalo routes.
 *
 * bull-board's Express adapter is an Express app, itself a `node:http` request listener: the shared server hands it
 * the requests under the path, without the path (as Express's own `app.use(path, …)` would).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import type { RouteHandler } from "./server.js";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

export function createQueueDashboard(queues: readonly Queue[], token: string): RouteHandler {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: "Rõ Việc" } },
  });
  const app = adapter.getRouter() as (request: IncomingMessage, response: ServerResponse) => void;
  const expected = digest(token);
  return (request, response) => {
    if (!isAuthorised(request.headers.authorization, expected)) {
      response.writeHead(401, {
        "www-authenticate": 'Basic realm="Ro Viec queues", charset="UTF-8"',
        "content-type": "application/json",
      });
      response.end(JSON.stringify({ ok: false, error: "unauthorized" }));
      return;
    }
    request.url = (request.url ?? "/").slice(QUEUE_DASHBOARD_PATH.length) || "/";
    app(request, response);
  };
}

function isAuthorised(header: string | undefined, expected: Buffer): boolean {
  if (!header) return false;
  const [scheme, value = ""] = header.split(" ", 2);
  let given: string | undefined;
  if (scheme?.toLowerCase() === "bearer") given = value;
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    given = decoded.slice(decoded.indexOf(":") + 1);
  }
  return given !== undefined && timingSafeEqual(digest(given), expected);
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
