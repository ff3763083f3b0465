// Drill: cross-tenant isolation, property-based. Random interleavings of commands in 2 workspaces × 2 channels —
// and the channels carry the SAME platform ids in both workspaces, as do the people — must never let a command
// read or change a task of another channel: after every command, only tasks of the command's own channel changed,
// and no reply names a task of another channel.
import fc from "fast-check";
import { createAppBot } from "../../src/app-bot.js";
import type { IncomingMessage } from "../../src/core/incoming.js";
import { coreServices } from "../helpers/chat-harness.js";
import { createDrillEnvironment } from "./drill-kit.js";

export interface CrossTenantOptions {
  /** Interleavings tried. */
  numRuns: number;
  /** Commands per interleaving. */
  maxCommands: number;
  seed?: number;
}

export interface CrossTenantResult {
  interleavings: number;
  commands: number;
  tasksCreated: number;
  /** Changes to existing tasks of the command's own channel (done, cancel, due, assign…): the drill is not idle. */
  ownChanges: number;
  /** Commands that changed a task of another channel. */
  foreignChanges: number;
  /** Replies that named a task of another channel. */
  foreignReads: number;
  counterexample: string;
}

const WORKSPACES = ["T0ALPHA", "T0BETA"];
/** The same channel ids in both workspaces: only the workspace tells them apart. */
const CHANNELS = ["C0SAME1", "C0SAME2"];

const commandArbitrary = fc.record({
  workspace: fc.integer({ min: 0, max: 1 }),
  channel: fc.integer({ min: 0, max: 1 }),
  user: fc.constantFrom("U0LAN", "U0MINH"),
  kind: fc.constantFrom(
    "add",
    "add",
    "add",
    "list",
    "show",
    "done",
    "cancel",
    "reopen",
    "due",
    "assign",
    "status",
    "mine",
  ),
  number: fc.integer({ min: 1, max: 2 }),
});
type DrillCommand = typeof commandArbitrary extends fc.Arbitrary<infer T> ? T : never;

function textOf(command: DrillCommand, tag: string): string {
  const n = command.number;
  switch (command.kind) {
    case "add":
      return `giao @Minh việc ${tag} trước 17h thứ 6`;
    case "list":
      return "danh sach";
    case "show":
      return `xem #${n}`;
    case "done":
      return `xong #${n}`;
    case "cancel":
      return `huy #${n}`;
    case "reopen":
      return `mo lai #${n}`;
    case "due":
      return `gia han #${n} ngay mai`;
    case "assign":
      return `giao lai #${n} @Lan`;
    case "status":
      return "thong ke";
    default:
      return "viec cua toi";
  }
}

export async function runCrossTenantDrill(options: CrossTenantOptions): Promise<CrossTenantResult> {
  const env = await createDrillEnvironment("tenant");
  try {
    // A fresh bot per interleaving: the tables are emptied between them, which no running bot ever sees (its
    // directory remembers channels and members it has met).
    const freshBot = () => {
      const { logger, tasks, directory, questions } = coreServices(env);
      return createAppBot({ services: { tasks, directory, questions }, logger });
    };
    let commands = 0;
    let foreignChanges = 0;
    let foreignReads = 0;
    let titleSeq = 0;
    let tasksCreated = 0;
    let ownChanges = 0;
    let run = 0;

    const snapshot = async () =>
      new Map(
        (
          await env.prisma.task.findMany({
            select: {
              id: true,
              title: true,
              version: true,
              channel: { select: { externalId: true, workspace: { select: { externalId: true } } } },
            },
          })
        ).map((t) => [
          t.id,
          { title: t.title, version: t.version, home: `${t.channel.workspace.externalId}/${t.channel.externalId}` },
        ]),
      );

    const details = await fc.check(
      fc.asyncProperty(
        fc.array(commandArbitrary, { minLength: 1, maxLength: options.maxCommands }),
        async (sequence) => {
          run++;
          // Each interleaving starts from empty tables, so task numbers collide across channels on purpose.
          await env.prisma.task.deleteMany({});
          await env.prisma.channel.deleteMany({});
          const bot = freshBot();
          // Every channel starts with tasks #1 and #2, so the same numbers exist everywhere.
          const seeded: DrillCommand[] = [0, 1].flatMap((workspace) =>
            [0, 1].flatMap((channel) =>
              [1, 2].map(() => ({ workspace, channel, user: "U0LAN", kind: "add", number: 1 })),
            ),
          );
          for (const [index, command] of [...seeded, ...sequence].entries()) {
            const workspace = WORKSPACES[command.workspace] as string;
            const channel = CHANNELS[command.channel] as string;
            const home = `${workspace}/${channel}`;
            const tag = `${workspace.slice(3)}-${channel.slice(6)}-r${run}-${++titleSeq}`;
            const before = await snapshot();
            const message: IncomingMessage = {
              platform: "slack",
              workspace: { externalId: workspace },
              channel: { externalId: channel, isPrivateChat: false },
              sender: { externalId: command.user, displayName: command.user === "U0LAN" ? "Lan" : "Minh" },
              text: textOf(command, tag),
              mentions: [],
              eventId: `ev-${run}-${index}`,
              sentAt: new Date(),
            };
            const replies = await bot.handle(message);
            commands++;
            const after = await snapshot();
            for (const [id, task] of after) {
              const previous = before.get(id);
              const changed = !previous || previous.version !== task.version || previous.home !== task.home;
              if (!previous) tasksCreated++;
              else if (changed && task.home === home) ownChanges++;
              if (changed && task.home !== home) foreignChanges++;
            }
            for (const [id, task] of before) if (!after.has(id) && task.home !== home) foreignChanges++;
            const shown = JSON.stringify(replies);
            for (const task of after.values()) if (task.home !== home && shown.includes(task.title)) foreignReads++;
          }
          return foreignChanges === 0 && foreignReads === 0;
        },
      ),
      { numRuns: options.numRuns, seed: options.seed },
    );
    return {
      interleavings: details.numRuns,
      commands,
      tasksCreated,
      ownChanges,
      foreignChanges,
      foreignReads,
      counterexample: details.failed ? JSON.stringify(details.counterexample).slice(0, 500) : "",
    };
  } finally {
    await env.close();
  }
}
