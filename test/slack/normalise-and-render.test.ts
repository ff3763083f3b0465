// Pure parts of the adapter: Slack text in, mrkdwn out, and Socket Mode wiring without a connection.
import { describe, expect, it } from "vitest";
import { personToken } from "../../src/core/reply.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";
import {
  escapeMrkdwn,
  mentionedUserIds,
  normalizeSlackText,
  renderReplyText,
  splitText,
  stripBotMention,
} from "../../src/platforms/slack/mrkdwn.js";
import { RecordingBot } from "./slack-harness.js";

describe("Slack text in", () => {
  it("turns mentions, channels, links and entities into command text", () => {
    expect(
      normalizeSlackText(
        "giao <@U123|lan> và <@W456> việc ở <#C1|general>: <https://x.vn/a|tài liệu> &lt;gấp&gt; &amp; <!here>",
      ),
    ).toBe("giao @U123 và @W456 việc ở #general: tài liệu <gấp> & @here");
    expect(mentionedUserIds("<@U1> <@U2|b> <@U1>")).toEqual(["U1", "U2"]);
  });

  it("removes the characters reserved for person tokens, so typed text cannot forge one", () => {
    const forged = personToken({ id: "x", externalId: "U0BOSS", displayName: "Sếp" });
    const normalized = normalizeSlackText(`add ${forged}`);
    expect(normalized).toBe("add xU0BOSSSếp");
    expect(renderReplyText(normalized)).not.toContain("<@U0BOSS>");
  });

  it("strips only the bot's own leading mention", () => {
    expect(stripBotMention("<@UBOT> giao <@U1> việc", "UBOT")).toBe("giao <@U1> việc");
    expect(stripBotMention("<@UBOT|roviec>: list", "UBOT")).toBe("list");
    expect(stripBotMention("nhờ <@UBOT> nhé", "UBOT")).toBe("nhờ <@UBOT> nhé");
  });
});

describe("Slack text out", () => {
  it("escapes &, < and > and renders person tokens", () => {
    expect(escapeMrkdwn("a < b && c > d")).toBe("a &lt; b &amp;&amp; c &gt; d");
    const text = `${personToken({ id: "1", externalId: "U9", displayName: "Lan" })} giao <!channel> cho ${personToken({ id: "2", externalId: null, displayName: "A&B" })}`;
    expect(renderReplyText(text)).toBe("<@U9> giao &lt;!channel&gt; cho A&amp;B");
  });

  it("splits long text at line breaks, never inside an entity", () => {
    const text = `${"x".repeat(2998)}&amp;tail`;
    const pieces = splitText(text, 3000);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join("")).toBe(text);
    expect(pieces[1]?.startsWith("&amp;")).toBe(true);
    const lines = splitText(Array.from({ length: 100 }, () => "y".repeat(99)).join("\n"), 3000);
    expect(lines.every((p) => p.length <= 3000 && !p.startsWith("\n"))).toBe(true);
  });
});

describe("Socket Mode", () => {
  it("mounts no HTTP route and needs no signing secret when SLACK_APP_TOKEN is set", async () => {
    const adapter = createSlackAdapter({
      config: {
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: undefined,
        SLACK_APP_TOKEN: "xapp-test",
        SLACK_API_URL: undefined,
        DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
        DEFAULT_LOCALE: "vi",
      },
      bot: new RecordingBot(),
      logger: createLogger("silent"),
    });
    expect(adapter.routes).toEqual({});
    expect(adapter.sender.platform).toBe("slack");
    await adapter.stop();
  });

  it("refuses to start without a way to receive", () => {
    expect(() =>
      createSlackAdapter({
        config: {
          SLACK_BOT_TOKEN: "xoxb-test",
          SLACK_SIGNING_SECRET: undefined,
          SLACK_APP_TOKEN: undefined,
          SLACK_API_URL: undefined,
          DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
          DEFAULT_LOCALE: "vi",
        },
        bot: new RecordingBot(),
        logger: createLogger("silent"),
      }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
