import type { App } from "@slack/bolt";
import { buildAddTaskModal } from "./add-task-modal.js";
import { buildIncoming, isDirectMessageChannel, tsToDate } from "./incoming-builder.js";
import { stripBotMention } from "./mrkdwn.js";
import { describeSlackFailure } from "./slack-errors.js";
import type { SlackRuntime } from "./slack-runtime.js";

/**
 * Typed entry points: `/task` and `/viec`, mentions of the bot in channels, and direct messages. Each acks first
 * (Slack's 3 seconds), then normalises and runs the text through the one command parser via Bot.handle.
 */
export function listenForMessages(app: App, runtime: SlackRuntime): void {
  app.command(/^\/(task|viec)$/, async ({ command, ack, client }) => {
    await ack();
    const isDirectMessage = isDirectMessageChannel(command.channel_id, command.channel_name);
    const target = {
      channelId: command.channel_id,
      userId: command.user_id,
      isDirectMessage,
      responseUrl: command.response_url,
    };
    if (command.text.trim() === "") {
      const origin = {
        channelId: command.channel_id,
        channelName: command.channel_name,
        responseUrl: command.response_url,
      };
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: buildAddTaskModal(origin) });
      } catch (error) {
        runtime.logger.warn({ failure: describeSlackFailure("views.open", error) }, "slack modal did not open");
      }
      return;
    }
    const incoming = await buildIncoming(
      {
        teamId: command.team_id,
        teamName: command.team_domain,
        channelId: command.channel_id,
        channelName: command.channel_name,
        userId: command.user_id,
        eventId: command.trigger_id,
      },
      // The parser reads slash style ("/task add …", "/viec them …"), so the command name stays in front.
      `${command.command} ${command.text}`,
      runtime.directory,
      runtime.channels,
    );
    await runtime.runner.run(incoming, target);
  });

  app.event("app_mention", async ({ event, body, context }) => {
    // In a DM the message event below answers; bots (including us) are not commanders.
    if (!event.user || event.bot_id || isDirectMessageChannel(event.channel)) return;
    const teamId = body.team_id;
    const incoming = await buildIncoming(
      {
        teamId,
        channelId: event.channel,
        userId: event.user,
        eventId: `${teamId}:${body.event_id}`,
        sentAt: tsToDate(event.ts),
        messageRef: event.ts,
      },
      stripBotMention(event.text, context.botUserId),
      runtime.directory,
      runtime.channels,
    );
    const target = { channelId: event.channel, userId: event.user, isDirectMessage: false, threadTs: event.thread_ts };
    await runtime.runner.run(incoming, target);
  });

  app.message(async ({ message, body, context }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (!message.user || message.bot_id || typeof message.text !== "string") return;
    const teamId = (body as { team_id: string }).team_id;
    const incoming = await buildIncoming(
      {
        teamId,
        channelId: message.channel,
        userId: message.user,
        eventId: `${teamId}:${(body as { event_id: string }).event_id}`,
        sentAt: tsToDate(message.ts),
        messageRef: message.ts,
      },
      stripBotMention(message.text, context.botUserId),
      runtime.directory,
      runtime.channels,
    );
    await runtime.runner.run(incoming, { channelId: message.channel, userId: message.user, isDirectMessage: true });
  });
}
