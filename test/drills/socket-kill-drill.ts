// Drill: the Socket Mode process is SIGKILLed while slash commands arrive over its socket, and started again; then
// once more exactly between a request's journal write and its ack. Every envelope that was acked must end as exactly
// one task, answered once: acked means journaled, and the restarted instance takes over what the killed one had not
// finished. An envelope journaled but never acked is carried out once too, even when Slack delivers it again.
import { randomBytes } from "node:crypto";
import { FakeSlackServer } from "../slack/fake-slack-server.js";
import { type EnvelopeType, FakeSocketModeServer } from "../slack/fake-socket-mode-server.js";
import {
  type Child,
  createDrillEnvironment,
  type DrillEnvironment,
  sleep,
  spawnTsChild,
  waitUntil,
} from "./drill-kit.js";
import { JOURNALED, SOCKET_OPTIONS_ENV, SOCKET_READY, type SocketChildOptions } from "./socket-child-options.js";

export interface SocketKillOptions {
  commands: number;
  ratePerSecond: number;
  kills: number;
  channels: number;
}

export interface SocketKillResult {
  commands: number;
  acked: number;
  /** Sent while no process held the socket, or never acked before a kill: Slack shows the user an error. */
  notAcked: number;
  /** Acked commands with no task: the loss the journal exists to prevent. */
  lost: number;
  /** Acked commands whose task exists but whose answer never came (killed between the commit and the reply). */
  unanswered: number;
  duplicateTasks: number;
  duplicateReplies: number;
  /** The command journaled and killed before its ack: tasks made of it after the restart (must be 1). */
  heldCommandTasks: number;
  heldCommandAcked: boolean;
  /** The mention journaled and killed before its ack, then delivered again by Slack: its tasks and replies. */
  heldEventTasks: number;
  heldEventReplies: number;
  journalLeft: number;
  kills: number;
  seconds: number;
}

/** How long the drill waits for an ack before it counts the envelope as not acked (Slack waits 3 s). */
const ACK_WAIT_MS = 5_000;
const TEAM = "T0SOCKDRILL";

export async function runSocketKillDrill(options: SocketKillOptions): Promise<SocketKillResult> {
  const started = Date.now();
  const env = await createDrillEnvironment("socketkill");
  try {
    const fake = await new FakeSlackServer().start();
    env.defer(() => fake.stop());
    fake.addUser({ id: "U0LAN", name: "Lan", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
    fake.addUser({ id: "U0MINH", name: "Minh", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
    const socket = await new FakeSocketModeServer().start(fake);
    env.defer(() => socket.stop());
    const spawn = (holdAfterJournal: string[] = []) => {
      const childOptions: SocketChildOptions = {
        databaseUrl: env.databaseUrl,
        schema: env.schema,
        slackApiUrl: fake.apiUrl,
        holdAfterJournal,
      };
      return spawnTsChild("./socket-child.ts", { [SOCKET_OPTIONS_ENV]: JSON.stringify(childOptions) }, SOCKET_READY);
    };
    const box: { child: Child } = { child: await spawn() };
    env.defer(() => box.child.kill());

    const stream = await commandsUnderKills(options, fake, socket, box, spawn);
    const answered = (i: number) => fake.responsesTo(`s-${i}`).length > 0;
    const allAnswered = () => waitUntil(() => [...stream.acked].every(answered), 60_000, "acked commands answered");
    await allAnswered().catch(() => {});
    const held = await killBetweenJournalAndAck(fake, socket, box, spawn);
    await waitUntil(async () => (await tasksPerTitle(env)).has(HELD_EVENT_TITLE), 60_000, "held mention done").catch(
      () => {},
    );
    await sleep(1_500);
    const perTitle = await tasksPerTitle(env);
    const all = Array.from({ length: options.commands }, (_, i) => i);
    const hasTask = (i: number) => (perTitle.get(commandTitle(i)) ?? 0) > 0;
    const journalLeft = await env.db.priorityLane.query(`SELECT 1 FROM "InboundRequest"`);
    return {
      commands: options.commands,
      acked: stream.acked.size,
      notAcked: options.commands - stream.acked.size,
      lost: [...stream.acked].filter((i) => !hasTask(i)).length,
      unanswered: [...stream.acked].filter((i) => hasTask(i) && !answered(i)).length,
      duplicateTasks: [...perTitle.values()].filter((n) => n > 1).length,
      duplicateReplies: all.filter((i) => fake.responsesTo(`s-${i}`).length > 1).length,
      heldCommandTasks: perTitle.get(HELD_COMMAND_TITLE) ?? 0,
      heldCommandAcked: held.commandAcked,
      heldEventTasks: perTitle.get(HELD_EVENT_TITLE) ?? 0,
      heldEventReplies: repliesMentioning(fake, HELD_EVENT_TITLE),
      journalLeft: journalLeft.length,
      // The random ones, the one that starts the holding instance, the one between journal and ack.
      kills: options.kills + 2,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await env.close();
  }
}

const commandTitle = (i: number) => `kiểm tra hồ sơ SK${i}X`;
const HELD_COMMAND_TITLE = "soạn tờ trình giữ lại";
const HELD_EVENT_TITLE = "duyệt tờ trình giữ lại";

type Spawn = (holdAfterJournal?: string[]) => Promise<Child>;

/** Commands at a steady rate while the process is SIGKILLed at random moments and started again. */
async function commandsUnderKills(
  options: SocketKillOptions,
  fake: FakeSlackServer,
  socket: FakeSocketModeServer,
  box: { child: Child },
  spawn: Spawn,
): Promise<{ acked: Set<number> }> {
  const sendingMs = (options.commands / options.ratePerSecond) * 1000;
  const killAt = Array.from({ length: options.kills }, () => sendingMs * (0.1 + 0.8 * Math.random())).sort(
    (a, b) => a - b,
  );
  const t0 = Date.now();
  const killer = (async () => {
    for (const at of killAt) {
      await sleep(Math.max(0, t0 + at - Date.now()));
      await box.child.kill("SIGKILL");
      await sleep(100 + Math.random() * 300);
      box.child = await spawn();
    }
  })();
  const acked = new Set<number>();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < options.commands; i++) {
    await sleep(Math.max(0, t0 + (i * 1000) / options.ratePerSecond - Date.now()));
    const payload = command(fake, `giao <@U0MINH> ${commandTitle(i)}`, `s-${i}`, `C0SOCK${i % options.channels}`);
    sends.push(
      ackedWithin(socket, "slash_commands", payload).then((ok) => {
        if (ok) acked.add(i);
      }),
    );
  }
  await Promise.all(sends);
  await killer;
  return { acked };
}

/**
 * The kill that matters most, made certain: the process stops right after a command's and a mention's journal
 * writes, before either ack. After the restart both are carried out once; Slack then delivers the unacked mention
 * again (as it retries an event), and it is acked without a second task or a second reply.
 */
async function killBetweenJournalAndAck(
  fake: FakeSlackServer,
  socket: FakeSocketModeServer,
  box: { child: Child },
  spawn: Spawn,
): Promise<{ commandAcked: boolean }> {
  const held = command(fake, `giao <@U0MINH> ${HELD_COMMAND_TITLE}`, "held-command", "C0SOCKHELD");
  const event = mention(`giao <@U0LAN> ${HELD_EVENT_TITLE}`, `Ev${randomBytes(5).toString("hex")}`);
  const keys = [held.trigger_id, `${TEAM}:${event.event_id}`];
  await box.child.kill("SIGKILL");
  box.child = await spawn(keys);
  const commandAck = ackedWithin(socket, "slash_commands", held);
  const eventAck = ackedWithin(socket, "events_api", event);
  const child = box.child;
  await waitUntil(
    () => keys.every((key) => child.output.join("").includes(`${JOURNALED} ${key}`)),
    30_000,
    "both held requests journaled",
    10,
  );
  await child.kill("SIGKILL");
  const commandAcked = await commandAck;
  await eventAck;
  box.child = await spawn();
  await ackedWithin(socket, "events_api", event, { attempt: 1, reason: "timeout" });
  return { commandAcked };
}

async function ackedWithin(
  socket: FakeSocketModeServer,
  type: EnvelopeType,
  payload: Record<string, unknown>,
  retry?: { attempt: number; reason?: string },
): Promise<boolean> {
  const timeout = sleep(ACK_WAIT_MS).then(() => false);
  const acked = socket.deliver(type, payload, retry).then(
    () => true,
    () => false,
  );
  return Promise.race([acked, timeout]);
}

function command(fake: FakeSlackServer, text: string, responseId: string, channel: string) {
  return {
    team_id: TEAM,
    team_domain: "sockdrill",
    channel_id: channel,
    channel_name: channel.toLowerCase(),
    user_id: "U0LAN",
    user_name: "lan",
    command: "/viec",
    text,
    api_app_id: "A0ROVIEC",
    trigger_id: `${responseId}.${randomBytes(4).toString("hex")}`,
    response_url: fake.responseUrl(responseId),
  };
}

function mention(text: string, eventId: string) {
  const ts = `${Math.floor(Date.now() / 1000)}.000100`; // real time: Slack stamps events with its clock
  return {
    team_id: TEAM,
    api_app_id: "A0ROVIEC",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000), // real time: as above
    event: { type: "app_mention", user: "U0LAN", text: `<@UBOT000001> ${text}`, ts, channel: "C0SOCKHELD" },
  };
}

async function tasksPerTitle(env: DrillEnvironment): Promise<Map<string, number>> {
  const tasks = await env.prisma.task.findMany({ select: { title: true } });
  const perTitle = new Map<string, number>();
  for (const task of tasks) perTitle.set(task.title, (perTitle.get(task.title) ?? 0) + 1);
  return perTitle;
}

function repliesMentioning(fake: FakeSlackServer, title: string): number {
  return fake.callsOf("chat.postMessage").filter((call) => JSON.stringify(call.args).includes(title)).length;
}
