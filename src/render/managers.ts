import type { ChannelEventView } from "../core/channel-event-view.js";
import type { Locale } from "../core/incoming.js";
import { personToken } from "../core/reply.js";
import type { ChannelSettingsView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { formatMoment, renderPeople } from "./render-context.js";

interface StoredPerson {
  id?: string;
  name?: string;
  reason?: string;
}

/** "Quản lý kênh: @Lan, @Minh" and the latest changes of the channel's managers, who made them and when. */
export function renderManagers(
  channel: Pick<ChannelSettingsView, "managers" | "timezone">,
  history: readonly ChannelEventView[],
  locale: Locale,
): string {
  const lines = [
    channel.managers.length > 0
      ? t(locale, "managers.list", { managers: renderPeople(channel.managers, locale) })
      : t(locale, "managers.none"),
  ];
  if (history.length > 0) lines.push("", t(locale, "managers.history_title"));
  for (const event of history) {
    const stored = (event.newValue ?? {}) as StoredPerson;
    const person = personToken({ id: stored.id ?? "", externalId: null, displayName: stored.name ?? "?" });
    const at = formatMoment(event.createdAt, channel);
    const by = event.actor ? personToken(event.actor) : t(locale, "history.system");
    if (stored.reason === "channel_creator") lines.push(t(locale, "managers.history_creator", { person, at }));
    else if (event.action === "manager_removed") lines.push(t(locale, "managers.history_removed", { person, by, at }));
    else lines.push(t(locale, "managers.history_added", { person, by, at }));
  }
  return lines.join("\n");
}
