// The outbox's lean chat.postMessage path against a real HTTP server on loopback: the same failures as the generic
// Web API client (so slack-errors.ts classifies both alike), the token in the header, other methods untouched.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebClientEvent } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import { OutboxWebClient } from "../../src/platforms/slack/outbox-web-client.js";
import { describeSlackFailure } from "../../src/platforms/slack/slack-errors.js";

type Answer = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
let server: http.Server | undefined;

async function serve(answer: Answer): Promise<string> {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => answer(req, body, res));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const post = (client: OutboxWebClient) =>
  client.chat.postMessage({ channel: "C1", text: "xin chào", metadata: { event_type: "t", event_payload: { a: 1 } } });

async function failureOf(client: OutboxWebClient) {
  const error = await post(client).catch((e: unknown) => e);
  return describeSlackFailure("chat.postMessage", error);
}

describe("OutboxWebClient", () => {
  it("posts JSON with the bot token in the header and returns Slack's answer", async () => {
    const seen: { auth?: string; body?: unknown; type?: string }[] = [];
    const apiUrl = await serve((req, body, res) => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(body), type: req.headers["content-type"] });
      json(res, 200, { ok: true, ts: "1.000001", channel: "C1" });
    });
    const client = new OutboxWebClient("xoxb-test", { slackApiUrl: apiUrl });
    expect((await post(client)).ts).toBe("1.000001");
    expect(seen[0]).toEqual({
      auth: "Bearer xoxb-test",
      type: "application/json; charset=utf-8",
      body: { channel: "C1", text: "xin chào", metadata: { event_type: "t", event_payload: { a: 1 } } },
    });
  });

  it("fails as the generic client does: rate limit, platform error, HTTP error, bad Retry-After", async () => {
    const answers: Answer[] = [
      (_q, _b, res) => json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": "7" }),
      (_q, _b, res) => json(res, 200, { ok: false, error: "channel_not_found" }),
      (_q, _b, res) => json(res, 503, { ok: false }),
      (_q, _b, res) => json(res, 429, { ok: false }, { "retry-after": "soon" }),
    ];
    const apiUrl = await serve((req, body, res) => answers.shift()?.(req, body, res));
    const client = new OutboxWebClient("xoxb-test", { slackApiUrl: apiUrl });
    const announced: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => announced.push(seconds));
    expect(await failureOf(client)).toMatchObject({ code: "ratelimited", retryable: true, retryAfterMs: 7000 });
    expect(announced).toEqual([7]);
    expect(await failureOf(client)).toMatchObject({ code: "channel_not_found", retryable: false });
    expect(await failureOf(client)).toMatchObject({ code: "http_error", status: 503, retryable: true });
    expect(await failureOf(client)).toMatchObject({ code: "unexpected_error", retryable: true });
  });

  it("gives up on a server that does not answer within the timeout, as a retryable request error", async () => {
    const apiUrl = await serve(() => undefined);
    const client = new OutboxWebClient("xoxb-test", { slackApiUrl: apiUrl, timeout: 300 });
    expect(await failureOf(client)).toMatchObject({ code: "request_error", retryable: true });
  });

  it("fails as a retryable request error when the connection is cut mid-answer", async () => {
    const apiUrl = await serve((_q, _b, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"ok":true,');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const client = new OutboxWebClient("xoxb-test", { slackApiUrl: apiUrl });
    expect(await failureOf(client)).toMatchObject({ code: "request_error", retryable: true });
  });

  it("leaves other methods to the generic client", async () => {
    const paths: string[] = [];
    const apiUrl = await serve((req, _b, res) => {
      paths.push(`${req.url} ${req.headers["content-type"]}`);
      json(res, 200, { ok: true, channel: { id: "D1" } });
    });
    const client = new OutboxWebClient("xoxb-test", { slackApiUrl: apiUrl, retryConfig: { retries: 0 } });
    await client.conversations.open({ users: "U1" });
    expect(paths).toEqual(["/api/conversations.open application/x-www-form-urlencoded"]);
  });
});
