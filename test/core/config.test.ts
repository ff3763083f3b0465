import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults every setting when the environment is empty (the terminal chat on the embedded database)", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ROLE).toBe("all");
    expect(config.SLACK_MESSAGES_PER_SECOND).toBe(0); // no workspace cap: Slack's 429 says when to slow down
    expect(config.ZALO_MESSAGES_PER_SECOND).toBe(5);
  });

  it("takes the per-workspace message caps as whole numbers", () => {
    const config = loadConfig({ SLACK_MESSAGES_PER_SECOND: "20", ZALO_MESSAGES_PER_SECOND: "0" });
    expect([config.SLACK_MESSAGES_PER_SECOND, config.ZALO_MESSAGES_PER_SECOND]).toEqual([20, 0]);
  });

  it("refuses a bad cap, saying which variable and what is expected, in both languages", () => {
    for (const value of ["-1", "-3", "1.5", "many"]) {
      const load = () => loadConfig({ SLACK_MESSAGES_PER_SECOND: value });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/Cấu hình không hợp lệ \/ Invalid configuration:\n {2}SLACK_MESSAGES_PER_SECOND must be/);
    }
  });

  it("lists every bad variable at once", () => {
    let message = "";
    try {
      loadConfig({ ROLE: "boss", PORT: "http", ZALO_MESSAGES_PER_SECOND: "-5" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("ROLE must be all, web or worker");
    expect(message).toContain("PORT must be a port number");
    expect(message).toContain("ZALO_MESSAGES_PER_SECOND must be 0 (no cap) or more");
  });
});
