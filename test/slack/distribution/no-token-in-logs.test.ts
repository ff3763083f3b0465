import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.js";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { type DistributedHarness, eventFrom, startDistributedHarness } from "./distributed-harness.js";

/** Install, commands, an uninstall and a failed send, logged at the most verbose level: no token in any line. */
describe("bot tokens never reach a log line", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    harness = await startDistributedHarness(database, createLogger("trace", sink));
    harness.workspaces.add("A", "TLOGA");
    harness.fake.addUser({ id: "U0AN", name: "An" });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("logs the install, the commands and the uninstall without a token or a client secret", async () => {
    expect((await harness.install("TLOGA")).status).toBe(200);
    await harness.command("TLOGA", "C0LOG", "U0AN", "giao <@U0AN> soạn tờ trình");
    harness.fake.failNext("chat.postMessage", { error: "invalid_auth" });
    await harness.command("TLOGA", "C0LOG", "U0AN", "danh sách việc");
    expect((await harness.post(eventFrom("TLOGA", { type: "app_uninstalled" }))).status).toBe(200);
    const token = harness.workspaces.workspaces.get("TLOGA")?.token ?? "";
    await eventually(() => expect(lines.some((line) => line.includes("slack install ended"))).toBe(true));
    const all = lines.join("");
    expect(all).toContain("slack app installed in a workspace");
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/xox[bp]-/);
    expect(all).not.toContain("fake-client-secret-for-tests");
  });
});
