import type { HomeView, KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import type { CreatedTasksQuery } from "../../services/created-tasks.js";
import type { HomeSeries, HomeService, HomeTask, MyTasks } from "../../services/home-service.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { describeSlackFailure } from "./slack-errors.js";
import { type DueDescriber, renderTaskCard } from "./task-card.js";
import type { UserDirectory } from "./user-directory.js";

/**
 * How long a change waits before the Home tab is re-published. Several commands touching one person within this
 * time cost one publish (it reads their tasks afresh, so it shows all of them), not one each.
 */
const REFRESH_DELAY_MS = 2_000;

/**
 * How long after opening the Home tab a person still counts as looking at it. Only they get a re-publish when a
 * command changes their tasks: every open publishes afresh anyway (app_home_opened), so re-publishing for people
 * who are not looking costs a database read and a large views.publish each for nothing (with 200 people and 170
 * commands a second that was most of what the bot did).
 */
const VIEWING_FOR_MS = 60 * 60_000;

/** Slack's cap on blocks in a Home tab view. */
const MAX_HOME_BLOCKS = 100;

export interface HomeTabOptions {
  client: WebClient;
  homeService: HomeService;
  /** Tasks the person created for others ("Việc tôi giao / Tasks I assigned"); the section is left out without it. */
  createdTasks?: CreatedTasksQuery;
  directory: UserDirectory;
  describeDue: DueDescriber;
  logger: Logger;
  defaultTimezone: string;
  /** The app's clock: what is overdue or due today is judged by it. */
  clock: () => Date;
}

/** What the Home tab shows: the person's own tasks, and the open tasks they gave others. */
export interface HomeContent extends MyTasks {
  assignedByMe: HomeTask[];
  /** The person's recurring series (#L…); the section is left out when there are none. */
  series?: HomeSeries[];
}

const SECTIONS: { key: Exclude<keyof HomeContent, "series">; title: string; empty: string }[] = [
  { key: "overdue", title: "🔴 Quá hạn / Overdue", empty: "Không có việc quá hạn. / Nothing overdue." },
  { key: "dueThisWeek", title: "🟠 Hạn trong tuần / Due this week", empty: "Không có. / None." },
  { key: "later", title: "🔵 Sau này / Later", empty: "Không có. / None." },
  { key: "doneRecently", title: "✅ Vừa xong / Done recently", empty: "Chưa có. / None yet." },
  {
    key: "assignedByMe",
    title: "📤 Việc tôi giao / Tasks I assigned",
    empty: "Bạn chưa giao việc nào đang mở. / No open tasks you assigned.",
  },
];

/**
 * The App Home tab "Việc của tôi / My tasks": the person's open tasks across channels (overdue, due this week,
 * later), what they finished recently, and the open tasks they gave others. Published afresh on every
 * app_home_opened and whenever a Slack command changes one of their tasks; changes from pings or other platforms
 * show on the next open.
 */
export class HomeTab {
  /** People whose refresh is scheduled and not yet started, by team and user id. */
  private readonly pending = new Set<string>();
  /** Refreshes run one after another (views.publish is Tier 4, and each one reads the database). */
  private chain: Promise<void> = Promise.resolve();
  /** When each person (team and user id) last opened or used their Home tab, in ms. */
  private readonly viewing = new Map<string, number>();

  constructor(
    private readonly options: HomeTabOptions,
    /** Real time in ms: "opened within the hour" is about the person at their screen, not the app's clock. */
    private readonly now: () => number = Date.now,
  ) {}

  /** The person opened their Home tab: publish it afresh, and keep it fresh while they may be looking. */
  async opened(teamId: string, userId: string): Promise<void> {
    this.noteViewing(teamId, userId);
    await this.publish(teamId, userId);
  }

  /** The person is looking at their Home tab (they pressed a button on it). */
  noteViewing(teamId: string, userId: string): void {
    const key = `${teamId}\u0000${userId}`;
    // Re-inserted so the map stays in order of last use, and the stale end can be trimmed from the front.
    this.viewing.delete(key);
    this.viewing.set(key, this.now());
    for (const [oldest, at] of this.viewing) {
      if (this.now() - at <= VIEWING_FOR_MS) break;
      this.viewing.delete(oldest);
    }
  }

  private isViewing(key: string): boolean {
    const at = this.viewing.get(key);
    return at !== undefined && this.now() - at <= VIEWING_FOR_MS;
  }

  async publish(teamId: string, userId: string): Promise<void> {
    const { client, homeService, directory, logger, defaultTimezone, clock } = this.options;
    try {
      const user = await directory.lookup(teamId, userId);
      const who = { platform: "slack" as const, workspaceExternalId: teamId, memberExternalId: userId };
      const [tasks, assignedByMe, series] = await Promise.all([
        homeService.myTasks(who, clock(), user.timezone ?? defaultTimezone),
        this.options.createdTasks?.createdBy(who) ?? [],
        homeService.mySeries(who),
      ]);
      // No view hash: the newest render always wins, whatever an earlier publish showed.
      await client.views.publish({ user_id: userId, view: this.render({ ...tasks, assignedByMe, series }) });
    } catch (error) {
      logger.warn({ failure: describeSlackFailure("views.publish", error), userId }, "slack home tab not published");
    }
  }

  /**
   * Refreshes soon (trailing debounce per person), one after another, the Home tabs of those of these people who
   * opened theirs within the last hour. A person already waiting for a refresh is not queued twice: the refresh to
   * come reads their tasks when it runs.
   */
  refresh(teamId: string, userIds: string[], delayMs = REFRESH_DELAY_MS): void {
    for (const userId of userIds) {
      const key = `${teamId}\u0000${userId}`;
      if (!this.isViewing(key) || this.pending.has(key)) continue;
      this.pending.add(key);
      const timer = setTimeout(() => {
        this.chain = this.chain.then(() => {
          this.pending.delete(key);
          return this.publish(teamId, userId);
        });
      }, delayMs);
      // A refresh still waiting must not keep a stopping process alive; the next open shows the tasks anyway.
      timer.unref();
    }
  }

  render(tasks: HomeContent): HomeView {
    const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: "Việc của tôi / My tasks" } }];
    let hidden = 0;
    const sections = SECTIONS.filter((s) => s.key !== "assignedByMe" || this.options.createdTasks);
    const series = seriesBlocks(tasks.series ?? []);
    for (const section of sections) {
      const items: HomeTask[] = tasks[section.key];
      blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${section.title}* (${items.length})` } });
      if (items.length === 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: section.empty }] });
      for (const item of items) {
        const card = renderTaskCard(item.task, this.options.describeDue, item.channelExternalId);
        // Keep room for the remaining section headers and the "more" note.
        if (blocks.length + card.length > MAX_HOME_BLOCKS - 2 * sections.length - 1 - series.length) {
          hidden++;
          continue;
        }
        blocks.push(...card);
      }
      blocks.push({ type: "divider" });
    }
    blocks.push(...series);
    if (hidden > 0) {
      blocks.push({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `… và ${hidden} việc khác: gõ \`/task list mine\` / and ${hidden} more: type \`/task list mine\``,
          },
        ],
      });
    }
    return { type: "home", blocks };
  }
}

/** "🔁 Việc định kỳ / Recurring tasks": one line per series in one block (Slack caps a text block at 3,000 chars). */
function seriesBlocks(series: readonly HomeSeries[]): KnownBlock[] {
  if (series.length === 0) return [];
  const lines = series.map(
    (s) =>
      `• *#L${s.number}* ${escapeMrkdwn(s.title)} — ${escapeMrkdwn(s.rule)} — <#${s.channelExternalId}>${s.paused ? " ⏸️" : ""}`,
  );
  const text = lines.join("\n").slice(0, 2_900);
  return [
    { type: "section", text: { type: "mrkdwn", text: `*🔁 Việc định kỳ / Recurring tasks* (${series.length})` } },
    { type: "section", text: { type: "mrkdwn", text } },
    { type: "divider" },
  ];
}
