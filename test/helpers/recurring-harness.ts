/**
 * A bot with recurring tasks on a test database, wired as the composition root wires it: the core services, the
 * series services and the recurring handlers. The clock is the test's, and can be moved (`setNow`).
 */
import { pino } from "pino";
import { createAppBot } from "../../src/app-bot.js";
import { type Reply, toPlainText } from "../../src/core/reply.js";
import type { Database } from "../../src/db/client.js";
import type { CreatedOccurrence } from "../../src/services/recurring-occurrences.js";
import { createRecurringServices } from "../../src/services/recurring-services.js";
import { createTaskService } from "../../src/services/task-service.js";
import { createTestDatabase, type TestDatabaseKind } from "../setup/db.js";
import { coreServices } from "./chat-harness.js";
import { type IncomingOverrides, incomingMessage, type TestPerson } from "./incoming.js";

export interface RecurringHarness {
  database: Database;
  /** Tasks made for occurrences, as announced (where the app plans their pings). */
  made: CreatedOccurrence[];
  setNow(at: Date): void;
  now(): Date;
  say(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<Reply[]>;
  sayText(text: string, as?: TestPerson, overrides?: IncomingOverrides): Promise<string>;
  /** What the recurring job does: make every occurrence due now. */
  runJob(): Promise<CreatedOccurrence[]>;
  close(): Promise<void>;
}

let channels = 0;

export async function createRecurringHarness(kind: TestDatabaseKind, start: Date): Promise<RecurringHarness> {
  const database = await createTestDatabase(kind);
  let clock = start;
  const now = () => clock;
  const made: CreatedOccurrence[] = [];
  const core = coreServices(database);
  const recurring = createRecurringServices({
    prisma: database.prisma,
    now,
    onTasksCreated: (occurrences) => void made.push(...occurrences),
  });
  const bot = createAppBot({
    services: {
      tasks: createTaskService({ prisma: database.prisma, logger: core.logger, now }),
      directory: core.directory,
      questions: core.questions,
      ...recurring,
    },
    logger: pino({ level: "silent" }),
    now,
  });
  channels += 1;
  const channel = { externalId: `recurring-${process.pid}-${channels}` };
  const say = (text: string, as?: TestPerson, overrides: IncomingOverrides = {}) =>
    bot.handle(incomingMessage({ text, channel, ...(as ? { sender: as } : {}), ...overrides }));
  return {
    database,
    made,
    setNow: (at) => {
      clock = at;
    },
    now,
    say,
    sayText: async (text, as, overrides) => (await say(text, as, overrides)).map((r) => toPlainText(r.text)).join("\n"),
    runJob: () => recurring.occurrences.createDue(),
    close: () => database.close(),
  };
}
