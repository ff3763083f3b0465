// A fake Slack Web API on loopback (real HTTP, node:http): it records every call, answers like Slack
// (`{ ok: true, … }`), keeps channel history with message metadata, takes response_url posts, and can be told to
// fail the next call of a method (429 with Retry-After, a Slack error, a 5xx).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** Whether the bearer token was sent (the token itself is not kept). */
  authorized: boolean;
  /** Whose token it was, when the test told the fake (`tokenOwners`): a workspace's label, never the token. */
  tokenOwner?: string;
}

/** Answers a Web API method in place of the built-in answer; gets the call's bearer token, if any. */
export type MethodAnswer = (args: Record<string, unknown>, token: string | undefined) => Record<string, unknown>;

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface StoredMessage {
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  user?: string;
  bot_id?: string;
}

/** A file sent through files.uploadV2: announced, its bytes posted to the upload URL, then completed. */
export interface UploadedFile {
  id: string;
  filename: string;
  length: number;
  /** The raw body posted to the upload URL (the client may wrap the bytes). */
  body?: Buffer;
  /** Set by files.completeUploadExternal. */
  channelId?: string;
  title?: string;
}

export type Fault = { status: 429; retryAfterSeconds: number } | { status: number } | { error: string };

export interface FakeSlackUser {
  id: string;
  name: string;
  tz?: string;
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

/** Fields the Web API client sends JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "view", "users"]);

export class FakeSlackServer {
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly history = new Map<string, StoredMessage[]>();
  readonly users = new Map<string, FakeSlackUser>();
  /** Who created each channel, as conversations.info tells (channels not listed have no creator in the answer). */
  readonly channelCreators = new Map<string, string>();
  readonly files = new Map<string, UploadedFile>();
  readonly botUserId = "UBOT000001";
  readonly botId = "BBOT000001";
  private readonly faults = new Map<string, Fault[]>();
  /** Bearer token → the label recorded with each call it makes (several workspaces in one fake). */
  readonly tokenOwners = new Map<string, string>();
  /** Methods answered by the test (oauth.v2.access, apps.connections.open, per-workspace auth.test …). */
  readonly methodAnswers = new Map<string, MethodAnswer>();
  /** Pages outside /api/ served by the test (Slack's OAuth authorize page). */
  readonly pages = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  private server: Server | undefined;
  private counter = 0;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The base URL for `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  addUser(user: FakeSlackUser): void {
    this.users.set(user.id, user);
  }

  /** The next call of `method` fails this way (queued: several calls fail in turn). */
  failNext(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((post) => post.id === id).map((post) => post.body);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString("utf8");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/upload/")) {
      this.receiveUpload(path.slice("/upload/".length), bytes, res);
      return;
    }
    if (path.startsWith("/response/")) {
      this.responses.push({ id: path.slice("/response/".length), body: JSON.parse(raw || "{}") });
      return send(res, 200, "ok", "text/plain");
    }
    const page = this.pages.get(path);
    if (page) return page(req, res);
    if (!path.startsWith("/api/")) return send(res, 404, { ok: false, error: "unknown_path" });
    const method = path.slice("/api/".length);
    const args = parseArgs(raw, req.headers["content-type"]);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const tokenOwner = token ? this.tokenOwners.get(token) : undefined;
    this.calls.push({ method, args, authorized: /^xox/.test(token ?? ""), ...(tokenOwner ? { tokenOwner } : {}) });
    const fault = this.faults.get(method)?.shift();
    if (fault) return this.sendFault(res, fault);
    const custom = this.methodAnswers.get(method);
    send(res, 200, custom ? custom(args, token) : this.answer(method, args));
  }

  private sendFault(res: ServerResponse, fault: Fault): void {
    if ("error" in fault) {
      send(res, 200, { ok: false, error: fault.error });
    } else if (fault.status === 429 && "retryAfterSeconds" in fault) {
      res.setHeader("retry-after", String(fault.retryAfterSeconds));
      send(res, 429, { ok: false, error: "ratelimited" });
    } else {
      send(res, fault.status, { ok: false, error: "fake_failure" });
    }
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: this.botUserId, bot_id: this.botId, team_id: "T0001", user: "roviec" };
      case "users.info":
        return this.userInfo(String(args.user));
      case "chat.postMessage":
        return this.post(args);
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.ts() };
      case "chat.update":
        return this.update(args);
      case "conversations.history":
        return this.conversationHistory(args);
      case "conversations.info":
        return this.conversationInfo(String(args.channel));
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).slice(1)}` } };
      case "files.getUploadURLExternal":
        return this.announceUpload(args);
      case "files.completeUploadExternal":
        return this.completeUpload(args);
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${this.calls.length}`, ...(args.view as object) } };
      default:
        return { ok: true };
    }
  }

  private conversationInfo(id: string): Record<string, unknown> {
    const creator = this.channelCreators.get(id);
    return { ok: true, channel: { id, ...(creator ? { creator } : {}) } };
  }

  /** Completed uploads that reached `channelId`. */
  filesIn(channelId: string): UploadedFile[] {
    return [...this.files.values()].filter((file) => file.channelId === channelId);
  }

  private announceUpload(args: Record<string, unknown>): Record<string, unknown> {
    const id = `F${String(this.files.size + 1).padStart(6, "0")}`;
    this.files.set(id, { id, filename: String(args.filename), length: Number(args.length) });
    return { ok: true, file_id: id, upload_url: `${this.url}/upload/${id}` };
  }

  private receiveUpload(id: string, body: Buffer, res: ServerResponse): void {
    const file = this.files.get(id);
    if (!file) {
      send(res, 404, "unknown upload", "text/plain");
      return;
    }
    file.body = body;
    send(res, 200, `OK - ${body.length}`, "text/plain");
  }

  private completeUpload(args: Record<string, unknown>): Record<string, unknown> {
    const listed = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as {
      id: string;
      title?: string;
    }[];
    const completed = [];
    for (const entry of listed) {
      const file = this.files.get(entry.id);
      if (!file?.body) return { ok: false, error: "file_not_found" };
      file.channelId = args.channel_id as string | undefined;
      file.title = entry.title;
      completed.push({ id: file.id, name: file.filename, title: file.title });
    }
    return { ok: true, files: completed };
  }

  private userInfo(id: string): Record<string, unknown> {
    const user = this.users.get(id);
    if (!user) return { ok: false, error: "user_not_found" };
    return {
      ok: true,
      user: {
        id,
        name: user.name.toLowerCase(),
        real_name: user.name,
        tz: user.tz ?? "Asia/Ho_Chi_Minh",
        locale: user.locale ?? "vi-VN",
        is_admin: user.isAdmin ?? false,
        is_owner: user.isOwner ?? false,
        profile: { display_name: user.name, real_name: user.name },
      },
    };
  }

  private post(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel);
    const message: StoredMessage = {
      ts: this.ts(),
      text: args.text as string | undefined,
      blocks: args.blocks as unknown[] | undefined,
      bot_id: this.botId,
      ...(args.metadata ? { metadata: args.metadata as StoredMessage["metadata"] } : {}),
      ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
    };
    this.history.set(channel, [...(this.history.get(channel) ?? []), message]);
    return { ok: true, channel, ts: message.ts, message };
  }

  private update(args: Record<string, unknown>): Record<string, unknown> {
    const message = this.history.get(String(args.channel))?.find((m) => m.ts === args.ts);
    if (!message) return { ok: false, error: "message_not_found" };
    message.text = args.text as string | undefined;
    message.blocks = args.blocks as unknown[] | undefined;
    return { ok: true, channel: args.channel, ts: args.ts };
  }

  private conversationHistory(args: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const withMetadata = String(args.include_all_metadata) === "true";
    const messages = (this.history.get(String(args.channel)) ?? [])
      .filter((m) => Number(m.ts) >= oldest)
      .reverse()
      .map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest));
    return { ok: true, messages, has_more: false };
  }

  /** Like Slack's: seconds now, a per-server counter as the unique fraction. */
  private ts(): string {
    this.counter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, "0")}`;
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? "").includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}
