import { describe, expect, it } from "vitest";
import {
  computeSlackSignature,
  parseSlackBody,
  verifySlackSignature,
} from "../../src/platforms/slack/request-verification.js";

// Slack's published example (../shared/reference/slack.md); bolt-js tests with the same vector.
const secret = "8f742231b10e8888abcd99yyyzzz85a5";
const timestamp = "1531420618";
const body = Buffer.from(
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
);
const signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const nowMs = Number(timestamp) * 1000;

describe("Slack request signing", () => {
  it("matches Slack's published example", () => {
    expect(body.length).toBe(362);
    expect(computeSlackSignature(secret, timestamp, body)).toBe(signature);
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, body, nowMs })).toBeUndefined();
  });

  it("binds the timestamp into the MAC", () => {
    const result = verifySlackSignature({ signingSecret: secret, timestamp: "1531420619", signature, body, nowMs });
    expect(result).toBe("bad_signature");
  });

  it("refuses a flipped body byte and a wrong secret", () => {
    const flipped = Buffer.from(body);
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, body: flipped, nowMs })).toBe(
      "bad_signature",
    );
    expect(verifySlackSignature({ signingSecret: `${secret}x`, timestamp, signature, body, nowMs })).toBe(
      "bad_signature",
    );
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature: "v0=abc", body, nowMs })).toBe(
      "bad_signature",
    );
  });

  it("refuses timestamps more than five minutes away, in the past and in the future", () => {
    const check = (offsetSeconds: number) =>
      verifySlackSignature({ signingSecret: secret, timestamp, signature, body, nowMs: nowMs + offsetSeconds * 1000 });
    expect(check(300)).toBeUndefined();
    expect(check(-300)).toBeUndefined();
    expect(check(301)).toBe("stale_timestamp");
    expect(check(-301)).toBe("stale_timestamp");
  });

  it("refuses missing or malformed headers", () => {
    expect(verifySlackSignature({ signingSecret: secret, timestamp: undefined, signature, body, nowMs })).toBe(
      "missing_headers",
    );
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature: undefined, body, nowMs })).toBe(
      "missing_headers",
    );
    expect(verifySlackSignature({ signingSecret: secret, timestamp: "12abc", signature, body, nowMs })).toBe(
      "bad_timestamp",
    );
  });
});

describe("parseSlackBody", () => {
  it("reads forms, interactive payloads and JSON; refuses anything else", () => {
    expect(parseSlackBody(body, "application/x-www-form-urlencoded")?.command).toBe("/webhook-collect");
    const payload = Buffer.from(`payload=${encodeURIComponent(JSON.stringify({ type: "block_actions" }))}`);
    expect(parseSlackBody(payload, "application/x-www-form-urlencoded")?.type).toBe("block_actions");
    expect(parseSlackBody(Buffer.from('{"type":"event_callback"}'), "application/json")?.type).toBe("event_callback");
    expect(parseSlackBody(Buffer.from("{not json"), "application/json")).toBeUndefined();
    expect(parseSlackBody(Buffer.from("[1,2]"), "application/json")).toBeUndefined();
    expect(parseSlackBody(Buffer.from("payload=%7Bbroken"), "application/x-www-form-urlencoded")).toBeUndefined();
    expect(parseSlackBody(Buffer.from("garbage"), "text/plain")).toBeUndefined();
  });
});
