// Drill: bad input, property-based. Arbitrary text, Unicode (the parser's reserved \uE000–\uE002, RTL marks, emoji,
// NUL), huge strings and malformed payloads thrown at the command parser, the Slack receiver (signed and unsigned)
// and the Zalo webhook. Never a throw, a crash or a 5xx; a 4xx or a polite answer; nothing written by garbage.
import fc from "fast-check";
import { createAppBot } from "../../src/app-bot.js";
// One busy answer for every platform; the drills keep a name per platform for what they read back.
import { BUSY_TEXT as SLACK_BUSY_TEXT, BUSY_TEXT as ZALO_BUSY_TEXT } from "../../src/core/answer-or-busy.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { parseCommand } from "../../src/language/index.js";
import { computeSlackSignature } from "../../src/platforms/slack/request-verification.js";
import { renderParseError } from "../../src/render/parse-error.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { SIGNING_SECRET, startSlackHarness } from "../slack/slack-harness.js";
import { slashCommand } from "../slack/slack-requests.js";
import { textUpdate } from "../zalo/fixtures.js";
import { startHarness, WEBHOOK_SECRET } from "../zalo/harness.js";
import { createDrillEnvironment, quietLogger, sleep, waitUntil } from "./drill-kit.js";

/** Pieces that stress the parser: its reserved placeholder chars, direction marks, emoji, NUL, command words. */
const tricky = [
  "\uE000",
  "\uE001",
  "\uE002",
  "\u0000",
  "\u202E",
  "\u200F",
  "\u200B",
  "\uFEFF",
  "\uD800",
  "🙂",
  "👨‍👩‍👧",
  "ệ",
  "Đ",
  "@",
  "#",
  "#12",
  "<@U0LAN>",
  "<@U0LAN|lan>",
  "<!channel>",
  "giao",
  "them",
  "xong",
  "huy",
  "nhac",
  "trước 17h thứ 6",
  "ngày 31/2",
  "9999-99-99",
  "every",
  " ",
  "\n",
  "\t",
  "مرحبا",
  "שלום",
];

export const trickyText = fc
  .array(
    fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ maxLength: 12 })),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(""));

export interface FuzzResult {
  target: string;
  runs: number;
  /** Property failures (a throw, a 5xx, a busy answer, a write by garbage); with the shrunk counterexample. */
  failures: number;
  counterexample: string;
  /** Answers by kind, e.g. "2xx: 40, 4xx: 20". */
  outcomes: string;
  /** Rows written by garbage requests (should be 0). */
  rowsWrittenByGarbage: number;
  maxMs: number;
}

function tally(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
}

function summarise(
  target: string,
  details: { numRuns: number; failed: boolean; counterexample: unknown },
  counts: Map<string, number>,
  maxMs: number,
  rows = 0,
): FuzzResult {
  return {
    target,
    runs: details.numRuns,
    failures: details.failed ? 1 : 0,
    counterexample: details.failed ? JSON.stringify(details.counterexample).slice(0, 300) : "",
    outcomes: tally(counts),
    rowsWrittenByGarbage: rows,
    maxMs,
  };
}

/** The parser on arbitrary and huge text: never throws; ok, or a failure that renders to a polite message. */
export function runParserFuzz(options: { numRuns: number; hugeLength: number; seed?: number }): FuzzResult {
  const counts = new Map<string, number>();
  let maxMs = 0;
  const ctx = {
    now: new Date("2026-12-02T03:00:00Z"),
    timezone: "Asia/Ho_Chi_Minh",
    knownNames: ["Lan", "Nguyễn Văn An"],
  };
  const text = fc.oneof(
    { weight: 8, arbitrary: trickyText },
    {
      weight: 1,
      arbitrary: fc.nat({ max: options.hugeLength }).map((n) => "giao @Lan ".concat("việc ".repeat(n / 5))),
    },
    { weight: 1, arbitrary: fc.constantFrom("\uE000".repeat(options.hugeLength), "#".repeat(options.hugeLength)) },
  );
  const details = fc.check(
    fc.property(text, (input) => {
      const started = performance.now();
      const result = parseCommand(input, ctx);
      maxMs = Math.max(maxMs, performance.now() - started);
      const kind = result.ok ? `ok ${result.command.command}` : `error ${result.error}`;
      counts.set(result.ok ? "ok" : "polite error", (counts.get(result.ok ? "ok" : "polite error") ?? 0) + 1);
      if (result.ok) return typeof result.command.command === "string";
      const message = renderParseError(result, result.locale ?? "vi");
      return message.trim().length > 0 && message.length < 4000 && !message.includes("undefined") && kind.length > 0;
    }),
    { numRuns: options.numRuns, seed: options.seed },
  );
  return summarise("parser", details, counts, Math.round(maxMs));
}

async function rowCounts(prisma: PrismaClient): Promise<number[]> {
  return Promise.all([
    prisma.workspace.count(),
    prisma.channel.count(),
    prisma.member.count(),
    prisma.task.count(),
    prisma.taskEvent.count(),
    prisma.processedEvent.count(),
    prisma.outboxMessage.count(),
  ]);
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const contentTypes = ["application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"];

/** Garbage bodies: arbitrary strings, arbitrary JSON, form bodies with odd fields, a huge body. */
const garbageBody = fc.oneof(
  trickyText,
  fc.json(),
  fc
    .dictionary(
      fc.constantFrom("payload", "command", "text", "type", "team_id", "event", "ssl_check", "challenge"),
      trickyText,
    )
    .map((fields) => new URLSearchParams(fields).toString()),
  fc.constant(JSON.stringify({ type: "event_callback", event: { type: "app_mention", text: null } })),
  fc.constant(new URLSearchParams({ payload: "{not json" }).toString()),
);

const triggerOf = (request: { body: Buffer }) => new URLSearchParams(request.body.toString()).get("trigger_id");

/** The Slack receiver: garbage (signed, unsigned, badly signed) and valid slash commands with arbitrary text. */
export async function runSlackFuzz(options: { numRuns: number; seed?: number }): Promise<FuzzResult> {
  const env = await createDrillEnvironment("bad-slack");
  try {
    const bot = createAppBot({
      services: {
        tasks: createTaskService({ prisma: env.prisma, logger: quietLogger }),
        directory: createDirectoryService({
          prisma: env.prisma,
          defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
        }),
        questions: createQuestionService({ prisma: env.prisma }),
      },
      logger: quietLogger,
    });
    const slack = await startSlackHarness({ bot, prisma: env.prisma });
    env.defer(() => slack.close());
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    let maxMs = 0;
    const post = async (body: string, contentType: string, signing: "signed" | "unsigned" | "bad") => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { "content-type": contentType };
      if (signing !== "unsigned") {
        headers["x-slack-request-timestamp"] = timestamp;
        headers["x-slack-signature"] =
          signing === "signed" ? computeSlackSignature(SIGNING_SECRET, timestamp, Buffer.from(body)) : "v0=deadbeef";
      }
      const started = performance.now();
      const response = await fetch(slack.eventsUrl, { method: "POST", headers, body });
      maxMs = Math.max(maxMs, performance.now() - started);
      await response.text();
      return response.status;
    };

    // Garbage: nothing may be written.
    const before = await rowCounts(env.prisma);
    const garbage = await fc.check(
      fc.asyncProperty(
        garbageBody,
        fc.constantFrom(...contentTypes),
        fc.constantFrom("signed" as const, "unsigned" as const, "bad" as const),
        async (body, contentType, signing) => {
          const status = await post(body, contentType, signing);
          count(`${signing} ${Math.floor(status / 100)}xx`);
          if (status >= 500) return false;
          return signing === "signed" || (status >= 400 && status < 500);
        },
      ),
      { numRuns: options.numRuns, seed: options.seed },
    );
    const huge = await post("x".repeat(2 * 1024 * 1024), "application/x-www-form-urlencoded", "signed");
    count(`huge ${huge}`);
    await sleep(500); // anything garbage set off after the ack would have written by now
    const written = sum(await rowCounts(env.prisma)) - sum(before);
    if (garbage.failed) return summarise("slack receiver (garbage)", garbage, counts, Math.round(maxMs), written);

    // Valid slash commands with arbitrary text: 200, then an answer that is never the "system failed" one.
    let n = 0;
    const commands = await fc.check(
      fc.asyncProperty(trickyText, async (text) => {
        const id = `fuzz-${++n}`;
        const tasksBefore = await env.prisma.task.count();
        const request = slashCommand({
          command: "/viec",
          text,
          responseUrl: slack.fake.responseUrl(id),
          channel_id: "C0FUZZ",
        });
        const started = performance.now();
        const response = await slack.post(request);
        maxMs = Math.max(maxMs, performance.now() - started);
        count(`command ${Math.floor(response.status / 100)}xx`);
        if (response.status !== 200) return false;
        // A blank command opens the add-task modal instead of answering (by design).
        const modal = () => slack.fake.callsOf("views.open").some((c) => c.args.trigger_id === triggerOf(request));
        await waitUntil(() => slack.fake.responsesTo(id).length > 0 || modal(), 10_000, `answer ${id}`, 10);
        const answer = JSON.stringify(slack.fake.responsesTo(id));
        if (answer.includes(SLACK_BUSY_TEXT)) return false;
        const added = (await env.prisma.task.count()) - tasksBefore;
        // A task only for a command that worked (its answer names the task), never more than one.
        return added === 0 || (added === 1 && /#\d+/.test(answer));
      }),
      { numRuns: Math.ceil(options.numRuns / 2), seed: options.seed },
    );
    return summarise(
      "slack receiver",
      commands.failed ? commands : { ...garbage, numRuns: garbage.numRuns + commands.numRuns },
      counts,
      Math.round(maxMs),
      written,
    );
  } finally {
    await env.close();
  }
}

/** The Zalo webhook: garbage with and without the secret, and valid updates with arbitrary text. */
export async function runZaloFuzz(options: { numRuns: number; seed?: number }): Promise<FuzzResult> {
  const env = await createDrillEnvironment("bad-zalo");
  try {
    const bot = createAppBot({
      services: {
        tasks: createTaskService({ prisma: env.prisma, logger: quietLogger }),
        directory: createDirectoryService({
          prisma: env.prisma,
          defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
        }),
        questions: createQuestionService({ prisma: env.prisma }),
      },
      logger: quietLogger,
    });
    const zalo = await startHarness({ bot, secret: WEBHOOK_SECRET });
    env.defer(() => zalo.close());
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    let maxMs = 0;
    const post = async (body: string, contentType: string, secret: string | undefined) => {
      const headers: Record<string, string> = { "content-type": contentType };
      if (secret !== undefined) headers["x-bot-api-secret-token"] = secret;
      const started = performance.now();
      const response = await fetch(`${zalo.baseUrl}/zalo/webhook`, { method: "POST", headers, body });
      maxMs = Math.max(maxMs, performance.now() - started);
      await response.text();
      return response.status;
    };

    const before = await rowCounts(env.prisma);
    const garbageUpdate = fc.oneof(
      garbageBody,
      fc.record({ ok: fc.boolean(), result: fc.anything() }).map((v) => JSON.stringify(v)),
      fc
        .record({
          event_name: fc.constantFrom("message.text.received", "message.image.received", "x"),
          message: fc.object(),
        })
        .map((v) => JSON.stringify(v)),
    );
    const garbage = await fc.check(
      fc.asyncProperty(
        garbageUpdate,
        fc.constantFrom(...contentTypes),
        fc.constantFrom<string | undefined>(WEBHOOK_SECRET, undefined, "wrong-secret-123"),
        async (body, contentType, secret) => {
          const status = await post(body, contentType, secret);
          count(`${secret === WEBHOOK_SECRET ? "secret" : "no secret"} ${Math.floor(status / 100)}xx`);
          if (status >= 500) return false;
          return secret === WEBHOOK_SECRET || (status >= 400 && status < 500);
        },
      ),
      { numRuns: options.numRuns, seed: options.seed },
    );
    count(`huge ${await post("x".repeat(1024 * 1024), "application/json", WEBHOOK_SECRET)}`);
    await zalo.adapter.whenIdle();
    await sleep(300);
    const written = sum(await rowCounts(env.prisma)) - sum(before);
    if (garbage.failed) return summarise("zalo webhook (garbage)", garbage, counts, Math.round(maxMs), written);

    let n = 0;
    const messages = await fc.check(
      fc.asyncProperty(trickyText, async (text) => {
        const chat = `fuzz-chat-${++n}`;
        const tasksBefore = await env.prisma.task.count();
        const status = await post(
          JSON.stringify(textUpdate(text, { fromId: chat })),
          "application/json",
          WEBHOOK_SECRET,
        );
        count(`message ${Math.floor(status / 100)}xx`);
        if (status !== 200) return false;
        await zalo.adapter.whenIdle();
        const answers = zalo.zalo.sentTexts(chat);
        if (answers.some((a) => a.includes(ZALO_BUSY_TEXT))) return false;
        const added = (await env.prisma.task.count()) - tasksBefore;
        return added === 0 || (added === 1 && answers.some((a) => /#\d+/.test(a)));
      }),
      { numRuns: Math.ceil(options.numRuns / 2), seed: options.seed },
    );
    return summarise(
      "zalo webhook",
      messages.failed ? messages : { ...garbage, numRuns: garbage.numRuns + messages.numRuns },
      counts,
      Math.round(maxMs),
      written,
    );
  } finally {
    await env.close();
  }
}
