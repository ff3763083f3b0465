import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendError } from "../../../src/core/sender.js";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../../setup/db.js";
import {
  type DistributedHarness,
  eventFrom,
  slashCommandFrom,
  startDistributedHarness,
} from "./distributed-harness.js";

/**
 * Two workspaces installed side by side in one process, using the same channel id (as a channel shared through
 * Slack Connect would): neither ever sees or changes the other's tasks, and every Slack call carries the token of
 * the workspace it is made for.
 */
describe.each(testDatabaseKinds)("two installed workspaces on %s", (kind) => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  const CHANNEL = "C0SAMEID";
  const people = { TISOA: "U0AN", TISOB: "U0BICH" } as const;
  const labels = { TISOA: "A", TISOB: "B" } as const;
  type Team = keyof typeof people;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = await startDistributedHarness(database);
    harness.workspaces.add("A", "TISOA");
    harness.workspaces.add("B", "TISOB");
    harness.fake.addUser({ id: people.TISOA, name: "An" });
    harness.fake.addUser({ id: people.TISOB, name: "Bích" });
    for (const team of ["TISOA", "TISOB"] as const) expect((await harness.install(team)).status).toBe(200);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const say = async (team: Team, text: string) =>
    JSON.stringify(await harness.command(team, CHANNEL, people[team], text));

  const titlesIn = async (team: Team) =>
    (
      await database.prisma.task.findMany({
        where: { channel: { workspace: { externalId: team } } },
        select: { title: true },
      })
    ).map((t) => t.title);

  it("keeps each workspace's tasks to itself, whatever the two send in whatever order", async () => {
    let made = 0;
    const action = fc.record({
      team: fc.constantFrom<Team>("TISOA", "TISOB"),
      verb: fc.constantFrom("add", "list", "show", "done"),
      number: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 2, maxLength: 6 }), async (actions) => {
        for (const { team, verb, number } of actions) {
          const own = labels[team];
          const other = own === "A" ? "B" : "A";
          const text =
            verb === "add"
              ? `giao <@${people[team]}> soạn công văn ${own}${++made}`
              : verb === "list"
                ? "danh sách việc"
                : verb === "show"
                  ? `xem #${number}`
                  : `xong #${number}`;
          const answer = await say(team, text);
          expect(answer).not.toMatch(new RegExp(`công văn ${other}\\d`));
        }
        for (const team of ["TISOA", "TISOB"] as const) {
          const other = labels[team] === "A" ? "B" : "A";
          for (const title of await titlesIn(team)) expect(title).not.toMatch(new RegExp(`${other}\\d`));
        }
      }),
      { numRuns: 5 },
    );
    // Every call to Slack carried a workspace's token, and each person was looked up with their own workspace's.
    // (oauth.v2.access is the install's code exchange, made with the app's client id and secret instead.)
    const withToken = harness.fake.calls.filter((call) => call.method !== "oauth.v2.access");
    for (const call of withToken) expect(call.tokenOwner, call.method).toBeDefined();
    for (const call of harness.fake.callsOf("users.info")) {
      expect(call.tokenOwner).toBe(call.args.user === people.TISOA ? "A" : "B");
    }
  });

  it("finishing #1 in one workspace leaves the other's #1 open", async () => {
    await say("TISOA", "giao <@U0AN> lập kế hoạch A-riêng");
    await say("TISOB", "giao <@U0BICH> lập kế hoạch B-riêng");
    const numberOf = async (team: Team, title: string) =>
      (
        await database.prisma.task.findFirstOrThrow({
          where: { title, channel: { workspace: { externalId: team } } },
          select: { number: true },
        })
      ).number;
    const a = await numberOf("TISOA", "lập kế hoạch A-riêng");
    const b = await numberOf("TISOB", "lập kế hoạch B-riêng");
    await say("TISOA", `xong #${a}`);
    const status = (team: Team, title: string) =>
      database.prisma.task.findFirstOrThrow({
        where: { title, channel: { workspace: { externalId: team } } },
        select: { status: true },
      });
    expect(await status("TISOA", "lập kế hoạch A-riêng")).toEqual({ status: "done" });
    expect(await status("TISOB", "lập kế hoạch B-riêng")).toEqual({ status: "open" });
    expect(b).toBeGreaterThan(0);
  });

  it("sends each outbox message with its own workspace's token; an uninstalled workspace gets nothing, the other goes on", async () => {
    await say("TISOA", "giao <@U0AN> gửi báo cáo tuần A");
    await say("TISOB", "giao <@U0BICH> gửi báo cáo tuần B");
    const outboxFor = async (team: Team) => {
      const channel = await database.prisma.channel.findFirstOrThrow({
        where: { externalId: CHANNEL, workspace: { externalId: team } },
        select: { id: true },
      });
      const row = await database.prisma.outboxMessage.create({
        data: { channelId: channel.id, platform: "slack", target: CHANNEL, payload: {} },
        select: { id: true },
      });
      return row.id;
    };
    const reply = (text: string) => ({ visibility: "channel" as const, text });
    const posts = () => harness.fake.callsOf("chat.postMessage");

    const before = posts().length;
    await harness.adapter.sender.send(CHANNEL, reply("nhắc A"), { outboxId: await outboxFor("TISOA") });
    await harness.adapter.sender.send(CHANNEL, reply("nhắc B"), { outboxId: await outboxFor("TISOB") });
    expect(
      posts()
        .slice(before)
        .map((c) => [c.tokenOwner, c.args.text]),
    ).toEqual([
      ["A", "nhắc A"],
      ["B", "nhắc B"],
    ]);

    // B uninstalls: Slack tells us with app_uninstalled (while the installation is still known, so it is admitted).
    const uninstall = await harness.post(eventFrom("TISOB", { type: "app_uninstalled" }));
    expect(uninstall.status).toBe(200);
    await eventually(async () =>
      expect(await (() => harness.distribution.installations.isInstalled({ teamId: "TISOB" }))()).toBe(false),
    );
    const refused = harness.adapter.sender.send(CHANNEL, reply("nhắc B lần 2"), { outboxId: await outboxFor("TISOB") });
    await expect(refused).rejects.toBeInstanceOf(SendError);
    await expect(refused).rejects.toMatchObject({ options: { retryable: false, code: "not_installed" } });
    const command = await harness.post(
      slashCommandFrom("TISOB", {
        channel: CHANNEL,
        user: people.TISOB,
        text: "danh sách việc",
        responseUrl: harness.fake.responseUrl("after-uninstall"),
      }),
    );
    expect(command.status).toBe(401);
    await harness.adapter.sender.send(CHANNEL, reply("nhắc A lần 2"), { outboxId: await outboxFor("TISOA") });
    expect(posts().at(-1)).toMatchObject({ tokenOwner: "A", args: { text: "nhắc A lần 2" } });
    // B's tasks are kept; installing again resumes its sends.
    expect(await titlesIn("TISOB")).toContain("gửi báo cáo tuần B");
    expect((await harness.install("TISOB")).status).toBe(200);
    await harness.adapter.sender.send(CHANNEL, reply("nhắc B lần 3"), { outboxId: await outboxFor("TISOB") });
    expect(posts().at(-1)).toMatchObject({ tokenOwner: "B", args: { text: "nhắc B lần 3" } });
  });
});
