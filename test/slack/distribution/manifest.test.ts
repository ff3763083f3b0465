import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH } from "../../../src/platforms/slack/index.js";
import { CREATE_FROM_MESSAGE_CALLBACK_ID } from "../../../src/platforms/slack/listen-add-task.js";
import { SLACK_OAUTH_REDIRECT_PATH } from "../../../src/platforms/slack/oauth-routes.js";
import { SLACK_BOT_EVENTS, SLACK_BOT_SCOPES } from "../../../src/platforms/slack/scopes.js";

/**
 * The manifests say what the code does: every event the code listens to is subscribed and every subscription has a
 * listener; every Web API method the code calls has its scope and every scope is needed by a call or an event; the
 * slash commands and the shortcut are the ones the listeners match; and slack/README.md explains each scope.
 */

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    shortcuts: { callback_id: string }[];
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[]; metadata_subscriptions?: unknown };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const root = join(import.meta.dirname, "../../..");
const manifests = {
  http: JSON.parse(readFileSync(join(root, "slack/manifest.http.json"), "utf8")) as Manifest,
  socket: JSON.parse(readFileSync(join(root, "slack/manifest.socket.json"), "utf8")) as Manifest,
};
const slackSource = readdirSync(join(root, "src/platforms/slack"))
  .filter((name) => name.endsWith(".ts"))
  .map((name) => readFileSync(join(root, "src/platforms/slack", name), "utf8"))
  .join("\n");

/** Scopes each Web API method needs (Slack's method reference); a method missing here fails the test. */
const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write", "chat:write.public"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  // Read only by the outbox's in-doubt check, in every kind of conversation a message can go to.
  "conversations.history": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "conversations.info": ["channels:read", "groups:read"],
  "conversations.open": ["im:write"],
  "users.info": ["users:read"],
  "files.uploadV2": ["files:write"],
  "views.open": [],
  "views.publish": [],
};
/** Scopes each bot event needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ["app_mentions:read"],
  "message.im": ["im:history"],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

function methodsCalled(): Set<string> {
  const methods = new Set<string>();
  for (const [, family, name] of slackSource.matchAll(/client\.([a-z]+)\.([a-zA-Z]+)\(/g))
    methods.add(`${family}.${name}`);
  if (/\.filesUploadV2\(/.test(slackSource)) methods.add("files.uploadV2");
  return methods;
}

function eventsListened(): Set<string> {
  const events = new Set([...slackSource.matchAll(/app\.event\(\s*"([a-z_]+)"/g)].map((m) => m[1] as string));
  // The one message listener answers direct messages only (it returns unless channel_type is "im").
  if (/app\.message\(/.test(slackSource) && /channel_type !== "im"/.test(slackSource)) events.add("message.im");
  return events;
}

describe.each(Object.entries(manifests))("slack/manifest.%s.json", (kind, manifest) => {
  it("subscribes to exactly the events the code listens to", () => {
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(eventsListened());
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(new Set(SLACK_BOT_EVENTS));
    expect(manifest.settings.event_subscriptions.metadata_subscriptions).toBeUndefined();
  });

  it("asks for exactly the scopes the code's calls and events need, and for no user scope", () => {
    const needed = new Set<string>();
    for (const method of methodsCalled()) {
      expect(METHOD_SCOPES, `scopes of ${method} are not listed in this test`).toHaveProperty([method]);
      for (const scope of METHOD_SCOPES[method] ?? []) needed.add(scope);
    }
    for (const event of manifest.settings.event_subscriptions.bot_events) {
      for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);
    }
    needed.add("commands"); // the slash commands and the message shortcut
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
    expect(manifest.oauth_config.scopes.bot).toEqual([...SLACK_BOT_SCOPES]);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it("declares the slash commands and the shortcut the listeners answer", () => {
    const pattern = /app\.command\(\/(.+)\/,/.exec(slackSource)?.[1];
    expect(pattern).toBeDefined();
    const commandPattern = new RegExp(pattern ?? "$^");
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/task", "/viec"]);
    for (const { command } of manifest.features.slash_commands) expect(command).toMatch(commandPattern);
    expect(manifest.features.shortcuts.map((s) => s.callback_id)).toEqual([CREATE_FROM_MESSAGE_CALLBACK_ID]);
  });

  it(kind === "http" ? "points every URL at our routes" : "runs over Socket Mode with no URL at all", () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    if (kind === "http") {
      for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
      expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${SLACK_OAUTH_REDIRECT_PATH}`]);
      expect(manifest.settings.socket_mode_enabled).toBe(false);
    } else {
      expect(urls.filter((url) => url !== undefined)).toEqual([]);
      expect(JSON.stringify(manifest)).not.toContain("https://YOUR-HOST");
      expect(manifest.settings.socket_mode_enabled).toBe(true);
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
    }
  });
});

describe("slack/README.md", () => {
  it("explains every scope the app asks for in Vietnamese and in English, and none it does not ask for", () => {
    const readme = readFileSync(join(root, "slack/README.md"), "utf8");
    const table = /<!-- scopes:start -->([\s\S]*)<!-- scopes:end -->/.exec(readme)?.[1] ?? "";
    const rows = [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)];
    expect(rows.map((row) => row[1])).toEqual([...SLACK_BOT_SCOPES]);
    for (const [, scope, vietnamese, english] of rows) {
      expect(vietnamese?.trim().length, `${scope} in Vietnamese`).toBeGreaterThan(10);
      expect(english?.trim().length, `${scope} in English`).toBeGreaterThan(10);
    }
  });
});
