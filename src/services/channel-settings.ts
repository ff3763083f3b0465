import type { Actor } from "../core/handler.js";
import type { SettingScope } from "../core/permissions.js";
import type { ChannelSettingsView, PersonView } from "../core/task-view.js";
import type { DayOffView, DirectoryService } from "./directory-service.js";
import type { SettingChange } from "./settings-values.js";

export type AppliedSetting =
  | {
      ok: true;
      channel: ChannelSettingsView;
      /** For a change of managers: the people whose standing changed. */
      changedPeople: PersonView[];
      /** For a change of declared days: the days written, or taken back (none when none was declared). */
      days?: DayOffView[];
    }
  | { ok: false; reason: "no_people" | "private_chat" | "no_change" };

type ValidChange = Exclude<SettingChange, { kind: "invalid" }>;

/** What a change reaches, for the permission model: managers, the whole workspace (days off), or one channel. */
export function scopeOf(change: ValidChange): SettingScope {
  if (change.kind === "managers") return "managers";
  if (change.kind === "dayoff") return "workspace";
  return "channel";
}

/**
 * Applies one settings change the caller is allowed to make (the bot's authorize middleware decided). Every change
 * goes into the channel's history with the actor.
 */
export async function applySettingChange(
  directory: DirectoryService,
  channel: ChannelSettingsView,
  actor: Actor,
  change: ValidChange,
  people: PersonView[],
): Promise<AppliedSetting> {
  if (change.kind === "managers") {
    if (channel.isPrivateChat) return { ok: false, reason: "private_chat" };
    if (people.length === 0) return { ok: false, reason: "no_people" };
    const applied = await directory.changeManagers(channel.id, actor.id, change.mode, people);
    if (applied.changed.length === 0) return { ok: false, reason: "no_change" };
    return { ok: true, channel: applied.channel, changedPeople: applied.changed };
  }
  if (change.kind === "patch") {
    return {
      ok: true,
      channel: await directory.updateChannelSettings(channel.id, change.patch, actor.id),
      changedPeople: [],
    };
  }
  const declaredIn = { channelId: channel.id, actorId: actor.id };
  const days = change.remove
    ? await directory.removeDaysOff(channel.workspaceId, change.from, change.to, change.isWorkingDay, declaredIn)
    : await directory.setDaysOff(channel.workspaceId, change.from, change.to, change.isWorkingDay, declaredIn);
  return { ok: true, channel, changedPeople: [], days };
}
