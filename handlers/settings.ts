import type { AppCommandContext, AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { renderManagers } from "../src/render/managers.js";
import { renderPeople } from "../src/render/render-context.js";
import { renderSettings } from "../src/render/settings.js";
import { type AppliedSetting, applySettingChange } from "../src/services/channel-settings.js";
import { parseSettingValue, type SettingChange } from "../src/services/settings-values.js";
import { channelReply, errorReply } from "./task-replies.js";

/**
 * settings: show them, list the managers ("quản lý kênh"), or change one. Who may change what is decided before
 * this handler runs (src/core/authorize.ts, by src/core/permissions.ts); every change goes into the channel's history.
 */
export const changeSettings: AppHandler = async (command, context) => {
  const { directory } = context.services;
  const setting = command.settings;
  if (setting?.key === "manager" && setting.value === null) {
    const history = await directory.managerHistory(context.channel.id);
    return { visibility: "channel", text: renderManagers(context.channel, history, context.locale) };
  }
  if (!setting || setting.key === "show" || setting.value === null) {
    const [pingPolicy, daysOff] = await Promise.all([
      directory.getPingPolicy(context.channel.id),
      directory.listDaysOff(context.channel.workspaceId, context.now.toISOString().slice(0, 10)),
    ]);
    return { visibility: "private", text: renderSettings(context.channel, { pingPolicy, daysOff }, context.locale) };
  }
  const label = t(context.locale, `settings.label.${setting.key}`);
  const change = parseSettingValue(setting.key, setting.value ?? "", context.locale);
  if (change.kind === "invalid") {
    return errorReply(
      t(context.locale, "settings.bad_value", { key: label, value: setting.value ?? "", example: change.example }),
    );
  }
  const people = context.mentioned ?? [];
  const applied = await applySettingChange(directory, context.channel, context.actor, change, people);
  if (!applied.ok) return errorReply(refusalText(applied.reason, change, context));
  const locale = applied.channel.locale;
  if (change.kind === "managers") {
    const id = change.mode === "add" ? "settings.manager_added" : "settings.manager_removed";
    return channelReply(t(locale, id, { people: renderPeople(applied.changedPeople, locale) }));
  }
  if (change.kind === "dayoff")
    return channelReply(t(locale, "settings.day_off_added", { day: change.day, working: change.isWorkingDay }));
  return channelReply(
    t(locale, "settings.updated", { what: `${t(locale, `settings.label.${setting.key}`)} = ${setting.value}` }),
  );
};

function refusalText(
  reason: Extract<AppliedSetting, { ok: false }>["reason"],
  change: Exclude<SettingChange, { kind: "invalid" }>,
  context: AppCommandContext,
): string {
  const { locale } = context;
  if (reason === "private_chat") return t(locale, "settings.manager_private_chat");
  if (reason === "no_change" && change.kind === "managers") {
    return t(locale, "settings.manager_no_change", {
      people: renderPeople(context.mentioned ?? [], locale),
      mode: change.mode,
    });
  }
  return t(locale, "settings.manager_missing");
}
