import type { App } from "@slack/bolt";
import { buildAddTaskModal } from "./add-task-modal.js";
import type { SlackRequestHandler } from "./request-handler.js";
import { describeSlackFailure } from "./slack-errors.js";
import type { SlackRuntime } from "./slack-runtime.js";

/**
 * Typed entry points as bolt delivers them (Socket Mode, or HTTP when the journal could not take the request):
 * `/task` and `/viec`, mentions of the bot in channels, direct messages, and the Home tab opened. Each acks first
 * (Slack's 3 seconds), then hands the payload to the same request handler as the journal does. Only an empty
 * command is answered here: it opens the "add task" modal while its trigger_id is good (3 s).
 */
export function listenForMessages(app: App, runtime: SlackRuntime, handleRequest: SlackRequestHandler): void {
  const handleLater = (body: unknown) => runtime.queue.run(() => handleRequest(body));

  app.command(/^\/(task|viec)$/, async ({ command, ack, client, body }) => {
    await ack();
    if (command.text.trim() !== "") return handleLater(body);
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
  });
  app.event("app_mention", ({ body }) => handleLater(body));
  app.message(({ body }) => handleLater(body));
  app.event("app_home_opened", ({ body }) => handleLater(body));
}
