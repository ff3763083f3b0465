// A fake of Slack's Socket Mode on loopback: apps.connections.open on the fake Web API hands out this server's
// ws:// URL; each connection gets `hello`; envelopes (`events_api`, `slash_commands`, `interactive`) go out with an
// envelope_id and Slack's retry fields, and the client's ack (`{envelope_id, payload}`) is awaited; `disconnect`
// asks the client to reconnect, as Slack does when it recycles a connection.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { FakeSlackServer } from "./fake-slack-server.js";

export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** How often the fake pings its clients (Slack pings too; the client closes a socket that stays silent for 30 s). */
const PING_EVERY_MS = 5_000;

export class FakeSocketModeServer {
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly waitingAcks = new Map<string, (ack: Ack) => void>();
  private readonly connectionWaiters: { count: number; resolve: () => void }[] = [];
  private pinger: NodeJS.Timeout | undefined;
  /** Connections opened so far (a reconnection adds one). */
  connections = 0;
  /** apps.connections.open calls, with whether they carried an app-level token. */
  readonly opens: { appToken: boolean }[] = [];
  readonly acks: Ack[] = [];
  url = "";

  async start(fake: FakeSlackServer): Promise<this> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
    server.on("connection", (socket) => this.accept(socket));
    fake.methodAnswers.set("apps.connections.open", (_args, token) => {
      const appToken = token?.startsWith("xapp-") ?? false;
      this.opens.push({ appToken });
      return appToken
        ? { ok: true, url: `${this.url}?ticket=${randomUUID()}` }
        : { ok: false, error: "not_allowed_token_type" };
    });
    this.pinger = setInterval(() => {
      for (const socket of this.sockets) socket.ping();
    }, PING_EVERY_MS);
    return this;
  }

  /** Resolves once `count` connections have been opened in all (counting from the start). */
  connected(count = 1): Promise<void> {
    if (this.connections >= count) return Promise.resolve();
    return new Promise((resolve) => this.connectionWaiters.push({ count, resolve }));
  }

  /** Sends an envelope on the open connection and resolves with the client's ack of it. */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    retry: { attempt: number; reason?: string } = { attempt: 0 },
  ): Promise<Ack> {
    const socket = [...this.sockets].at(-1);
    if (!socket) return Promise.reject(new Error("no Socket Mode client is connected"));
    const envelopeId = randomUUID();
    const acked = new Promise<Ack>((resolve) => this.waitingAcks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        ...(type === "events_api" ? { retry_attempt: retry.attempt, retry_reason: retry.reason ?? "" } : {}),
      }),
    );
    return acked;
  }

  /** Slack's "please reconnect" (it is recycling the connection); the client opens a new one. */
  askToReconnect(reason = "refresh_requested"): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: "disconnect", reason }));
  }

  async stop(): Promise<void> {
    clearInterval(this.pinger);
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: WebSocket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("message", (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      this.acks.push(ack);
      this.waitingAcks.get(ack.envelope_id)?.(ack);
      this.waitingAcks.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.sockets.size,
        debug_info: { host: "fake-socket-mode", approximate_connection_time: 3600 },
        connection_info: { app_id: "A0ROVIEC" },
      }),
    );
    for (const waiter of [...this.connectionWaiters]) {
      if (this.connections < waiter.count) continue;
      this.connectionWaiters.splice(this.connectionWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
