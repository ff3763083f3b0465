// Shared pieces of the fault drills: a migrated PostgreSQL schema and a Redis prefix per drill, free loopback ports,
// child processes that are always killed, and a slow-answering HTTP relay that widens the "sent but not yet
// recorded" window a crash can fall into. No vitest here: bench/drill.ts runs the same drills with bigger sizes.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request, type Server } from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { deletePrefix, MIN_WAIT_MS } from "../jobs/helpers.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { uniquePrefix } from "../setup/redis.js";
import { testDatabaseUrl, testRedisUrl, withoutFakeTime } from "../setup/services.js";

export { testDatabaseUrl };

export const quietLogger = pino({ level: "silent" });

export interface DrillEnvironment {
  db: TestDatabase;
  prisma: PrismaClient;
  /** The PostgreSQL schema holding this drill's tables. */
  schema: string;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  /** Registers clean-up run by `close()` in reverse order, even after a failure. */
  defer(cleanup: () => Promise<unknown> | unknown): void;
  close(): Promise<void>;
}

/** A fresh schema and a fresh Redis prefix; `close()` runs deferred clean-ups, deletes the keys, drops the schema. */
export async function createDrillEnvironment(name: string): Promise<DrillEnvironment> {
  const db = await createTestDatabase("postgres");
  const prefix = uniquePrefix(`drill-${name}`);
  const redisUrl = testRedisUrl();
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  return {
    db,
    prisma: db.prisma,
    schema: db.schema as string,
    databaseUrl: testDatabaseUrl(),
    redisUrl,
    prefix,
    defer: (cleanup) => cleanups.push(cleanup),
    async close() {
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch {
          // one failed clean-up must not keep the others (and the schema drop) from running
        }
      }
      await deletePrefix(redisUrl, prefix).catch(() => undefined);
      await db.close();
    },
  };
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  stepMs = 100,
): Promise<void> {
  // As jobs' waitFor: the limit only stops a drill that would wait forever, so a busy machine gets a minute at least.
  const limitMs = Math.max(timeoutMs, MIN_WAIT_MS);
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`drill: ${what} not reached within ${limitMs} ms`);
    await sleep(stepMs);
  }
}

/** What the kill drill's worker child (worker-child.ts) is told, as JSON in {@link WORKER_OPTIONS_ENV}. */
export interface WorkerChildOptions {
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  prefix: string;
  slackApiUrl: string;
  zaloApiUrl: string;
  zaloToken: string;
}

export const WORKER_READY = "worker ready";
export const WORKER_OPTIONS_ENV = "RO_VIEC_DRILL_WORKER";

/** What the recurring-job kill drill's child (recurring-child.ts) is told, as JSON in {@link RECURRING_CHILD_ENV}. */
export interface RecurringChildOptions {
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  prefix: string;
}

export const RECURRING_STARTING = "recurring child starting";
export const RECURRING_READY = "recurring child ready";
export const RECURRING_CHILD_ENV = "RO_VIEC_DRILL_RECURRING";

/** What the web-kill drill's child (web-child.ts) is told, as JSON in {@link WEB_OPTIONS_ENV}. */
export interface WebChildOptions {
  databaseUrl: string;
  schema: string;
  port: number;
  slackApiUrl: string;
  signingSecret: string;
}

export const WEB_READY = "web ready";
export const WEB_OPTIONS_ENV = "RO_VIEC_DRILL_WEB";

/** A child process we started; `kill` is SIGKILL by pid and waits for the exit. */
export interface Child {
  process: ChildProcess;
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `node --import tsx <file>` (a path relative to this folder) and resolves when it printed `readyLine`.
 * Fails with the child's output if it exits first or takes longer than `timeoutMs`.
 */
export async function spawnTsChild(
  file: string,
  env: Record<string, string>,
  readyLine: string,
  timeoutMs = 40_000,
): Promise<Child> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", path], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const handle: Child = {
    process: child,
    output,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void handle.kill();
      reject(new Error(`child ${file} not ready in ${timeoutMs} ms:\n${output.join("").slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join("").includes(readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child ${file} exited (${code ?? signal}) before ready:\n${output.join("").slice(-2000)}`));
    });
  });
  return handle;
}

/** How a {@link FaultRelay} treats requests right now. */
export type RelayMode =
  /** Forward; the answer comes back after a random 0..maxDelayMs. */
  | "pass"
  /** Hold the request, forward nothing, never answer: the platform is unreachable and the client must time out. */
  | "blackhole"
  /** Forward (the platform acts on it) but never answer: a timeout after delivery, the in-doubt case. */
  | "lose-answer";

/**
 * An HTTP relay in front of a fake platform server. In "pass" mode each request reaches the server at once and its
 * answer is held back a random 0..`maxDelayMs`: a worker killed in that window has sent the message without knowing
 * it. The other modes make the platform time out, with or without having received the message.
 */
export class FaultRelay {
  private server: Server | undefined;
  mode: RelayMode = "pass";
  /** Requests the platform answered 2xx with `ok: true`, whether or not the answer reached the client. */
  readonly accepted: { path: string; body: string; mode: RelayMode }[] = [];
  url = "";

  constructor(
    private readonly target: string,
    private readonly maxDelayMs = 0,
  ) {}

  async start(): Promise<this> {
    const target = new URL(this.target);
    this.server = createServer((incoming, outgoing) => {
      const mode = this.mode;
      if (mode === "blackhole") return; // the socket stays open and silent until the client gives up
      const sent: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => sent.push(chunk));
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if ((answer.statusCode ?? 500) < 300 && /"ok":\s*true/.test(text)) {
              this.accepted.push({ path: incoming.url ?? "", body: Buffer.concat(sent).toString("utf8"), mode });
            }
            if (mode === "lose-answer") return;
            setTimeout(
              () => {
                outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
                outgoing.end(Buffer.concat(chunks));
              },
              Math.floor(Math.random() * this.maxDelayMs),
            );
          });
        },
      );
      upstream.on("error", () => outgoing.destroy());
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Formats drill results as an aligned text table (bench/drill.ts prints it). */
export function formatTable(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return "(no rows)";
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const width = (column: string) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? "").length));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(width(columns[i] as string))).join("  ");
  return [
    line(columns),
    line(columns.map((c) => "-".repeat(width(c)))),
    ...rows.map((row) => line(columns.map((c) => String(row[c] ?? "")))),
  ].join("\n");
}

/** A redis-server of our own on a loopback port, without persistence: killing it loses every key. */
export class OwnRedis {
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server on the port and waits until it answers. */
  async start(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
      { stdio: "ignore", env: withoutFakeTime(process.env) },
    );
    this.child = child;
    await waitUntil(() => answersPing(this.port), 10_000, `redis-server on port ${this.port}`, 50);
  }

  /** SIGKILL: the data is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    for (const event of ["error", "timeout"]) {
      socket.once(event, () => {
        socket.destroy();
        resolve(false);
      });
    }
  });
}
