// Typed builders for what Slack POSTs to /slack/events, signed like Slack signs them, with overrides per test.
import { randomBytes } from "node:crypto";
import { computeSlackSignature } from "../../src/platforms/slack/request-verification.js";

export const TEAM_ID = "T0001";
export const CHANNEL_ID = "C0GENERAL";

export interface SignedRequestOptions {
  /** Seconds; default now. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  /** Headers to drop (e.g. the signature) or add (X-Slack-Retry-Num). */
  omitHeaders?: string[];
  headers?: Record<string, string>;
  /** Changes the body after signing (a flipped byte). */
  tamper?: (body: Buffer) => Buffer;
}

export interface SlackPost {
  body: Buffer;
  contentType: string;
}

/** POSTs a Slack request, signed with `secret`, to `url`; resolves with the status and the body text. */
export async function postSigned(
  url: string,
  secret: string,
  request: SlackPost,
  options: SignedRequestOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": options.signature ?? computeSlackSignature(secret, timestamp, request.body),
    ...options.headers,
  };
  for (const name of options.omitHeaders ?? []) delete headers[name];
  const body = options.tamper ? options.tamper(request.body) : request.body;
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

export const triggerId = () => `${Date.now()}.${randomBytes(4).toString("hex")}`;

const form = (fields: Record<string, string>): SlackPost => ({
  body: Buffer.from(new URLSearchParams(fields).toString()),
  contentType: "application/x-www-form-urlencoded",
});
const json = (value: unknown): SlackPost => ({
  body: Buffer.from(JSON.stringify(value)),
  contentType: "application/json",
});
const interactive = (payload: unknown): SlackPost => form({ payload: JSON.stringify(payload) });

export function slashCommand(
  overrides: Partial<Record<string, string>> & { text: string; responseUrl: string },
): SlackPost {
  const { responseUrl, ...rest } = overrides;
  return form({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    team_domain: "congty",
    channel_id: CHANNEL_ID,
    channel_name: "general",
    user_id: "U0LAN",
    user_name: "lan",
    command: "/task",
    api_app_id: "A0001",
    trigger_id: triggerId(),
    response_url: responseUrl,
    ...(rest as Record<string, string>),
  });
}

export function eventCallback(
  event: Record<string, unknown>,
  eventId = `Ev${randomBytes(5).toString("hex")}`,
): SlackPost {
  return json({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0001",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

export function appMention(text: string, user = "U0LAN", channel = CHANNEL_ID, eventId?: string): SlackPost {
  const ts = `${Math.floor(Date.now() / 1000)}.000200`;
  return eventCallback({ type: "app_mention", user, text, ts, channel, event_ts: ts }, eventId);
}

export function directMessage(text: string, user = "U0LAN", channel = "D0LAN"): SlackPost {
  const ts = `${Math.floor(Date.now() / 1000)}.000300`;
  return eventCallback({ type: "message", channel_type: "im", user, text, ts, channel, event_ts: ts });
}

export interface ActionOptions {
  user?: string;
  channel?: string;
  responseUrl: string;
  message?: { ts: string; text?: string; blocks?: unknown[] };
  /** Pressed on the App Home tab: no channel, no message, no response_url. */
  fromHome?: boolean;
}

export function blockAction(action: Record<string, unknown>, options: ActionOptions): SlackPost {
  const channel = options.channel ?? CHANNEL_ID;
  if (options.fromHome) {
    return interactive({
      type: "block_actions",
      team: { id: TEAM_ID, domain: "congty" },
      user: { id: options.user ?? "U0LAN", username: "lan", team_id: TEAM_ID },
      api_app_id: "A0001",
      token: "deprecated-verification-token",
      trigger_id: triggerId(),
      container: { type: "view", view_id: "VHOME" },
      view: { id: "VHOME", type: "home" },
      actions: [{ block_id: "b", action_ts: `${Date.now() / 1000}`, ...action }],
    });
  }
  return interactive({
    type: "block_actions",
    team: { id: TEAM_ID, domain: "congty" },
    user: { id: options.user ?? "U0LAN", username: "lan", team_id: TEAM_ID },
    api_app_id: "A0001",
    token: "deprecated-verification-token",
    trigger_id: triggerId(),
    container: { type: "message", message_ts: options.message?.ts ?? "1.0", channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: "general" },
    message: options.message ? { type: "message", ...options.message } : undefined,
    response_url: options.responseUrl,
    actions: [{ block_id: "b", action_ts: `${Date.now() / 1000}`, ...action }],
  });
}

export function messageShortcut(text: string, responseUrl: string, user = "U0LAN"): SlackPost {
  return interactive({
    type: "message_action",
    callback_id: "roviec_create_from_message",
    trigger_id: triggerId(),
    team: { id: TEAM_ID, domain: "congty" },
    user: { id: user, name: "lan", team_id: TEAM_ID },
    channel: { id: CHANNEL_ID, name: "general" },
    message: { type: "message", user: "U0MINH", ts: "1764000000.000100", text },
    response_url: responseUrl,
    token: "deprecated-verification-token",
    action_ts: `${Date.now() / 1000}`,
  });
}

export function viewSubmission(
  view: { private_metadata: string; values: Record<string, unknown> },
  user = "U0LAN",
): SlackPost {
  return interactive({
    type: "view_submission",
    team: { id: TEAM_ID, domain: "congty" },
    user: { id: user, username: "lan", team_id: TEAM_ID },
    api_app_id: "A0001",
    token: "deprecated-verification-token",
    trigger_id: triggerId(),
    view: {
      id: `V${randomBytes(4).toString("hex")}`,
      type: "modal",
      callback_id: "roviec_add_task",
      private_metadata: view.private_metadata,
      state: { values: view.values },
      hash: "h",
    },
  });
}
