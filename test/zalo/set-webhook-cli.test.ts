import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeZaloServer } from "./fake-zalo-server.js";

const run = promisify(execFile);
let server: FakeZaloServer;
beforeEach(async () => {
  server = await new FakeZaloServer().start();
});
afterEach(() => server.close());

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/platforms/zalo/set-webhook-cli.ts", ...args], {
      env: {
        ...process.env,
        ZALO_BOT_TOKEN: server.token,
        ZALO_API_BASE_URL: server.url,
        ZALO_WEBHOOK_SECRET: "cli-secret-123",
        ...env,
      },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

// Each run starts tsx in a child process (a few seconds under load), hence the longer timeout.
describe("npm run zalo:webhook", { timeout: 60_000 }, () => {
  it("registers the URL with the secret", async () => {
    const result = await cli(["https://bot.example.vn/zalo/webhook"]);
    expect(result.code).toBe(0);
    expect(server.callsTo("setWebhook")[0]?.body).toEqual({
      url: "https://bot.example.vn/zalo/webhook",
      secret_token: "cli-secret-123",
    });
    expect(result.output).toContain("Webhook registered");
  });

  it("refuses a non-https URL and never prints the token when Zalo refuses", async () => {
    expect((await cli(["http://insecure.example/zalo/webhook"])).code).toBe(2);
    server.script("setWebhook", { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    const refused = await cli(["https://bot.example.vn/zalo/webhook"]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("401");
    expect(refused.output).not.toContain(server.token.split(":")[1]);
  });
});
