import type { App, BlockAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { TaskView } from "../../core/task-view.js";
import type { ParsedCommand } from "../../language/index.js";
import type { Locale } from "../../locale.js";
import { buildIncoming, isDirectMessageChannel, lookupMentions } from "./incoming-builder.js";
import { dueFromPickers, extendDue, snoozeDue } from "./picked-due.js";
import { describeSlackFailure } from "./slack-errors.js";
import type { SlackRuntime } from "./slack-runtime.js";
import { commandText, doneCommand, dueCommand, reassignCommand, snoozeCommand } from "./structured-commands.js";
import { ACTION, type CardPresentation, decodeActionValue, renderTaskCard, taskBlockPrefix } from "./task-card.js";

/** A press on a card, reduced to what the command needs. */
interface CardPress {
  taskId: string;
  taskNumber: number;
  /** The task's channel when the card is not in it (App Home). */
  channelId?: string;
  /** Builds the structured command once the pressing user's profile (zone, locale) is known. */
  toCommand(timezone: string, locale: Locale | null, now: Date): ParsedCommand | undefined;
  /** Users the command names (reassign), so they become members with a mention entry. */
  userIds: string[];
}

/**
 * Buttons and menus of task cards: ✅ Done, ⏰ Extend (+1 day, +1 week, pick a date), 👤 Reassign, and on ping
 * messages 💤 Snooze (1 hour, tomorrow morning). Dates are read in the channel's zone and end of day when the card
 * carries them (cards drawn from a reply's presentation), else in the presser's zone and the default. Each becomes a
 * structured command through the same Bot.handle as typed text (same permissions, history and dedupe on the
 * trigger id), aimed at the card's task by its id wherever the card is shown; the card is then updated in place and
 * a refusal is answered ephemerally.
 */
export function listenForCardActions(app: App, runtime: SlackRuntime): void {
  const on = (actionId: string | RegExp, read: (action: Record<string, unknown>) => CardPress | undefined) =>
    app.action<BlockAction>(actionId, async ({ ack, body, action }) => {
      await ack();
      const press = read(action as unknown as Record<string, unknown>);
      // The presser is looking at the card: the press waits for a free slot, not behind a backlog of commands.
      if (press) await runtime.queue.run(() => handlePress(runtime, body, press), { first: true });
    });

  on(ACTION.done, (action) => {
    const value = decodeActionValue(action.value as string | undefined);
    if (!value) return undefined;
    return {
      taskId: value.t,
      taskNumber: value.n,
      channelId: value.c,
      userIds: [],
      toCommand: (_tz, locale) => doneCommand(value.n, locale),
    };
  });
  on(ACTION.extend, (action) => {
    const value = decodeActionValue((action.selected_option as { value?: string } | undefined)?.value);
    if (!value?.x) return undefined;
    const by = value.x;
    const current = value.d ? new Date(value.d) : undefined;
    return {
      taskId: value.t,
      taskNumber: value.n,
      channelId: value.c,
      userIds: [],
      toCommand: (tz, locale, now) =>
        dueCommand(value.n, extendDue(current, by, value.h === 1, value.z ?? tz, now, value.e), locale),
    };
  });
  on(ACTION.snooze, (action) => {
    const value = decodeActionValue((action.selected_option as { value?: string } | undefined)?.value);
    const by = value?.s;
    if (!value || !by) return undefined;
    return {
      taskId: value.t,
      taskNumber: value.n,
      channelId: value.c,
      userIds: [],
      toCommand: (tz, locale, now) => snoozeCommand(value.n, snoozeDue(by, value.z ?? tz, now), locale),
    };
  });
  on(new RegExp(`^${ACTION.extendDate}:`), (action) => {
    const ref = readActionRef(action.action_id as string);
    const date = action.selected_date as string | undefined;
    if (!ref || !date) return undefined;
    return {
      ...ref,
      userIds: [],
      toCommand: (tz, locale) => {
        const due = dueFromPickers(date, undefined, ref.timezone ?? tz, ref.endOfDayMinutes);
        return due ? dueCommand(ref.taskNumber, due, locale) : undefined;
      },
    };
  });
  on(new RegExp(`^${ACTION.reassign}:`), (action) => {
    const ref = readActionRef(action.action_id as string);
    const userId = action.selected_user as string | undefined;
    if (!ref || !userId) return undefined;
    return { ...ref, userIds: [userId], toCommand: (_tz, locale) => reassignCommand(ref.taskNumber, userId, locale) };
  });
}

interface ActionRef {
  taskId: string;
  taskNumber: number;
  channelId?: string;
  endOfDayMinutes?: number;
  timezone?: string;
}

/**
 * Datepicker and user select carry no value: the task id, number, (on App Home) channel, and the channel's end of
 * day and zone sit in the action id (`roviec_extend_date:<task>:<n>:<channel>:<eod>:<zone>`; older cards stop
 * after the channel).
 */
function readActionRef(actionId: string): ActionRef | undefined {
  const [, taskId, number, channelId, endOfDay, timezone] = actionId.split(":");
  const taskNumber = Number(number);
  if (!taskId || !Number.isInteger(taskNumber)) return undefined;
  const endOfDayMinutes = endOfDay ? Number(endOfDay) : Number.NaN;
  return {
    taskId,
    taskNumber,
    ...(channelId ? { channelId } : {}),
    ...(Number.isInteger(endOfDayMinutes) ? { endOfDayMinutes } : {}),
    ...(timezone ? { timezone } : {}),
  };
}

async function handlePress(runtime: SlackRuntime, body: BlockAction, press: CardPress): Promise<void> {
  const channelId = body.channel?.id ?? body.container?.channel_id ?? press.channelId;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !teamId) return;
  // Pressed on the Home tab: the person is looking at it, also if this process never saw them open it.
  if (body.view?.type === "home") runtime.home?.noteViewing(teamId, body.user.id);
  const sender = await runtime.directory.lookup(teamId, body.user.id);
  const command = press.toCommand(sender.timezone ?? runtime.defaultTimezone, sender.locale ?? null, runtime.now());
  if (!command) return;
  const incoming = await buildIncoming(
    { teamId, channelId, channelName: body.channel?.name, userId: body.user.id, eventId: body.trigger_id },
    "",
    runtime.directory,
    runtime.channels,
  );
  incoming.text = commandText(command);
  incoming.command = command;
  // The card may be shown outside its channel (a DM list, a personal ping, the Home tab): the press acts on the task
  // it was drawn for, by id, with the presser's rights in that task's channel.
  incoming.target = { taskId: press.taskId };
  incoming.mentions = await lookupMentions(teamId, press.userIds, runtime.directory);
  const isDirectMessage = isDirectMessageChannel(channelId);
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  const target = {
    channelId,
    userId: body.user.id,
    isDirectMessage,
    threadTs: body.container?.is_ephemeral ? undefined : messageTs,
  };
  const replies = await runtime.runner.handle(incoming, target);
  if (!replies) return;
  const answer = replies.find((r) => !r.isError && r.tasks?.some((t) => t.id === press.taskId));
  const updated = answer?.tasks?.find((t) => t.id === press.taskId);
  if (updated) await updateCard(runtime, body, updated, answer?.presentation);
  // The updated card already shows the task; the reply's text still tells what happened (or why not).
  const rest = replies.map((r) =>
    updated && r.tasks?.some((t) => t.id === press.taskId) ? { ...r, tasks: undefined } : r,
  );
  await runtime.delivery.deliver(rest, target);
}

/** Replaces this task's blocks inside the message it was pressed on, keeping the rest of a longer list intact. */
async function updateCard(
  runtime: SlackRuntime,
  body: BlockAction,
  task: TaskView,
  presentation: CardPresentation | undefined,
): Promise<void> {
  const prefix = taskBlockPrefix(task.id);
  const original = body.message?.blocks as KnownBlock[] | undefined;
  // A ping's card keeps its snooze control after a press.
  const snoozable = (original ?? []).some(
    (block) => block.block_id === `${prefix}actions` && JSON.stringify(block).includes(ACTION.snooze),
  );
  const card = renderTaskCard(task, runtime.describeDue, undefined, { presentation, snoozable });
  const channelId = body.channel?.id ?? body.container?.channel_id;
  if (original && body.message?.ts && channelId && !body.container?.is_ephemeral) {
    const blocks: KnownBlock[] = [];
    let inserted = false;
    for (const block of original) {
      if (!block.block_id?.startsWith(prefix)) blocks.push(block);
      else if (!inserted) {
        blocks.push(...card);
        inserted = true;
      }
    }
    try {
      await runtime.client.chat.update({
        channel: channelId,
        ts: body.message.ts,
        text: body.message.text ?? "",
        blocks,
      });
      return;
    } catch (error) {
      runtime.logger.warn({ failure: describeSlackFailure("chat.update", error) }, "slack card update failed");
    }
  }
  if (body.response_url)
    await runtime.delivery.replaceOriginal(body.response_url, { text: `#${task.number}`, blocks: card });
}
