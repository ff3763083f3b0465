import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the fake server received. `token` is what stood in the path, so tests can check where it leaks. */
export interface RecordedCall {
  token: string;
  method: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** When the call arrived (Date.now()), to check the spacing of sends. */
  at: number;
}

/** A scripted answer: a status and body, or "drop" to destroy the socket (a network error). */
export type ScriptedResponse =
  | { status?: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }
  | "drop";

export const FAKE_BOT = { id: "2718281828", account_name: "Rõ Việc", account_type: "BASIC", can_join_groups: true };

/**
 * A fake Zalo Bot API on loopback, over real HTTP: `POST /bot<token>/<method>`, answering in the documented envelope.
 * Tests script answers per method (`script`), queue updates for getUpdates (`pushUpdate`), and read `calls`.
 * Unknown tokens get 401. getUpdates with nothing queued waits `emptyPollDelayMs` and answers 408, like Zalo.
 */
export class FakeZaloServer {
  readonly calls: RecordedCall[] = [];
  emptyPollDelayMs = 20;
  webhookUrl = "";
  webhookSecret = "";
  /** Chats the bot may not write to (a person who never wrote to the bot): sendMessage answers 403. */
  readonly unreachableChats = new Set<string>();
  private readonly scripts = new Map<string, ScriptedResponse[]>();
  private readonly updates: unknown[] = [];
  private readonly server: Server;
  private nextMessageId = 1;
  url = "";

  constructor(readonly token = "2718281828:fakeSecretValue_9Xq") {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", async () => {
        const match = (request.url ?? "").match(/^\/bot([^/]+)\/(\w+)$/);
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        } catch {}
        if (!match) return send(404, { ok: false, error_code: 404, description: "Not Found" });
        const [, token = "", method = ""] = match;
        this.calls.push({ token, method, body, headers: request.headers, at: Date.now() });
        const scripted = this.scripts.get(method)?.shift();
        if (scripted === "drop") return request.socket.destroy();
        if (scripted) {
          response.writeHead(scripted.status ?? 200, { "content-type": "application/json", ...scripted.headers });
          return response.end(scripted.rawBody ?? JSON.stringify(scripted.body ?? { ok: true }));
        }
        if (token !== this.token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
        const answer = await this.defaultAnswer(method, body);
        send(answer.status, answer.body);
      });
      function send(status: number, payload: unknown) {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(payload));
      }
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues answers for `method`, used in order before the default behaviour resumes. */
  script(method: string, ...responses: ScriptedResponse[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  /** Queues one update for getUpdates. */
  pushUpdate(update: unknown): void {
    this.updates.push(update);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Texts sent with sendMessage to `chatId` (all chats when omitted). */
  sentTexts(chatId?: string): string[] {
    return this.callsTo("sendMessage")
      .filter((call) => chatId === undefined || call.body.chat_id === chatId)
      .map((call) => String(call.body.text));
  }

  private async defaultAnswer(
    method: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    const ok = (result?: unknown) => ({
      status: 200,
      body: result === undefined ? { ok: true } : { ok: true, result },
    });
    switch (method) {
      case "getMe":
        return ok(FAKE_BOT);
      case "getUpdates": {
        if (this.webhookUrl)
          return { status: 400, body: { ok: false, error_code: 400, description: "Webhook is set" } };
        const update = this.updates.shift();
        if (update) return ok(update);
        await new Promise((resolve) => setTimeout(resolve, this.emptyPollDelayMs));
        return { status: 408, body: { ok: false, error_code: 408, description: "Request timeout" } };
      }
      case "setWebhook":
        this.webhookUrl = String(body.url ?? "");
        this.webhookSecret = String(body.secret_token ?? "");
        return ok({ url: this.webhookUrl, updated_at: Date.now() });
      case "deleteWebhook":
        this.webhookUrl = "";
        return ok({ url: "", updated_at: Date.now() });
      case "getWebhookInfo":
        return ok({ url: this.webhookUrl, updated_at: Date.now() });
      case "sendMessage": {
        if (this.unreachableChats.has(String(body.chat_id))) {
          return { status: 403, body: { ok: false, error_code: 403, description: "User has not interacted with bot" } };
        }
        const text = String(body.text ?? "");
        if (text.length === 0 || text.length > 2000) {
          return { status: 400, body: { ok: false, error_code: 400, description: "text must be 1-2000 characters" } };
        }
        return ok({ message_id: `sent-${this.nextMessageId++}`, date: Date.now() });
      }
      case "sendPhoto":
      case "sendSticker":
        return ok({ message_id: `sent-${this.nextMessageId++}`, date: Date.now() });
      case "sendChatAction":
        return ok();
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: "Method not found" } };
    }
  }
}
