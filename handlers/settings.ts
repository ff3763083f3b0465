import type { Reply } from "../src/core/reply.js";
import { t } from "../src/i18n/index.js";
import { renderManagers } from "../src/render/managers.js";
import { renderPeople } from "../src/render/render-context.js";
import { renderSettingChange } from "../src/render/setting-change.js";
import { renderSettings } from "../src/render/settings.js";
import { type AppliedSetting, applySettingChange } from "../src/services/channel-settings.js";
import { parseSettingValue, type SettingChange } from "../src/services/settings-values.js";
import { type AppCommandContext, type AppHandler, defineHandler } from "./services.js";
import { channelReply, errorReply } from "./task-replies.js";

/**
 * settings: show them, list the managers ("quản lý kênh"), or change one. Who may change what is decided before
 * this handler runs (src/core/authorize.ts, by src/core/permissions.ts); every change goes into the channel's history.
 * Settings and changes read back in words ("thứ Hai – thứ Sáu", "16:00 thứ Sáu", "tắt", "24/12/2026").
 */
export const changeSettings: AppHandler = async (command, context) => {
  const { directory } = context.services;
  const setting = command.settings;
  if (setting?.key === "manager" && setting.value === null) {
    const history = await directory.managerHistory(context.channel.id);
    return { visibility: "channel", text: renderManagers(context.channel, history, context.locale) };
  }
  if (!setting || setting.key === "show" || setting.value === null) return showSettings(context);
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
  const text = renderSettingChange(setting.key, change, withPingPolicy(applied, change), locale, context.now);
  // Taking back days that were never declared changes nothing: said as an error, so it is seen as one.
  if (change.kind === "dayoff" && change.remove && applied.days?.length === 0) return errorReply(text);
  return channelReply(text);
};

/** Every setting of the channel, in words, to the person who asked. */
async function showSettings(context: AppCommandContext): Promise<Reply> {
  const { directory } = context.services;
  const [pingPolicy, daysOff] = await Promise.all([
    directory.getPingPolicy(context.channel.id),
    directory.listDaysOff(context.channel.workspaceId, context.now.toISOString().slice(0, 10)),
  ]);
  const extras = { pingPolicy, daysOff, now: context.now };
  return { visibility: "private", text: renderSettings(context.channel, extras, context.locale) };
}

function withPingPolicy(applied: Extract<AppliedSetting, { ok: true }>, change: ValidChange) {
  return { ...applied, pingPolicy: change.kind === "patch" ? change.patch.pingPolicy : undefined };
}

type ValidChange = Exclude<SettingChange, { kind: "invalid" }>;

function refusalText(
  reason: Extract<AppliedSetting, { ok: false }>["reason"],
  change: ValidChange,
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

export const settingsHandler = defineHandler({
  command: "settings",
  claimsInTransaction: false,
  handle: changeSettings,
});
