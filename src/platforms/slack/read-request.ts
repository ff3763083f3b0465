import { z } from "zod";
import { isDirectMessageChannel, type SlackOrigin, tsToDate } from "./incoming-builder.js";
import { stripBotMention } from "./mrkdwn.js";
import type { ReplyTarget } from "./reply-delivery.js";
import type { SlackIdentity } from "./slack-identity.js";

/**
 * A slash command or an event as the bot needs it: a message to run (where it came from, its text in Slack's
 * markup, where the answers go), or the Home tab opened. One reader for every way a request arrives: fresh from
 * bolt (Socket Mode, or when the journal could not take it) and replayed from the journal, so a replay is the same
 * request as the original, not a second trip through bolt.
 */
export type SlackRequest =
  | { kind: "message"; origin: SlackOrigin; text: string; target: ReplyTarget }
  | { kind: "home_opened"; teamId: string; userId: string };

/** Our slash commands (slack/manifest.http.json and slack/manifest.socket.json); the parser reads both names. */
const COMMAND_NAME = /^\/(task|viec)$/;

const commandSchema = z.object({
  command: z.string().regex(COMMAND_NAME),
  text: z.string(),
  team_id: z.string(),
  team_domain: z.string().optional(),
  channel_id: z.string(),
  channel_name: z.string().optional(),
  user_id: z.string(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

const eventEnvelopeSchema = z.object({
  type: z.literal("event_callback"),
  team_id: z.string(),
  event_id: z.string(),
  event: z.looseObject({ type: z.string() }),
});

const eventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("app_mention"),
    channel: z.string(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string(),
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
  z.object({
    type: z.literal("message"),
    channel: z.string(),
    channel_type: z.string().optional(),
    subtype: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().optional(),
    ts: z.string().optional(),
  }),
  z.object({ type: z.literal("app_home_opened"), user: z.string(), tab: z.string().optional() }),
]);

/**
 * The delivery's durable id: a command's trigger_id, an event's team and event id. The same id keys the journal
 * and is the message's `eventId`, on which the core's event claim drops a second delivery.
 */
export function deliveryKey(body: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  if (text(body.command)) return text(body.trigger_id);
  if (body.type === "event_callback" && text(body.team_id) && text(body.event_id)) {
    return `${body.team_id}:${body.event_id}`;
  }
  return undefined;
}

/**
 * The key a slash command or an event is journaled under before its ack (see deliveryKey), over HTTP and Socket
 * Mode alike; none for what is not journaled: interactions (a button may open a modal, whose trigger_id lasts 3 s;
 * a modal submission is answered in the ack itself) and an empty command (it opens the "add task" modal).
 */
export function journalKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.command === "string" && !(typeof body.text === "string" && body.text.trim())) return undefined;
  return deliveryKey(body);
}

/**
 * Reads one request; undefined when it carries nothing for the bot: another command or event, a bot's message
 * (our own among them), a mention in a DM (the DM's message event answers it), an empty command (bolt's listener
 * opens the "add task" modal for it in the 3 seconds its trigger_id lasts).
 */
export function readSlackRequest(body: unknown, self: SlackIdentity): SlackRequest | undefined {
  const command = commandSchema.safeParse(body);
  if (command.success) return readCommand(command.data);
  const envelope = eventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const event = eventSchema.safeParse(envelope.data.event);
  if (!event.success) return undefined;
  const { team_id: teamId } = envelope.data;
  const eventId = deliveryKey(envelope.data);
  const data = event.data;
  if (data.type === "app_home_opened") {
    return data.tab === "home" ? { kind: "home_opened", teamId, userId: data.user } : undefined;
  }
  if (!data.user || data.bot_id || data.user === self.botUserId) return undefined;
  const origin = { teamId, channelId: data.channel, userId: data.user, eventId, sentAt: tsToDate(data.ts) };
  if (data.type === "app_mention") {
    if (isDirectMessageChannel(data.channel)) return undefined;
    return {
      kind: "message",
      origin: { ...origin, messageRef: data.ts },
      text: stripBotMention(data.text, self.botUserId),
      target: { channelId: data.channel, userId: data.user, isDirectMessage: false, threadTs: data.thread_ts },
    };
  }
  if (data.channel_type !== "im" || data.subtype !== undefined || data.text === undefined) return undefined;
  return {
    kind: "message",
    origin: { ...origin, messageRef: data.ts },
    text: stripBotMention(data.text, self.botUserId),
    target: { channelId: data.channel, userId: data.user, isDirectMessage: true },
  };
}

function readCommand(command: z.infer<typeof commandSchema>): SlackRequest | undefined {
  if (command.text.trim() === "") return undefined;
  return {
    kind: "message",
    origin: {
      teamId: command.team_id,
      teamName: command.team_domain,
      channelId: command.channel_id,
      channelName: command.channel_name,
      userId: command.user_id,
      eventId: command.trigger_id,
    },
    // The parser reads slash style ("/task add …", "/viec them …"), so the command name stays in front.
    text: `${command.command} ${command.text}`,
    target: {
      channelId: command.channel_id,
      userId: command.user_id,
      isDirectMessage: isDirectMessageChannel(command.channel_id, command.channel_name),
      responseUrl: command.response_url,
    },
  };
}
