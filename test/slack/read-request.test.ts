// The one reader of slash commands and events: what bolt hands over and what the journal replays go through it.
import { describe, expect, it } from "vitest";
import { deliveryKey, readSlackRequest } from "../../src/platforms/slack/read-request.js";
import { parseSlackBody } from "../../src/platforms/slack/request-verification.js";
import {
  appMention,
  CHANNEL_ID,
  directMessage,
  eventCallback,
  type SlackPost,
  slashCommand,
  TEAM_ID,
} from "./slack-requests.js";

const self = { botUserId: "U0BOT", botId: "B0BOT" };
const bodyOf = (post: SlackPost) => parseSlackBody(post.body, post.contentType) as Record<string, unknown>;

describe("readSlackRequest", () => {
  it("reads a slash command with the command name in front, keyed by its trigger id, answered on its response_url", () => {
    const body = bodyOf(slashCommand({ command: "/viec", text: "giao <@U0MINH> báo cáo", responseUrl: "https://r/1" }));
    const request = readSlackRequest(body, self);
    expect(request).toMatchObject({
      kind: "message",
      text: "/viec giao <@U0MINH> báo cáo",
      origin: { teamId: TEAM_ID, teamName: "congty", channelId: CHANNEL_ID, channelName: "general", userId: "U0LAN" },
      target: { channelId: CHANNEL_ID, userId: "U0LAN", isDirectMessage: false, responseUrl: "https://r/1" },
    });
    expect(request?.kind === "message" && request.origin.eventId).toBe(body.trigger_id);
    expect(deliveryKey(body)).toBe(body.trigger_id);
  });

  it("reads a slash command in a DM as a direct message", () => {
    const body = bodyOf(
      slashCommand({ text: "list", responseUrl: "https://r/2", channel_id: "D0LAN", channel_name: "directmessage" }),
    );
    expect(readSlackRequest(body, self)).toMatchObject({ target: { isDirectMessage: true } });
  });

  it("leaves an empty command (the modal's) and other apps' commands alone", () => {
    expect(readSlackRequest(bodyOf(slashCommand({ text: "  ", responseUrl: "https://r/3" })), self)).toBeUndefined();
    const other = bodyOf(slashCommand({ command: "/poll", text: "lunch?", responseUrl: "https://r/4" }));
    expect(readSlackRequest(other, self)).toBeUndefined();
  });

  it("reads a mention without the bot's own mention, keyed by team and event id, answered in its thread", () => {
    const post = eventCallback(
      {
        type: "app_mention",
        user: "U0LAN",
        text: "<@U0BOT> giao <@U0MINH> in",
        ts: "1.2",
        thread_ts: "1.0",
        channel: "C1",
      },
      "EvMENTION",
    );
    const request = readSlackRequest(bodyOf(post), self);
    expect(request).toEqual({
      kind: "message",
      origin: {
        teamId: TEAM_ID,
        channelId: "C1",
        userId: "U0LAN",
        eventId: `${TEAM_ID}:EvMENTION`,
        sentAt: new Date(1200),
        messageRef: "1.2",
      },
      text: "giao <@U0MINH> in",
      target: { channelId: "C1", userId: "U0LAN", isDirectMessage: false, threadTs: "1.0" },
    });
    expect(deliveryKey(bodyOf(post))).toBe(`${TEAM_ID}:EvMENTION`);
  });

  it("reads a direct message; a mention in a DM, a channel message and edits are not commands", () => {
    expect(readSlackRequest(bodyOf(directMessage("việc của tôi")), self)).toMatchObject({
      kind: "message",
      text: "việc của tôi",
      target: { channelId: "D0LAN", isDirectMessage: true },
    });
    expect(readSlackRequest(bodyOf(appMention("<@U0BOT> list", "U0LAN", "D0LAN")), self)).toBeUndefined();
    const inChannel = { type: "message", channel_type: "channel", user: "U0LAN", text: "hi", channel: "C1" };
    expect(readSlackRequest(bodyOf(eventCallback(inChannel)), self)).toBeUndefined();
    const edited = { type: "message", channel_type: "im", subtype: "message_changed", channel: "D0LAN" };
    expect(readSlackRequest(bodyOf(eventCallback(edited)), self)).toBeUndefined();
  });

  it("never reads a bot's message, our own included", () => {
    const fromBot = { type: "message", channel_type: "im", user: "U0X", bot_id: "B0X", text: "list", channel: "D0X" };
    expect(readSlackRequest(bodyOf(eventCallback(fromBot)), self)).toBeUndefined();
    expect(readSlackRequest(bodyOf(appMention("<@U0BOT> list", "U0BOT")), self)).toBeUndefined();
  });

  it("reads the Home tab opened, only for the Home tab", () => {
    const opened = (tab: string) => bodyOf(eventCallback({ type: "app_home_opened", user: "U0LAN", tab }));
    expect(readSlackRequest(opened("home"), self)).toEqual({ kind: "home_opened", teamId: TEAM_ID, userId: "U0LAN" });
    expect(readSlackRequest(opened("messages"), self)).toBeUndefined();
  });

  it("reads nothing from malformed or unknown payloads", () => {
    for (const body of [null, "text", {}, { type: "event_callback", team_id: TEAM_ID }, { command: "/task" }]) {
      expect(readSlackRequest(body, self)).toBeUndefined();
    }
    expect(readSlackRequest(bodyOf(eventCallback({ type: "reaction_added", user: "U0LAN" })), self)).toBeUndefined();
  });
});
