import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hasPlatformToken } from "../../../src/config/deployment-rules.js";
import { isSlackDistributed } from "../../../src/config/slack-distribution.js";
import { ConfigError, loadConfig } from "../../../src/config.js";

const complete = {
  SLACK_CLIENT_ID: "1111111111.2222222222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_SIGNING_SECRET: "signing-secret",
  SLACK_STATE_SECRET: "s".repeat(32),
  SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
};

describe("settings of the Slack app for many workspaces", () => {
  it("turns the distributed mode on with SLACK_CLIENT_ID, and leaves it off otherwise", () => {
    expect(isSlackDistributed(loadConfig(complete))).toBe(true);
    expect(isSlackDistributed(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }))).toBe(false);
  });

  it("names every setting the distributed mode still needs", () => {
    const load = () => loadConfig({ SLACK_CLIENT_ID: complete.SLACK_CLIENT_ID });
    expect(load).toThrow(ConfigError);
    for (const name of ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_TOKEN_KEY", "SLACK_SIGNING_SECRET"]) {
      expect(load).toThrow(new RegExp(`set ${name}`));
    }
  });

  it("counts as a platform: no terminal chat, and the web and worker roles may serve it", () => {
    expect(hasPlatformToken(loadConfig(complete))).toBe(true);
    const web = { ...complete, ROLE: "web", DATABASE_URL: "postgresql://127.0.0.1:5432/roviec" };
    expect(loadConfig(web).ROLE).toBe("web");
  });

  it("refuses one token and many workspaces at once", () => {
    expect(() => loadConfig({ ...complete, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/both set/);
  });

  it("refuses a token key that is not 32 bytes and a short state secret, saying how to make good ones", () => {
    expect(() => loadConfig({ ...complete, SLACK_TOKEN_KEY: "too-short" })).toThrow(/openssl rand -base64 32/);
    expect(() => loadConfig({ ...complete, SLACK_TOKEN_KEY_PREVIOUS: "abc" })).toThrow(/SLACK_TOKEN_KEY_PREVIOUS/);
    expect(() => loadConfig({ ...complete, SLACK_STATE_SECRET: "short" })).toThrow(/openssl rand -hex 32/);
    expect(() => loadConfig({ ...complete, SLACK_CLIENT_ID: "abc" })).toThrow(/Client ID/);
  });

  it("takes a hex token key and Socket Mode instead of a signing secret", () => {
    const config = loadConfig({
      ...complete,
      SLACK_SIGNING_SECRET: "",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_TOKEN_KEY: randomBytes(32).toString("hex"),
    });
    expect(config.SLACK_APP_TOKEN).toBe("xapp-1");
  });
});
