/**
 * The question flow's data: what the bot asks when a message is not clearly one command, and the store that keeps an
 * open question durably (declared here, implemented by src/services/question-service.ts).
 */
import { z } from "zod";
import type { ParsedCommand } from "../../language/index.js";
import type { IncomingMention } from "../incoming.js";
import type { PersonView } from "../task-view.js";

/** A person a choice pins a typed name to (a name that fits two people): "@Hoa" here means this Hoa. */
export interface PinnedPerson {
  /** The name as the command has it (one of its `assignees`). */
  name: string;
  person: PersonView;
}

/** One numbered choice: the command it runs, exactly as if typed unambiguously, and how it is said. */
export interface QuestionChoice {
  command: ParsedCommand;
  /** The words of the choice, in the channel's language ("Tạo việc "…" cho @Lan, hạn …"). */
  label: string;
  people?: PinnedPerson[];
}

/** A question as stored: one open question per person and channel. */
export interface OpenQuestion {
  id: string;
  channelId: string;
  askerId: string;
  choices: QuestionChoice[];
  /** The mentions of the message asked about, so a chosen command names the same people. */
  mentions: IncomingMention[];
  /** The delivery key of the answer being carried out (see QuestionStore.take). */
  answerKey: string | null;
  askedAt: Date;
  expiresAt: Date;
}

export type NewQuestion = Omit<OpenQuestion, "id" | "answerKey">;

/** Where open questions live. Durable: a restart keeps them. */
export interface QuestionStore {
  /**
   * Stores the question, replacing any open question of the same person in the channel, together with the current
   * message's claim (so a redelivery of the message neither asks twice nor writes anything).
   */
  ask(question: NewQuestion): Promise<OpenQuestion>;
  /** The person's open (or lapsed, not yet removed) question in the channel. */
  find(channelId: string, askerId: string): Promise<OpenQuestion | null>;
  /** A question by id (a button press names it). */
  findById(id: string): Promise<OpenQuestion | null>;
  /**
   * Marks the question as being answered by the delivery `key`; false when another answer got there first. A replay
   * of the same delivery (same key) may take it again. The question is removed with the answer's claim.
   */
  take(id: string, key: string): Promise<boolean>;
  /** Removes the person's question in the channel (for messages without a delivery id, which carry no claim). */
  drop(channelId: string, askerId: string): Promise<void>;
}

/** How long a question stays open: 10 minutes by the app's clock. */
export const QUESTION_TTL_MS = 10 * 60_000;

/** A due as the parser gives it, back from JSON (dates as ISO strings). */
const dueSchema = z
  .object({
    deadline: z.coerce.date(),
    hasTime: z.boolean(),
    start: z.coerce.date(),
    grain: z.enum(["second", "minute", "hour", "day", "week", "month", "quarter", "year"]),
    text: z.string(),
  })
  .nullable();

/**
 * A stored command: the fields every command has are checked (dates revived); anything else the parser adds is kept
 * as it is. A chosen command is never asked about again, so its doubts are dropped.
 */
const commandSchema = z
  .looseObject({
    command: z.string(),
    taskRef: z.number().nullable(),
    title: z.string().nullable(),
    assignees: z.array(z.string()),
    filter: z.string().nullable(),
    due: dueSchema,
    locale: z.enum(["vi", "en"]).nullable(),
  })
  .transform((command) => ({ ...command, doubts: [] }) as unknown as ParsedCommand);

const personSchema = z.object({ id: z.string(), externalId: z.string().nullable(), displayName: z.string() });

export const storedChoicesSchema = z.array(
  z.object({
    command: commandSchema,
    label: z.string(),
    people: z.array(z.object({ name: z.string(), person: personSchema })).optional(),
  }),
);

export const storedMentionsSchema = z.array(
  z.looseObject({ token: z.string(), displayName: z.string(), externalId: z.string().optional() }),
);
