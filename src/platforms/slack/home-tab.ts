import type { HomeView, KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import type { HomeService, HomeTask, MyTasks } from "../../services/home-service.js";
import { describeSlackFailure } from "./slack-errors.js";
import { type DueDescriber, renderTaskCard } from "./task-card.js";
import type { UserDirectory } from "./user-directory.js";

/** Slack's cap on blocks in a Home tab view. */
const MAX_HOME_BLOCKS = 100;

export interface HomeTabOptions {
  client: WebClient;
  homeService: HomeService;
  directory: UserDirectory;
  describeDue: DueDescriber;
  logger: Logger;
  defaultTimezone: string;
}

const SECTIONS: { key: keyof MyTasks; title: string; empty: string }[] = [
  { key: "overdue", title: "🔴 Quá hạn / Overdue", empty: "Không có việc quá hạn. / Nothing overdue." },
  { key: "dueThisWeek", title: "🟠 Hạn trong tuần / Due this week", empty: "Không có. / None." },
  { key: "later", title: "🔵 Sau này / Later", empty: "Không có. / None." },
  { key: "doneRecently", title: "✅ Vừa xong / Done recently", empty: "Chưa có. / None yet." },
];

/**
 * The App Home tab "Việc của tôi / My tasks": the person's open tasks across channels (overdue, due this week,
 * later) and what they finished recently, published on app_home_opened and again whenever a command changes one
 * of their tasks.
 */
export class HomeTab {
  constructor(private readonly options: HomeTabOptions) {}

  async publish(teamId: string, userId: string): Promise<void> {
    const { client, homeService, directory, logger, defaultTimezone } = this.options;
    try {
      const user = await directory.lookup(teamId, userId);
      const tasks = await homeService.myTasks(
        { platform: "slack", workspaceExternalId: teamId, memberExternalId: userId },
        new Date(),
        user.timezone ?? defaultTimezone,
      );
      await client.views.publish({ user_id: userId, view: this.render(tasks) });
    } catch (error) {
      logger.warn({ failure: describeSlackFailure("views.publish", error), userId }, "slack home tab not published");
    }
  }

  /** Refreshes several people's Home tabs, one after another (views.publish is Tier 4). */
  refresh(teamId: string, userIds: string[]): void {
    void (async () => {
      for (const userId of userIds) await this.publish(teamId, userId);
    })();
  }

  render(tasks: MyTasks): HomeView {
    const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: "Việc của tôi / My tasks" } }];
    let hidden = 0;
    for (const section of SECTIONS) {
      const items: HomeTask[] = tasks[section.key];
      blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${section.title}* (${items.length})` } });
      if (items.length === 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: section.empty }] });
      for (const item of items) {
        const card = renderTaskCard(item.task, this.options.describeDue, item.channelExternalId);
        // Keep room for the remaining section headers and the "more" note.
        if (blocks.length + card.length > MAX_HOME_BLOCKS - 2 * SECTIONS.length - 1) {
          hidden++;
          continue;
        }
        blocks.push(...card);
      }
      blocks.push({ type: "divider" });
    }
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
