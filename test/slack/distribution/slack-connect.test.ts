import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import type { SlackPost } from "../slack-requests.js";
import { type DistributedHarness, startDistributedHarness } from "./distributed-harness.js";

/**
 * A channel shared through Slack Connect between two workspaces that both installed the app: Slack delivers its
 * events to each installation. The message is served once, by the workspace that owns the channel, whichever
 * delivery comes first; a channel whose owner has not installed the app is served by the installation it came to.
 */
describe("a Slack Connect channel shared by two installed workspaces", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  const OWNER = "TCONNOWN";
  const GUEST = "TCONGUEST";
  const OUTSIDER = "TCONOUT";

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    harness.workspaces.add("A", OWNER);
    harness.workspaces.add("B", GUEST);
    harness.fake.addUser({ id: "U0AN", name: "An" });
    for (const team of [OWNER, GUEST]) expect((await harness.install(team)).status).toBe(200);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  /** One mention in the shared channel, as delivered to the installation of `team`. */
  const delivery = (team: string, owner: string, eventId: string, channel: string, text: string): SlackPost => ({
    contentType: "application/json",
    body: Buffer.from(
      JSON.stringify({
        token: "deprecated-verification-token",
        team_id: team,
        context_team_id: owner,
        api_app_id: "A0ROVIEC",
        type: "event_callback",
        event_id: eventId,
        event_time: 1_700_000_000,
        is_ext_shared_channel: true,
        authorizations: [{ team_id: team, user_id: `UBOT${team}`, is_bot: true, is_enterprise_install: false }],
        event: {
          type: "app_mention",
          channel,
          user: "U0AN",
          text: `<@UBOT${owner}> ${text}`,
          ts: "1700000000.000200",
        },
      }),
    ),
  });

  const tasksIn = (channel: string) =>
    database.prisma.task.findMany({
      where: { channel: { externalId: channel } },
      select: { title: true, channel: { select: { workspace: { select: { externalId: true } } } } },
    });
  const repliesIn = (channel: string) =>
    harness.fake.callsOf("chat.postMessage").filter((c) => c.args.channel === channel);

  it.each([
    ["the owner's delivery first", [OWNER, GUEST]],
    ["the guest's delivery first", [GUEST, OWNER]],
  ])("answers once, in the owning workspace, with %s", async (_order, teams) => {
    const channel = `C0CONN${randomBytes(3).toString("hex").toUpperCase()}`;
    const eventId = `Ev${randomBytes(5).toString("hex")}`;
    for (const team of teams) {
      expect((await harness.post(delivery(team, OWNER, eventId, channel, "giao <@U0AN> soạn hợp đồng"))).status).toBe(
        200,
      );
    }
    await eventually(async () =>
      expect(await tasksIn(channel)).toEqual([
        { title: "soạn hợp đồng", channel: { workspace: { externalId: OWNER } } },
      ]),
    );
    await eventually(() => expect(repliesIn(channel)).toHaveLength(1));
    // A later message shows the second delivery has been passed by: still one task, one answer, with the owner's token.
    await harness.command(OWNER, channel, "U0AN", "danh sách việc");
    expect(await tasksIn(channel)).toHaveLength(1);
    expect(repliesIn(channel).map((call) => call.tokenOwner)).toEqual(["A"]);
  });

  it("reads the guest's delivery mentioning the guest's own bot as a mention of the bot, not of a person", async () => {
    const channel = `C0CONN${randomBytes(3).toString("hex").toUpperCase()}`;
    const post = delivery(GUEST, OWNER, `Ev${randomBytes(5).toString("hex")}`, channel, "giao <@U0AN> ký phụ lục");
    const body = JSON.parse(post.body.toString()) as { event: { text: string } };
    body.event.text = `<@UBOT${GUEST}> giao <@U0AN> ký phụ lục`;
    expect((await harness.post({ ...post, body: Buffer.from(JSON.stringify(body)) })).status).toBe(200);
    await eventually(async () =>
      expect(await tasksIn(channel)).toEqual([{ title: "ký phụ lục", channel: { workspace: { externalId: OWNER } } }]),
    );
    const [task] = await database.prisma.task.findMany({
      where: { channel: { externalId: channel } },
      select: { assignees: { select: { member: { select: { externalId: true } } } } },
    });
    expect(task?.assignees.map((a) => a.member.externalId)).toEqual(["U0AN"]);
  });

  it("leaves a channel whose owner has not installed the app to the installation the event came to", async () => {
    const channel = `C0CONN${randomBytes(3).toString("hex").toUpperCase()}`;
    const eventId = `Ev${randomBytes(5).toString("hex")}`;
    const post = delivery(GUEST, OUTSIDER, eventId, channel, "giao <@U0AN> gửi báo giá");
    const body = JSON.parse(post.body.toString()) as { event: { text: string } };
    body.event.text = `<@UBOT${GUEST}> giao <@U0AN> gửi báo giá`;
    expect((await harness.post({ ...post, body: Buffer.from(JSON.stringify(body)) })).status).toBe(200);
    await eventually(async () =>
      expect(await tasksIn(channel)).toEqual([{ title: "gửi báo giá", channel: { workspace: { externalId: GUEST } } }]),
    );
  });
});
