/**
 * The load side of the commands scenario, in a process of its own so that neither the app under test nor the
 * client steals the other's event loop. It runs the fake Slack server (Web API and response_url) and sends signed
 * slash commands over keep-alive HTTP: at a fixed rate (open loop: latency counts from the scheduled send time, so
 * a stalled server cannot hide its backlog) or closed loop (N in flight, for the maximum rate).
 */
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { computeSlackSignature } from "../src/platforms/slack/request-verification.js";
import { FakeSlackServer } from "../test/slack/fake-slack-server.js";
import { recordArrivals } from "./lib/arrivals.js";
import { max, quantile, sleep, wallNow } from "./lib/env.js";

export interface LoadRun {
  type: "run";
  label: string;
  url: string;
  secret: string;
  mode: "fixed" | "closed";
  /** Commands per second (fixed mode). */
  rate: number;
  seconds: number;
  /** Requests in flight (closed mode). */
  concurrency: number;
  /**
   * Closed mode: a client sends its next command only once the previous one is answered at the fake Slack server
   * (the full app), not merely acked, so the rate measured is commands fully handled per second.
   */
  untilReply: boolean;
  channels: number;
  /** How long to wait for the replies after the last ack; 0 for a bare app that never replies. */
  waitRepliesMs: number;
}

export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  /** Acked requests per second over the sending period. */
  ackRate: number;
  replies: number;
  replyP50: number;
  replyP99: number;
  /** Commands whose reply arrived, per second from the first send to the last reply. */
  completedRate: number;
  /** HTTP status (0: connection error) → count, for the requests not answered 200. */
  failures: Record<string, number>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });
const fake = await new FakeSlackServer().start();
/** An office of USERS people; each command is written by one and assigns another (as Slack escapes mentions). */
const USERS = 200;
const userId = (n: number) => `U0B${String(n % USERS).padStart(5, "0")}`;
for (let n = 0; n < USERS; n++)
  fake.addUser({ id: userId(n), name: `Người ${n}`, tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
const arrivals = recordArrivals(fake);
const replyWaiters = new Map<string, () => void>();
arrivals.onResponse = (id) => {
  replyWaiters.get(id)?.();
  replyWaiters.delete(id);
};
/** Resolves when the reply to `id` reached the fake Slack server, or after `timeoutMs`. */
function replyTo(id: string, timeoutMs: number): Promise<void> {
  if (arrivals.responses.has(id)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    replyWaiters.set(id, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
const commandText = (i: number) =>
  `giao <@${userId(i * 7 + 3)}|nguoi${(i * 7 + 3) % USERS}> nộp báo cáo trước 17h thứ 6 tuần sau`;

function post(run: LoadRun, id: string, i: number): Promise<number> {
  const channel = i % run.channels;
  const body = Buffer.from(
    new URLSearchParams({
      token: "deprecated",
      team_id: "T0001",
      team_domain: "congty",
      channel_id: `CL${String(channel).padStart(5, "0")}`,
      channel_name: `kenh-${channel}`,
      user_id: userId(i),
      user_name: `nguoi${i % USERS}`,
      command: "/viec",
      text: commandText(i),
      api_app_id: "A0001",
      trigger_id: `${id}.${randomBytes(6).toString("hex")}`,
      response_url: fake.responseUrl(id),
    }).toString(),
  );
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Promise((resolve) => {
    const req = request(
      run.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": body.length,
          "x-slack-request-timestamp": timestamp,
          "x-slack-signature": computeSlackSignature(run.secret, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/**
 * Waits until the app stopped calling the fake Slack (2 s without a call, at most `boundMs`): work a command sets off
 * after its reply (App Home refreshes) must not spill into the next phase.
 */
async function settle(boundMs: number): Promise<void> {
  const end = Date.now() + boundMs;
  let seen = fake.calls.length;
  let quietSince = Date.now();
  while (Date.now() < end && Date.now() - quietSince < 2000) {
    await sleep(100);
    if (fake.calls.length !== seen) {
      seen = fake.calls.length;
      quietSince = Date.now();
    }
  }
}

async function execute(run: LoadRun): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  let ok = 0;
  let failed = 0;
  let lastAck = 0;
  const statuses = new Map<number, number>();
  const inFlight = new Set<Promise<number>>();
  const fire = (i: number, scheduled: number) => {
    const id = `${run.label}-${i}`;
    sentAt.set(id, scheduled);
    const p: Promise<number> = post(run, id, i).then((status) => {
      const now = wallNow();
      lastAck = now;
      if (status === 200) {
        ok++;
        acks.push(now - scheduled);
      } else {
        failed++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      inFlight.delete(p);
      return status;
    });
    inFlight.add(p);
    return p;
  };
  const start = wallNow() + 20;
  if (run.mode === "fixed") {
    const total = Math.round(run.rate * run.seconds);
    const interval = 1000 / run.rate;
    let i = 0;
    while (i < total) {
      const now = wallNow();
      while (i < total && start + i * interval <= now) {
        void fire(i, start + i * interval);
        i++;
      }
      await sleep(1);
    }
  } else {
    const end = start + run.seconds * 1000;
    let i = 0;
    await Promise.all(
      Array.from({ length: run.concurrency }, async () => {
        while (wallNow() < end) {
          const n = i++;
          const status = await fire(n, wallNow());
          if (run.untilReply && status === 200) await replyTo(`${run.label}-${n}`, 30_000);
        }
      }),
    );
  }
  await Promise.all(inFlight);
  const replies: number[] = [];
  let lastReply = start;
  const collect = () => {
    replies.length = 0;
    for (const [id, at] of sentAt) {
      const arrived = arrivals.responses.get(id);
      if (arrived !== undefined) {
        replies.push(arrived - at);
        if (arrived > lastReply) lastReply = arrived;
      }
    }
  };
  const waitEnd = Date.now() + run.waitRepliesMs;
  while (run.waitRepliesMs > 0 && Date.now() < waitEnd) {
    collect();
    if (replies.length >= ok) break;
    await sleep(100);
  }
  collect();
  await settle(run.waitRepliesMs);
  const result: LoadResult = {
    sent: sentAt.size,
    ok,
    failed,
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
    ackMax: acks.length > 0 ? max(acks) : Number.NaN, // not Math.max(...acks): 80,000 arguments overflow the stack
    ackRate: ok / ((lastAck - start) / 1000),
    replies: replies.length,
    replyP50: quantile(replies, 0.5),
    replyP99: quantile(replies, 0.99),
    completedRate: replies.length / ((lastReply - start) / 1000),
    failures: Object.fromEntries(statuses),
  };
  arrivals.clear();
  return result;
}

process.on("message", (message: LoadRun | { type: "stop" }) => {
  if (message.type === "stop") {
    agent.destroy();
    void fake.stop().then(() => process.exit(0));
    return;
  }
  void execute(message).then((result) => process.send?.({ type: "result", result }));
});
// The bench process died (or was killed): do not outlive it.
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready", apiUrl: fake.apiUrl });
