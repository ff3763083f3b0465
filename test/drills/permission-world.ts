import { type Jobs, startJobs } from "../../jobs/index.js";
import { createAppBot } from "../../src/app-bot.js";
import type { Bot } from "../../src/core/handler.js";
import type { IncomingMention, IncomingMessage } from "../../src/core/incoming.js";
import { type Reply, toPlainText } from "../../src/core/reply.js";
import type { ParsedCommand } from "../../src/language/index.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createReportService } from "../../src/services/report-service.js";
import { coreServices } from "../helpers/chat-harness.js";
import { createDrillEnvironment, type DrillEnvironment } from "./drill-kit.js";

/** Friday 27/11/2026 10:00 in Hà Nội: every deadline and reminder of the drill is read against it. */
export const DRILL_NOW = new Date("2026-11-27T03:00:00Z");

export interface DrillPerson {
  externalId: string;
  displayName: string;
  isWorkspaceAdmin?: boolean;
}

/** The people: an admin (named by the operator), the team lead who assigns, Lan who works, two ordinary members. */
export const cast = {
  admin: { externalId: "z-admin", displayName: "Quản trị", isWorkspaceAdmin: true },
  lead: { externalId: "z-lead", displayName: "Sếp Tùng" },
  lan: { externalId: "z-lan", displayName: "Lan" },
  minh: { externalId: "z-minh", displayName: "Minh" },
  thu: { externalId: "z-thu", displayName: "Thu" },
} satisfies Record<string, DrillPerson>;

/** Where a message is written: a group (by its chat id) or the sender's private chat with the bot. */
export type Where = { group: string } | "private";

export interface SayOptions {
  /** A structured command (a button) instead of text. */
  command?: ParsedCommand;
  /** The task a button was pressed for. */
  targetTaskId?: string;
  /** Mentions the platform resolved (Slack-like); default: typed names, as on Zalo. */
  mentions?: IncomingMention[];
}

export interface PermissionWorld {
  env: DrillEnvironment;
  bot: Bot;
  jobs: Jobs;
  say(person: DrillPerson, text: string, where: Where, options?: SayOptions): Promise<Reply[]>;
  /** The replies as plain text. */
  sayText(person: DrillPerson, text: string, where: Where, options?: SayOptions): Promise<string>;
  /** A task's row id by its channel's chat id and number. */
  taskId(chatId: string, number: number): Promise<string>;
  close(): Promise<void>;
}

/** Typed `@Name` tokens, as the Zalo adapter finds them: one word each, no platform id. */
function typedMentions(text: string): IncomingMention[] {
  return [...text.matchAll(/(?<=^|[\s(,;])@([\p{L}\p{M}\p{N}_]+)/gu)].map((m) => ({
    token: m[1] as string,
    displayName: m[1] as string,
  }));
}

let sequence = 0;

export function drillMessage(person: DrillPerson, text: string, where: Where, options: SayOptions = {}) {
  sequence += 1;
  const isPrivateChat = where === "private";
  const message: IncomingMessage = {
    platform: "zalo",
    workspace: { externalId: "zalo-bot-1", name: "Rõ Việc" },
    channel: { externalId: isPrivateChat ? person.externalId : where.group, isPrivateChat },
    sender: { ...person, ...(isPrivateChat ? { privateChatId: person.externalId } : {}) },
    text,
    mentions: options.mentions ?? typedMentions(text),
    eventId: `drill-${process.pid}-${sequence}`,
    sentAt: DRILL_NOW,
    ...(options.command ? { command: options.command } : {}),
    ...(options.targetTaskId ? { target: { taskId: options.targetTaskId } } : {}),
  };
  return message;
}

export async function createPermissionWorld(name = "permissions"): Promise<PermissionWorld> {
  const env = await createDrillEnvironment(name);
  const { logger, tasks, directory } = coreServices(env);
  const jobs = await startJobs({
    prisma: env.prisma,
    redisUrl: env.redisUrl,
    senders: [],
    logger,
    role: "web",
    prefix: env.prefix,
    now: () => DRILL_NOW,
  });
  env.defer(() => jobs.close());
  const bot = createAppBot({
    services: {
      tasks,
      directory,
      questions: createQuestionService({ prisma: env.prisma }),
      reminders: jobs.scheduler,
      reports: createReportService({ prisma: env.prisma }),
    },
    logger,
    now: () => DRILL_NOW,
  });
  const say = (person: DrillPerson, text: string, where: Where, options?: SayOptions) =>
    bot.handle(drillMessage(person, text, where, options));
  return {
    env,
    bot,
    jobs,
    say,
    sayText: async (person, text, where, options) =>
      (await say(person, text, where, options)).map((r) => toPlainText(r.text)).join("\n"),
    async taskId(chatId, number) {
      const task = await env.prisma.task.findFirstOrThrow({
        where: { number, channel: { externalId: chatId } },
        select: { id: true },
      });
      return task.id;
    },
    close: () => env.close(),
  };
}

/** A structured command, as a button sends it. */
export function buttonCommand(
  command: ParsedCommand["command"],
  taskRef: number,
  extra: Partial<ParsedCommand> = {},
): ParsedCommand {
  return { command, taskRef, title: null, assignees: [], filter: null, due: null, locale: null, doubts: [], ...extra };
}
