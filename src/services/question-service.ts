/**
 * Open questions (PendingQuestion), durably: the bot's question to one person in one channel survives a restart.
 * Asking writes the question and the message's claim in one statement, so a redelivered message neither asks twice
 * nor acts. An answer marks the question with its delivery key first (two presses of a button run one choice), and
 * the question is deleted with the answer's own claim (see EventClaim.closesQuestion).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMention } from "../core/incoming.js";
import {
  type NewQuestion,
  type OpenQuestion,
  type QuestionStore,
  storedChoicesSchema,
  storedMentionsSchema,
} from "../core/questions/question-types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { DuplicateEventError, unwrittenClaim } from "./event-claim.js";

const questionSelect = {
  id: true,
  channelId: true,
  askerId: true,
  choices: true,
  mentions: true,
  answerKey: true,
  askedAt: true,
  expiresAt: true,
} as const;

interface QuestionRow {
  id: string;
  channelId: string;
  askerId: string;
  choices: unknown;
  mentions: unknown;
  answerKey: string | null;
  askedAt: Date;
  expiresAt: Date;
}

/** A stored row as a question; a row whose JSON no longer reads (written by another version) is no question. */
function toOpenQuestion(row: QuestionRow | null): OpenQuestion | null {
  if (!row) return null;
  const choices = storedChoicesSchema.safeParse(row.choices);
  const mentions = storedMentionsSchema.safeParse(row.mentions);
  if (!choices.success || !mentions.success) return null;
  return { ...row, choices: choices.data, mentions: mentions.data as IncomingMention[] };
}

/** How long after lapsing a never-answered question is kept, to say "expired" to a late answer. */
const KEEP_LAPSED_MS = 24 * 60 * 60_000;

export type QuestionService = QuestionStore;

export function createQuestionService(options: { prisma: PrismaClient }): QuestionService {
  const { prisma } = options;
  return {
    async ask(question: NewQuestion): Promise<OpenQuestion> {
      const claim = unwrittenClaim();
      const id = randomUUID();
      const choices = JSON.stringify(question.choices);
      const mentions = JSON.stringify(question.mentions);
      const forgetBefore = new Date(question.askedAt.getTime() - KEEP_LAPSED_MS);
      const [row] = await prisma.$queryRaw<{ go: boolean }[]>`
        WITH claim AS (
          INSERT INTO "ProcessedEvent" ("platform", "key", "createdAt")
          SELECT ${claim?.platform ?? null}::"Platform", ${claim?.key ?? null}::text, ${question.askedAt}::timestamptz
          WHERE ${claim !== undefined}::boolean
          ON CONFLICT DO NOTHING
          RETURNING 1
        ), go AS (
          SELECT 1 WHERE NOT ${claim !== undefined}::boolean OR EXISTS (SELECT 1 FROM claim)
        ), lapsed AS (
          DELETE FROM "PendingQuestion"
          WHERE "channelId" = ${question.channelId}::uuid AND "expiresAt" < ${forgetBefore}::timestamptz
            AND "askerId" <> ${question.askerId}::uuid AND EXISTS (SELECT 1 FROM go)
        ), asked AS (
          INSERT INTO "PendingQuestion" ("id", "channelId", "askerId", "choices", "mentions", "answerKey", "askedAt",
            "expiresAt")
          SELECT ${id}::uuid, ${question.channelId}::uuid, ${question.askerId}::uuid, ${choices}::jsonb,
            ${mentions}::jsonb, NULL, ${question.askedAt}::timestamptz, ${question.expiresAt}::timestamptz
          FROM go
          ON CONFLICT ("channelId", "askerId") DO UPDATE SET "id" = EXCLUDED."id", "choices" = EXCLUDED."choices",
            "mentions" = EXCLUDED."mentions", "answerKey" = NULL, "askedAt" = EXCLUDED."askedAt",
            "expiresAt" = EXCLUDED."expiresAt"
        )
        SELECT EXISTS (SELECT 1 FROM go) AS "go"`;
      if (claim && !row?.go) throw new DuplicateEventError(claim);
      if (claim) claim.claimed = true;
      return { ...question, id, answerKey: null };
    },

    async find(channelId: string, askerId: string): Promise<OpenQuestion | null> {
      const row = await prisma.pendingQuestion.findUnique({
        where: { channelId_askerId: { channelId, askerId } },
        select: questionSelect,
      });
      return toOpenQuestion(row);
    },

    async findById(id: string): Promise<OpenQuestion | null> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      return toOpenQuestion(await prisma.pendingQuestion.findUnique({ where: { id }, select: questionSelect }));
    },

    async take(id: string, key: string): Promise<boolean> {
      const { count } = await prisma.pendingQuestion.updateMany({
        where: { id, OR: [{ answerKey: null }, { answerKey: key }] },
        data: { answerKey: key },
      });
      return count === 1;
    },

    async drop(channelId: string, askerId: string): Promise<void> {
      await prisma.pendingQuestion.deleteMany({ where: { channelId, askerId } });
    },
  };
}
