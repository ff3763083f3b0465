import type { KnownBlock } from "@slack/types";
import { type Reply, toPlainText } from "../../core/reply.js";
import { renderReplyText, splitText } from "./mrkdwn.js";
import { renderQuestionButtons } from "./question-blocks.js";
import { renderSummaryBlocks } from "./summary-blocks.js";
import { type DueDescriber, renderTaskCard } from "./task-card.js";

/** Slack's limits for one message (Block Kit reference). */
export const MAX_BLOCKS_PER_MESSAGE = 50;
export const MAX_SECTION_TEXT = 3000;
/** The notification / fallback text; Slack truncates `text` at 40,000 but long fallbacks help nobody. */
const MAX_FALLBACK_TEXT = 3000;

/** One Slack message: fallback text for notifications and screen readers, and the blocks people see. */
export interface SlackMessagePage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * A Reply as one or more Slack messages (a weekly summary: its Block Kit layout). The text becomes sections of at most 3000 characters, then one card per
 * task; when that passes 50 blocks the rest continues in further messages ("pages") rather than failing.
 * A task's card is never split across pages.
 */
export function renderReply(reply: Reply, describeDue: DueDescriber): SlackMessagePage[] {
  // The weekly summary has its own layout (header, lists, table), always within one message.
  if (reply.summary) return [{ text: fallbackText(reply.text), blocks: renderSummaryBlocks(reply.summary) }];
  const groups: KnownBlock[][] = [];
  const mrkdwn = renderReplyText(reply.text);
  for (const piece of splitText(mrkdwn, MAX_SECTION_TEXT)) {
    if (piece.trim() !== "") groups.push([{ type: "section", text: { type: "mrkdwn", text: piece } }]);
  }
  if (reply.question) groups.push(renderQuestionButtons(reply.question));
  const card = { presentation: reply.presentation, snoozable: reply.kind === "ping" };
  for (const task of reply.tasks ?? []) {
    groups.push([{ type: "divider" }, ...renderTaskCard(task, describeDue, undefined, card)]);
  }
  const fallback = fallbackText(reply.text);
  const pages: SlackMessagePage[] = [];
  let current: KnownBlock[] = [];
  for (const group of groups) {
    if (current.length + group.length > MAX_BLOCKS_PER_MESSAGE) {
      pages.push({ text: fallback, blocks: current });
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0 || pages.length === 0) pages.push({ text: fallback, blocks: current });
  return pages.map((page, index) =>
    index === 0 ? page : { text: `${splitText(fallback, 200)[0]} (${index + 1}/${pages.length})`, blocks: page.blocks },
  );
}

/** Plain fallback text: names instead of mention markup would lose the ping, so mentions are kept as `<@U…>`. */
function fallbackText(text: string): string {
  const rendered = renderReplyText(text).replace(/\*([^*\n]+)\*/g, "$1");
  if (rendered.length > MAX_FALLBACK_TEXT) return `${splitText(rendered, MAX_FALLBACK_TEXT - 1)[0]}…`;
  return rendered || toPlainText(text) || " ";
}
