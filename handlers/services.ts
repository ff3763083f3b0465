/**
 * The services handlers receive, declared by the composition root (src/app.ts builds them), and how a handler
 * declares itself to the registry.
 */
import type { CommandContext, CommandHandler, HandlerDefinition } from "../src/core/handler.js";
import type { QuestionStore } from "../src/core/ports/index.js";
import type { CommandName } from "../src/language/index.js";
import type { DirectoryService } from "../src/services/directory-service.js";
import type { OrgService } from "../src/services/org-service.js";
import type { RecurringServices } from "../src/services/recurring-services.js";
import type { ReportService } from "../src/services/report-service.js";
import type { TaskService } from "../src/services/task-service.js";

/** The services every handler may use (a superset of the core's ports, src/core/ports). */
export interface Services {
  tasks: TaskService;
  directory: DirectoryService;
  /** The bot's open questions (see src/core/questions). */
  questions: QuestionStore;
}

/** One-off reminders, planned by the ping scheduler (jobs/scheduler.ts). */
export interface Reminders {
  addReminder(taskId: string, when: Date): Promise<{ pingId: string; fireAt: Date } | null | "too_many">;
}

/**
 * What some commands need besides the core's services: the scheduler and the reports (reminders, summaries,
 * exports), the organisation and its dashboard (units, roll-ups, links), recurring series. A bot built without one of them (a test
 * without Redis) leaves out the commands that need it.
 */
export interface JobServices {
  reminders: Reminders;
  reports: ReportService;
  org: OrgService;
  /** Where the dashboard is reached from a phone (PUBLIC_URL), without a trailing slash. */
  dashboard: { publicUrl(): string };
  /** Recurring series (src/services/recurring-series.ts). */
  series: RecurringServices["series"];
  /** Makes the occurrences of these series whose period has begun, and plans their pings. */
  occurrences: RecurringServices["occurrences"];
}

/** A handler's services with the job services it needs (see defineHandler). */
export type WithJobServices<N extends keyof JobServices> = Services & Pick<JobServices, N>;

/** What the composition root passes: the job services may be left out (a test without Redis). */
export type AppServices = Services & Partial<JobServices>;

export type AppHandler<S extends Services = Services> = CommandHandler<S>;
export type AppCommandContext<S extends Services = Services> = CommandContext<S>;

/**
 * A handler's declaration: its command, whether it claims the event inside the task service's transaction (see
 * HandlerDefinition), and the job services it needs; the registry runs it only when those are there.
 */
export function defineHandler<N extends keyof JobServices = never>(definition: {
  command: CommandName;
  claimsInTransaction: boolean;
  needs?: readonly N[];
  handle: AppHandler<WithJobServices<N>>;
}): HandlerDefinition<AppServices> {
  // The registry leaves out a handler whose `needs` are missing, so `handle` only ever sees them present.
  return definition as HandlerDefinition<AppServices>;
}
