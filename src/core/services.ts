import type { DirectoryService } from "../services/directory-service.js";
import type { TaskService } from "../services/task-service.js";
import type { CommandContext, CommandHandler } from "./handler.js";
import type { QuestionStore } from "./questions/question-types.js";

/**
 * The services every handler receives. The composition root may pass a wider object (the jobs engineer adds the
 * ping, outbox and report services); handlers of the core only use these.
 */
export interface Services {
  tasks: TaskService;
  directory: DirectoryService;
  /** The bot's open questions (see src/core/questions). */
  questions: QuestionStore;
}

/** A handler of the core, generic so handlers written against a wider services type fit the same registry. */
export type AppHandler<S extends Services = Services> = CommandHandler<S>;
export type AppCommandContext<S extends Services = Services> = CommandContext<S>;
