import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/logger.js";
import { FIXED_NOW } from "../../helpers/chat-harness.js";
import { postSigned } from "../slack-requests.js";
import { slashCommandFrom } from "./distributed-harness.js";

/** The composition root with SLACK_CLIENT_ID: the install routes are served and a stranger's request is refused. */
describe("the app configured for many Slack workspaces", () => {
  it("serves /slack/install and refuses requests from workspaces without an installation", async () => {
    const config = loadConfig({
      DATA_DIR: "memory://",
      PORT: "0",
      SLACK_CLIENT_ID: "1111111111.2222222222",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_SIGNING_SECRET: "signing-secret-for-the-wiring-test",
      SLACK_STATE_SECRET: "s".repeat(32),
      SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
      LOG_LEVEL: "silent",
    });
    const app = await createApp({
      config,
      logger: createLogger("silent"),
      clock: { now: () => FIXED_NOW },
      withJobs: false,
    });
    try {
      await app.start();
      const base = `http://127.0.0.1:${app.port}`;
      const install = await fetch(`${base}/slack/install`);
      expect(install.status).toBe(200);
      expect(await install.text()).toContain("client_id=1111111111.2222222222");
      const stranger = slashCommandFrom("TSTRANGER", {
        channel: "C0X",
        user: "U0X",
        text: "danh sách việc",
        responseUrl: "http://127.0.0.1:9/unused",
      });
      const refused = await postSigned(`${base}/slack/events`, "signing-secret-for-the-wiring-test", stranger);
      expect(refused.status).toBe(401);
      expect(await app.database.prisma.inboundRequest.count()).toBe(0);
    } finally {
      await app.stop();
    }
  });
});
