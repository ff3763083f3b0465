import type { WorkingCalendar } from "../calendar/index.js";
import type { CommandName, ParsedCommand } from "../language/index.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import type { PipelineWords } from "./ports/words.js";
import type { Reply } from "./reply.js";
import type { ChannelSettingsView, PersonView } from "./task-view.js";

/** The person issuing a command, as the database knows them. */
export interface Actor extends PersonView {
  /** A channel manager or a workspace admin: may change any task of the channel (see src/core/permissions.ts). */
  isManager: boolean;
  /** A workspace admin (the platform says so, the operator named them, or they claimed it with a one-time code). */
  isWorkspaceAdmin: boolean;
  timezone: string | null;
}

/**
 * Everything a handler may use. Handlers know no platform: they read the parsed command, call a service and return
 * a reply. `services` is declared by the composition root (see handlers/services.ts).
 */
export interface CommandContext<Services = unknown> {
  incoming: IncomingMessage;
  channel: ChannelSettingsView;
  actor: Actor;
  locale: Locale;
  now: Date;
  services: Services;
  /**
   * The people the command's assignees name (mentions and typed names), resolved to members in order: a mention
   * with a platform id is that member, a typed name matches a known member or becomes a pending one.
   */
  mentioned?: PersonView[];
  /** The channel's working calendar (working days, holidays, declared days off), for "còn 2 ngày làm việc". */
  calendar?: WorkingCalendar;
  /** The pipeline's own words, for a handler that asks a question (core/questions). */
  words: Pick<PipelineWords, "command" | "doubt" | "question">;
  /**
   * The task a button was pressed for, by id (IncomingMessage.target). `channel` and `actor` are then that task's
   * channel and the presser's rights there, wherever the card was shown.
   */
  targetTaskId?: string;
}

export type CommandHandler<Services = unknown> = (
  command: ParsedCommand,
  context: CommandContext<Services>,
) => Promise<Reply | Reply[]>;

/** The adapter-neutral entry point every platform adapter calls. */
export interface Bot {
  /**
   * Runs one incoming message through dedupe, member and channel bookkeeping, parsing and its handler.
   * Resolves with the replies to send, in order; an empty list when the message was a duplicate delivery.
   * Never throws for user mistakes (they become polite error replies); throws {@link AppError} only when the
   * system itself failed (database down), so the adapter can answer "try again".
   */
  handle(message: IncomingMessage): Promise<Reply[]>;
}

/** A command's handler as it declares itself to the registry (handlers/index.ts lists them all). */
export interface HandlerDefinition<Services = unknown> {
  command: CommandName;
  handle: CommandHandler<Services>;
  /**
   * Whether a repeated delivery of the message is caught without reading ProcessedEvent first: the handler writes
   * only inside the task service's transaction, which claims the event (a repeat rolls back there), or writes
   * nothing and the message is marked afterwards. A handler that writes in other ways (settings, reminders) says
   * false, and the pipeline looks first.
   */
  claimsInTransaction: boolean;
  /**
   * Services beyond the core's that the handler needs (the scheduler, the reports). Where the composition leaves one
   * out (a test without Redis), the command answers "not available" instead of running.
   */
  needs?: readonly string[];
}
