/** A bot with the organisation's commands on a test database, as the composition root wires it. */
import { pino } from "pino";
import { createAppBot } from "../../src/app-bot.js";
import type { Reply } from "../../src/core/reply.js";
import type { Database } from "../../src/db/client.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createOrgService } from "../../src/services/org-service.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createReportService } from "../../src/services/report-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { type IncomingOverrides, incomingMessage, type TestPerson } from "./incoming.js";

export function wireOrgBot(database: Database, now: () => Date, publicUrl = () => "http://127.0.0.1:9") {
  const logger = pino({ level: "silent" });
  const tasks = createTaskService({ prisma: database.prisma, logger, now });
  const directory = createDirectoryService({
    prisma: database.prisma,
    defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
  });
  const questions = createQuestionService({ prisma: database.prisma });
  const reports = createReportService({ prisma: database.prisma });
  const org = createOrgService({ prisma: database.prisma });
  const bot = createAppBot({
    services: {
      tasks,
      directory,
      questions,
      reports,
      org,
      dashboard: { publicUrl },
      reminders: { addReminder: async () => null },
    },
    logger,
    now,
  });
  const say = (text: string, as: TestPerson, overrides: IncomingOverrides = {}): Promise<Reply[]> =>
    bot.handle(incomingMessage({ text, sender: as, sentAt: now(), ...overrides }));
  return { bot, org, reports, tasks, directory, say };
}

/** The link a reply carries (the dashboard's /open URL), or null. */
export function linkIn(text: string): string | null {
  return /(https?:\/\/\S+\/dashboard\/open\?t=[\w%-]+)/.exec(text)?.[1] ?? null;
}
