import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createAppBot } from "../../src/app-bot.js";
import type { Bot } from "../../src/core/handler.js";
import { type Reply, toPlainText } from "../../src/core/reply.js";
import type { Database } from "../../src/db/client.js";
import { createDatabase } from "../../src/db/client.js";
import { createDirectoryService, type DirectoryService } from "../../src/services/directory-service.js";
import { createQuestionService, type QuestionService } from "../../src/services/question-service.js";
import { createTaskService, type TaskChange, type TaskService } from "../../src/services/task-service.js";
import { createTestDatabase, type TestDatabaseKind } from "../setup/db.js";
import { type IncomingOverrides, incomingMessage, type TestPerson } from "./incoming.js";

/** Friday 27/11/2026 10:00 in Hà Nội. */
export const FIXED_NOW = new Date("2026-11-27T03:00:00Z");

export interface ChatHarness {
  database: Database;
  bot: Bot;
  tasks: TaskService;
  directory: DirectoryService;
  questions: QuestionService;
  /** Change notifications received, in order. */
  changes: TaskChange[];
  /** Sends `text` as `as` (default the boss) and returns the replies. */
  say(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<Reply[]>;
  /** Like `say`, but the replies as plain text joined by newlines. */
  sayText(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<string>;
  /** Row counts of every table a command may write. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** The core services on a database with a silent logger: what a test composes a bot or an adapter from. */
export function coreServices(database: Pick<Database, "prisma">) {
  const logger = pino({ level: "silent" });
  const tasks = createTaskService({ prisma: database.prisma, logger });
  const directory = createDirectoryService({
    prisma: database.prisma,
    defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
  });
  const questions = createQuestionService({ prisma: database.prisma });
  return { logger, tasks, directory, questions };
}

export function wireBot(database: Database, now: () => Date = () => FIXED_NOW) {
  const changes: TaskChange[] = [];
  const logger = pino({ level: "silent" });
  const tasks = createTaskService({
    prisma: database.prisma,
    now,
    logger,
    onTaskChanged: (change) => void changes.push(change),
  });
  const directory = createDirectoryService({
    prisma: database.prisma,
    defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
  });
  const questions = createQuestionService({ prisma: database.prisma });
  const bot = createAppBot({ services: { tasks, directory, questions }, logger, now });
  return { bot, tasks, directory, questions, changes };
}

export function harnessFor(database: Database, close: () => Promise<void> = () => database.close()): ChatHarness {
  const wired = wireBot(database);
  const say = (text: string, as?: TestPerson, overrides: IncomingOverrides = {}) =>
    wired.bot.handle(incomingMessage({ text, ...(as ? { sender: as } : {}), ...overrides }));
  return {
    database,
    ...wired,
    say,
    sayText: async (text, as, overrides) => (await say(text, as, overrides)).map((r) => toPlainText(r.text)).join("\n"),
    async counts() {
      const p = database.prisma;
      const [tasks, events, assignees, processed, managers, channels] = await Promise.all([
        p.task.count(),
        p.taskEvent.count(),
        p.taskAssignee.count(),
        p.processedEvent.count(),
        p.channelManager.count(),
        p.channel.count(),
      ]);
      return { tasks, events, assignees, processed, managers, channels };
    },
    close,
  };
}

/** A bot on a fresh test database of `kind`. */
export async function createChatHarness(kind: TestDatabaseKind): Promise<ChatHarness> {
  return harnessFor(await createTestDatabase(kind));
}

/** A PGlite database in a temporary directory, reopenable to prove data survives a restart. */
export async function createPersistentPglite(): Promise<{
  dataDir: string;
  open(): Promise<Database>;
  remove(): Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), "roviec-core-"));
  return {
    dataDir,
    open: () => createDatabase({ dataDir }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** A conversation in one channel of the harness (each test its own channel, so task numbers start at #1). */
export interface ChannelChat {
  channelExternalId: string;
  say(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<Reply[]>;
  sayText(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<string>;
  /** The channel's row id (after its first message). */
  channelId(): Promise<string>;
}

let channelSequence = 0;

export function channelChat(harness: ChatHarness, name = "kenh"): ChannelChat {
  channelSequence += 1;
  const channelExternalId = `${name}-${channelSequence}`;
  const withChannel = (overrides: IncomingOverrides = {}): IncomingOverrides => ({
    ...overrides,
    channel: { externalId: channelExternalId, ...overrides.channel },
  });
  return {
    channelExternalId,
    say: (text, as, overrides) => harness.say(text, as, withChannel(overrides)),
    sayText: (text, as, overrides) => harness.sayText(text, as, withChannel(overrides)),
    async channelId() {
      const row = await harness.database.prisma.channel.findFirstOrThrow({
        where: { externalId: channelExternalId },
        select: { id: true },
      });
      return row.id;
    },
  };
}
