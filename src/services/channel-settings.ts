import type { Actor } from "../core/handler.js";
import type { ChannelSettingsView, PersonView } from "../core/task-view.js";
import type { DayOffView, DirectoryService } from "./directory-service.js";
import type { SettingChange } from "./settings-values.js";

export type AppliedSetting =
  | {
      ok: true;
      channel: ChannelSettingsView;
      becameManager: boolean;
      /** For a change of declared days: the days written, or taken back (none when none was declared). */
      days?: DayOffView[];
    }
  | { ok: false; reason: "no_people" };

/**
 * Applies one settings change. The rule for a channel without managers: anyone may change its settings, and the
 * first person who does becomes its manager (the permission middleware lets them through).
 */
export async function applySettingChange(
  directory: DirectoryService,
  channel: ChannelSettingsView,
  actor: Actor,
  change: Exclude<SettingChange, { kind: "invalid" }>,
  people: PersonView[],
): Promise<AppliedSetting> {
  if (change.kind === "managers" && people.length === 0) return { ok: false, reason: "no_people" };
  const claimsChannel = channel.managers.length === 0 && !channel.isPrivateChat;
  if (claimsChannel) await directory.addManagers(channel.id, [actor.id]);
  if (change.kind === "patch") await directory.updateChannelSettings(channel.id, change.patch);
  const days =
    change.kind !== "dayoff"
      ? undefined
      : change.remove
        ? await directory.removeDaysOff(channel.workspaceId, change.from, change.to, change.isWorkingDay)
        : await directory.setDaysOff(channel.workspaceId, change.from, change.to, change.isWorkingDay);
  if (change.kind === "managers") {
    const ids = people.map((person) => person.id);
    if (change.mode === "add") await directory.addManagers(channel.id, ids);
    else await directory.removeManagers(channel.id, ids);
  }
  return {
    ok: true,
    channel: await directory.getChannelSettings(channel.id),
    becameManager: claimsChannel,
    ...(days ? { days } : {}),
  };
}
