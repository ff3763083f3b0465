/**
 * The ports of the core: what the pipeline needs from the layers around it, as interfaces. The services implement
 * them, render words them, and the composition root (src/app.ts) passes the implementations in.
 */
import type { QuestionStore } from "../questions/question-types.js";
import type { Directory } from "./directory.js";
import type { TaskStore } from "./task-store.js";

export type { QuestionStore } from "../questions/question-types.js";
export type { MessageSender } from "../sender.js";
export type { DayOffView, Directory, IncomingSession } from "./directory.js";
export type { EventClaim, EventDedupe, QuestionOwner } from "./event-dedupe.js";
export type { TaskStore } from "./task-store.js";
export type { ParseFailure, PipelineWords, QuestionWordsContext } from "./words.js";

/**
 * The services the pipeline itself uses (its middleware resolve people, check rights, ask questions). Handlers
 * receive a wider object with the same fields (handlers/services.ts).
 */
export interface CoreServices {
  tasks: TaskStore;
  directory: Directory;
  /** The bot's open questions (see src/core/questions). */
  questions: QuestionStore;
}
