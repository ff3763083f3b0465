import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { t } from "../../i18n/index.js";
import { buildIncoming, isDirectMessageChannel } from "./incoming-builder.js";
import { ANSWER_ACTION_PREFIX, decodeAnswerValue } from "./question-blocks.js";
import type { SlackRuntime } from "./slack-runtime.js";

/**
 * The buttons of a question the bot asked ("1. …", "2. …", "Hủy"). A press is the typed answer: it goes through
 * the same Bot.handle as "2" or "hủy" would (only the person asked may answer; the chosen command runs with the
 * usual permissions, history and dedupe on the trigger id), and names its question, so a button of a question that
 * was replaced or settled since cannot answer the newer one. Once settled, the buttons give way to what was chosen.
 */
export function listenForQuestionAnswers(app: App, runtime: SlackRuntime): void {
  app.action<BlockAction>(new RegExp(`^${ANSWER_ACTION_PREFIX}\\d+$`), async ({ ack, body, action }) => {
    await ack();
    // The person is looking at the question: the answer waits for a free slot, not behind a backlog of commands.
    await runtime.queue.run(() => answer(runtime, body, action as ButtonAction), { first: true });
  });
}

async function answer(runtime: SlackRuntime, body: BlockAction, button: ButtonAction): Promise<void> {
  const value = decodeAnswerValue(button.value);
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!value || !channelId || !teamId) return;
  const origin = {
    teamId,
    channelId,
    channelName: body.channel?.name,
    userId: body.user.id,
    eventId: body.trigger_id,
  };
  const incoming = await buildIncoming(origin, value.n === 0 ? "hủy" : String(value.n), runtime.directory);
  incoming.answerTo = value.q;
  const target = {
    channelId,
    userId: body.user.id,
    isDirectMessage: isDirectMessageChannel(channelId, body.channel?.name),
    // The question came back where it was asked (often an ephemeral answer to a slash command): so does this.
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
  };
  const replies = await runtime.runner.handle(incoming, target);
  if (!replies) return;
  const settled = replies.length > 0 && replies.every((reply) => !reply.isError);
  if (settled && body.response_url) {
    const locale = replies[0]?.presentation?.locale ?? "vi";
    const label = button.text.text.replace(/^\d+\.\s*/, "");
    const text =
      value.n === 0 ? t(locale, "question.dropped") : t(locale, "question.chosen", { number: value.n, label });
    await runtime.delivery.replaceOriginal(body.response_url, {
      text,
      blocks: [{ type: "context", elements: [{ type: "mrkdwn", text }] }],
    });
  }
  await runtime.delivery.deliver(replies, target);
}
