import type { KnownBlock } from "@slack/types";
import type { QuestionPrompt } from "../../core/reply.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** The action ids of a question's buttons: `roviec_answer_<number>` (0: cancel), unique within their block. */
export const ANSWER_ACTION_PREFIX = "roviec_answer_";

/** Slack's limit for a button's text. */
const MAX_BUTTON_TEXT = 75;

/** What a question button carries: the question it answers and the choice (0: cancel). */
export interface AnswerValue {
  q: string;
  n: number;
}

export function decodeAnswerValue(raw: string | undefined): AnswerValue | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<AnswerValue>;
    return typeof value.q === "string" && Number.isInteger(value.n) ? { q: value.q, n: value.n as number } : undefined;
  } catch {
    return undefined;
  }
}

/** A choice's words on a button: cut to Slack's limit, with what people typed ("<!channel>") kept as text. */
function buttonText(text: string): string {
  const cut = [...text].length <= MAX_BUTTON_TEXT ? text : `${[...text].slice(0, MAX_BUTTON_TEXT - 1).join("")}…`;
  return escapeMrkdwn(cut);
}

/**
 * One button per choice ("1. Tạo việc …") and a cancel button, under the question's text. Slack allows 25 elements
 * in an actions block; a question has at most 9 choices.
 */
export function renderQuestionButtons(question: QuestionPrompt): KnownBlock[] {
  const button = (n: number, text: string, style?: "primary" | "danger") => ({
    type: "button" as const,
    action_id: `${ANSWER_ACTION_PREFIX}${n}`,
    text: { type: "plain_text" as const, text: buttonText(text), emoji: true },
    value: JSON.stringify({ q: question.questionId, n } satisfies AnswerValue),
    ...(style ? { style } : {}),
  });
  return [
    {
      type: "actions",
      block_id: `roviec_question:${question.questionId}`,
      elements: [
        ...question.choices.map((choice, i) =>
          button(choice.number, `${choice.number}. ${choice.label}`, i === 0 ? "primary" : undefined),
        ),
        button(0, question.cancelLabel, "danger"),
      ],
    },
  ];
}
