// Drill: the findings of issue 15 that live at a platform's edge, replayed through the real adapters over HTTP on
// loopback (fake Slack and Zalo servers, the real core on PostgreSQL). Each test is named after its finding.
import { request as httpRequest } from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createBot } from "../../src/core/bot.js";
import { createLocalSendGate } from "../../src/core/send-gate.js";
import { createHttpServer, listen } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { type SlackHarness, startSlackHarness } from "../slack/slack-harness.js";
import { blockAction, directMessage, slashCommand } from "../slack/slack-requests.js";
import { textUpdate } from "../zalo/fixtures.js";
import { type Harness, startHarness, WEBHOOK_SECRET } from "../zalo/harness.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("postgres");
});
afterAll(async () => {
  await db?.close();
});

/** Polls for a command handled after its ack (events, not time); the helper raises the ceiling on a busy machine. */
const WAIT = { timeout: 10_000, interval: 20 };

function realBot() {
  const { logger, tasks, directory, questions } = coreServices(db);
  return createBot({ services: { tasks, directory, questions }, logger });
}

describe("drill: permissions at the Slack edge (issue 15)", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ bot: realBot(), prisma: db.prisma });
  });
  afterAll(async () => {
    await slack?.close();
  });

  const taskIn = (channel: string, number: number) =>
    db.prisma.task.findFirstOrThrow({
      where: { number, channel: { externalId: channel } },
      select: { id: true, status: true, version: true },
    });

  it("finding 4: ✅ on a card of the private \"my tasks\" list closes the card's task, not the DM's task #1", async () => {
    const channel = "C0DRILL4";
    await slack.post(
      slashCommand({
        text: "giao <@U0LAN|lan> nộp hồ sơ thầu trước 17h thứ 6",
        user_id: "U0BOSS",
        channel_id: channel,
        channel_name: "du-an",
        responseUrl: slack.fake.responseUrl("f4-add"),
      }),
    );
    await slack.post(directMessage("giao <@U0LAN> việc riêng của Lan", "U0LAN", "D0LAN"));
    await eventually(async () => expect((await taskIn("D0LAN", 1)).status).toBe("open"), WAIT);
    await eventually(async () => expect((await taskIn(channel, 1)).status).toBe("open"), WAIT);
    const groupTask = await taskIn(channel, 1);
    const ownTask = await taskIn("D0LAN", 1);
    await slack.post(directMessage("việc của tôi", "U0LAN", "D0LAN"));
    const listed = await eventually(() => {
      const message = (slack.fake.history.get("D0LAN") ?? []).find((m) =>
        JSON.stringify(m.blocks ?? []).includes(`roviec_task:${groupTask.id}:actions`),
      );
      if (!message) throw new Error("no list with the card yet");
      return message;
    }, WAIT);
    const actions = (listed.blocks as { block_id?: string; elements?: Record<string, unknown>[] }[]).find(
      (b) => b.block_id === `roviec_task:${groupTask.id}:actions`,
    );
    const done = actions?.elements?.find((e) => e.type === "button") as Record<string, unknown>;
    await slack.post(
      blockAction(
        { type: "button", action_id: done.action_id, value: done.value },
        { channel: "D0LAN", user: "U0LAN", message: listed, responseUrl: slack.fake.responseUrl("f4-press") },
      ),
    );
    await eventually(async () => expect((await taskIn(channel, 1)).status).toBe("done"), WAIT);
    expect(await taskIn("D0LAN", 1)).toEqual(ownTask);
    // Minh pressing the same card (it reached him somehow) changes nothing.
    const reopened = await taskIn(channel, 1);
    await slack.post(
      blockAction(
        { type: "button", action_id: done.action_id, value: done.value },
        { channel: "D0MINH", user: "U0MINH", message: listed, responseUrl: slack.fake.responseUrl("f4-minh") },
      ),
    );
    await eventually(
      () => expect(slack.fake.callsOf("chat.postMessage").some((c) => c.args.channel === "D0MINH")).toBe(true),
      WAIT,
    );
    expect(await taskIn(channel, 1)).toEqual(reopened);
  });

  it("finding 5: <!channel>, <!here> and <!subteam^…|@admins> are never people on Slack", async () => {
    const channel = "C0DRILL5";
    const before = {
      tasks: await db.prisma.task.count(),
      pending: await db.prisma.member.count({ where: { externalId: null } }),
    };
    for (const [index, group] of ["<!channel>", "<!here>", "<!subteam^S0ADMINS|@admins>"].entries()) {
      const id = `f5-${index}`;
      await slack.post(
        slashCommand({
          text: `giao ${group} nộp báo cáo tuần`,
          user_id: "U0BOSS",
          channel_id: channel,
          responseUrl: slack.fake.responseUrl(id),
        }),
      );
      await eventually(() => expect(slack.fake.responsesTo(id)).toHaveLength(1), WAIT);
      expect(slack.fake.responsesTo(id)[0]).toMatchObject({ response_type: "ephemeral" });
    }
    expect(await db.prisma.task.count()).toBe(before.tasks);
    expect(await db.prisma.member.count({ where: { externalId: null } })).toBe(before.pending);
  });

  it("finding 2: on Slack the channel's creator is its first manager, and the channel's history says so", async () => {
    const channel = "C0DRILL2";
    slack.fake.channelCreators.set(channel, "U0HOA");
    await slack.post(
      slashCommand({
        text: "giờ kết thúc 17:30",
        user_id: "U0MINH",
        channel_id: channel,
        responseUrl: slack.fake.responseUrl("f2-minh"),
      }),
    );
    await eventually(() => expect(slack.fake.responsesTo("f2-minh")).toHaveLength(1), WAIT);
    expect(slack.fake.responsesTo("f2-minh")[0]).toMatchObject({ response_type: "ephemeral" });
    await slack.post(
      slashCommand({
        text: "giờ kết thúc 17:30",
        user_id: "U0HOA",
        channel_id: channel,
        responseUrl: slack.fake.responseUrl("f2-hoa"),
      }),
    );
    await eventually(() => expect(slack.fake.responsesTo("f2-hoa")).toHaveLength(1), WAIT);
    const row = await db.prisma.channel.findFirstOrThrow({
      where: { externalId: channel },
      select: { endOfDayMinutes: true, managers: { select: { member: { select: { externalId: true } } } } },
    });
    expect(row).toEqual({ endOfDayMinutes: 17 * 60 + 30, managers: [{ member: { externalId: "U0HOA" } }] });
    const history = await db.prisma.channelEvent.findMany({
      where: { channel: { externalId: channel }, action: "manager_added" },
      select: { actorId: true, newValue: true },
    });
    expect(history).toEqual([{ actorId: null, newValue: expect.objectContaining({ reason: "channel_creator" }) }]);
  });
});

describe("drill: amplification at the Zalo edge (issue 15)", () => {
  let zalo: Harness;
  const PER_SECOND = 20;
  beforeAll(async () => {
    zalo = await startHarness({
      bot: realBot(),
      secret: WEBHOOK_SECRET,
      sender: { gate: createLocalSendGate(PER_SECOND) },
    });
  });
  afterAll(async () => {
    await zalo?.close();
  });

  async function deliver(text: string, chatId: string, fromId = "z-sep", name = "Sếp Tùng") {
    const response = await fetch(`${zalo.baseUrl}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(textUpdate(`@Rõ Việc ${text}`, { chatType: "GROUP", chatId, fromId, name })),
    });
    expect(response.status).toBe(200);
  }

  it("finding 6: one 230 KB message makes one capped task and a few messages; a later list is at most 5 messages; every send is paced", async () => {
    const chat = "zg-drill-6";
    // 230 KB: within the webhook's cap, as the attack was.
    const huge = `giao @Lan ${"bao cao quy hoach ".repeat(12_800)}`;
    await deliver(huge, chat);
    await zalo.adapter.whenIdle();
    expect(zalo.zalo.sentTexts(chat).length).toBeLessThanOrEqual(2);
    expect(zalo.zalo.sentTexts(chat).join("\n")).toContain("500");
    for (let i = 0; i < 24; i++) await deliver(`giao @Lan ${"việc dài ".repeat(60)}${i}`, chat);
    await zalo.adapter.whenIdle();
    const sentBefore = zalo.zalo.callsTo("sendMessage").length;
    await deliver("danh sách việc", chat);
    await zalo.adapter.whenIdle();
    const list = zalo.zalo.callsTo("sendMessage").slice(sentBefore);
    expect(list.length).toBeLessThanOrEqual(5);
    expect(String(list.at(-1)?.body.text)).toMatch(/và \d+ việc nữa/);
    // Replies to commands wait for the bot's rate gate like every other send: no second holds more than its rate
    // (one more for the jitter of loopback HTTP between the gate and the fake server).
    const times = zalo.zalo.callsTo("sendMessage").map((call) => call.at);
    expect(times.length).toBeGreaterThan(PER_SECOND + 2);
    const busiestSecond = Math.max(...times.map((at) => times.filter((t) => t >= at && t < at + 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(PER_SECOND + 1);
  });
});

describe("drill: transport (issue 15)", () => {
  it("finding 7: the Zalo webhook answers a wrong secret with 403 before reading the body, and a declared oversize body with 413 first", async () => {
    const zalo = await startHarness({ bot: realBot(), secret: WEBHOOK_SECRET });
    try {
      const { port } = new URL(zalo.baseUrl);
      const result = await streamUntilAnswered(
        Number(port),
        "/zalo/webhook",
        { "x-bot-api-secret-token": "wrong-secret-value", "content-type": "application/json" },
        100 * 1024 * 1024,
      );
      expect(result.status).toBe(403);
      expect(result.bytesSentBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
      const declared = await streamUntilAnswered(
        Number(port),
        "/zalo/webhook",
        {
          "x-bot-api-secret-token": "wrong-secret-value",
          "content-type": "application/json",
          "content-length": String(100 * 1024 * 1024),
        },
        100 * 1024 * 1024,
      );
      expect(declared.status).toBe(413);
    } finally {
      await zalo.close();
    }
  });

  it("finding 7: a chunked body over Slack's cap gets 413, not a connection reset", async () => {
    const slack = await startSlackHarness({ bot: realBot() });
    try {
      const url = new URL(slack.eventsUrl);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: "POST",
            headers: { "content-type": "application/json" },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        for (let i = 0; i < 24; i++) req.write(chunk);
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      await slack.close();
    }
  });

  it("finding 7: the server binds 127.0.0.1 unless HOST says otherwise", async () => {
    expect(loadConfig({}).HOST).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(() => loadConfig({ HOST: "every interface" })).toThrow(/HOST/);
  });

  it("finding 7: a body sent too slowly is cut off with 408", async () => {
    const server = createHttpServer({
      routes: {
        "/slow": async (request, response) => {
          for await (const _ of request) {
          }
          response.end("ok");
        },
      },
      logger: createLogger("silent"),
      requestTimeoutMs: 300,
      headersTimeoutMs: 300,
    });
    const port = await listen(server, 0);
    try {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.write("POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\nab");
        });
        let received = "";
        socket.on("data", (data) => {
          received += data.toString();
        });
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/**
 * Sends a POST with `headers` on a raw socket and streams up to `total` bytes of body (chunked unless a length is
 * declared) until the server answers or closes. How many body bytes went out before the answer came back tells
 * whether the server read the body before answering.
 */
async function streamUntilAnswered(
  port: number,
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number; bytesSentBeforeAnswer: number }> {
  const chunked = !("content-length" in headers);
  const head = [`POST ${path} HTTP/1.1`, "host: 127.0.0.1", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (chunked) head.push("transfer-encoding: chunked");
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let sent = 0;
    let answered = -1;
    let received = "";
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const framed = chunked
      ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
      : chunk;
    const pump = () => {
      while (answered < 0 && sent < total && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(framed)) return socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(`${head.join("\r\n")}\r\n\r\n`);
      pump();
    });
    socket.on("data", (data) => {
      if (answered < 0) answered = sent;
      received += data.toString();
    });
    const finish = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      if (status === 0) return reject(new Error(`no answer after ${sent} bytes`));
      resolve({ status, bytesSentBeforeAnswer: answered });
    };
    socket.on("close", finish);
    socket.on("error", () => undefined);
  });
}
