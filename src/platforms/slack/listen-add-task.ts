import type { App, MessageShortcut } from "@slack/bolt";
import { DateTime } from "luxon";
import type { Locale } from "../../core/incoming.js";
import type { ParsedCommand } from "../../language/index.js";
import {
  ADD_TASK_CALLBACK_ID,
  type AddTaskSubmission,
  buildAddTaskModal,
  readAddTaskOrigin,
  readAddTaskSubmission,
} from "./add-task-modal.js";
import { buildIncoming, isDirectMessageChannel, lookupMentions } from "./incoming-builder.js";
import { normalizeSlackText } from "./mrkdwn.js";
import { dueFromPickers } from "./picked-due.js";
import { pickedRecurrence } from "./picked-repeat.js";
import { describeSlackFailure } from "./slack-errors.js";
import type { SlackRuntime } from "./slack-runtime.js";
import { addCommand, commandText, repeatCommand } from "./structured-commands.js";

/** The submission as a command: a recurring series when a repeat was picked, else a one-off task. */
function submissionCommand(
  submission: AddTaskSubmission,
  due: ReturnType<typeof dueFromPickers> | undefined,
  locale: Locale | null,
  timezone: string,
  now: Date,
): ParsedCommand {
  const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
  const rule = submission.repeat ? pickedRecurrence(submission.repeat, submission.date, submission.time, today) : null;
  return rule
    ? repeatCommand(submission.title, submission.assigneeIds, rule, locale)
    : addCommand(submission.title, submission.assigneeIds, due, locale);
}

/** The message shortcut "Tạo việc từ tin nhắn / Create task from message" (callback id in slack/manifest.*.json). */
export const CREATE_FROM_MESSAGE_CALLBACK_ID = "roviec_create_from_message";

/**
 * The "Add task" modal: opened by the message shortcut (prefilled with the message's text) and by `/task` with no
 * text (see listen-messages.ts); its submission becomes a structured `add` command through Bot.handle.
 */
export function listenForAddTask(app: App, runtime: SlackRuntime): void {
  app.shortcut<MessageShortcut>(CREATE_FROM_MESSAGE_CALLBACK_ID, async ({ ack, shortcut, client }) => {
    await ack();
    const origin = {
      channelId: shortcut.channel.id,
      channelName: shortcut.channel.name,
      responseUrl: shortcut.response_url,
      messageRef: shortcut.message.ts,
    };
    const title = normalizeSlackText(shortcut.message.text ?? "");
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: buildAddTaskModal(origin, title) });
    } catch (error) {
      runtime.logger.warn({ failure: describeSlackFailure("views.open", error) }, "slack modal did not open");
    }
  });

  app.view(ADD_TASK_CALLBACK_ID, async ({ ack, body, view }) => {
    const read = readAddTaskSubmission(view.state.values as Parameters<typeof readAddTaskSubmission>[0]);
    const origin = readAddTaskOrigin(view.private_metadata);
    if ("errors" in read) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    // Closing the modal is the ack; the task is created after it, outside Slack's 3 seconds.
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!origin || !teamId) return;
    const { submission } = read;
    const sender = await runtime.directory.lookup(teamId, body.user.id);
    const due = submission.date
      ? dueFromPickers(submission.date, submission.time, sender.timezone ?? runtime.defaultTimezone)
      : undefined;
    const command = submissionCommand(
      submission,
      due,
      sender.locale ?? null,
      sender.timezone ?? runtime.defaultTimezone,
      runtime.now(),
    );
    const incoming = await buildIncoming(
      {
        teamId,
        channelId: origin.channelId,
        channelName: origin.channelName,
        userId: body.user.id,
        // Slack sends a trigger id with every view_submission; the view id is unique per modal otherwise.
        eventId: (body as { trigger_id?: string }).trigger_id ?? `view:${view.id}`,
        messageRef: origin.messageRef,
      },
      "",
      runtime.directory,
      runtime.channels,
    );
    incoming.text = commandText(command);
    incoming.command = command;
    incoming.mentions = await lookupMentions(teamId, submission.assigneeIds, runtime.directory);
    const target = {
      channelId: origin.channelId,
      userId: body.user.id,
      isDirectMessage: isDirectMessageChannel(origin.channelId, origin.channelName),
      responseUrl: origin.responseUrl,
    };
    // The person just submitted the form: the task waits for a free slot, not behind a backlog of commands.
    await runtime.queue.run(() => runtime.runner.run(incoming, target), { first: true });
  });
}
