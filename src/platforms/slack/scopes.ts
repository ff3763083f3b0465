/**
 * The bot scopes the app asks for when a workspace installs it ("Add to Slack") and that the manifests list; each
 * is used by the code (test/slack/distribution/manifest.test.ts checks both ways) and explained in slack/README.md.
 * The app asks for no user scopes: it never acts as a person.
 */
export const SLACK_BOT_SCOPES = [
  "app_mentions:read",
  "channels:history",
  "groups:history",
  "im:history",
  "mpim:history",
  "chat:write",
  "chat:write.public",
  "commands",
  "im:write",
  "files:write",
  "users:read",
  "channels:read",
  "groups:read",
] as const;

/** The events the app subscribes to as its bot (manifests' `bot_events`). */
export const SLACK_BOT_EVENTS = [
  "app_mention",
  "message.im",
  "app_home_opened",
  "app_uninstalled",
  "tokens_revoked",
] as const;
