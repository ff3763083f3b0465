import { personToken, type Reply } from "../src/core/reply.js";
import type { AppCommandContext, AppHandler } from "../src/core/services.js";
import { t } from "../src/i18n/index.js";
import { renderPeople } from "../src/render/render-context.js";
import { renderSettingChange } from "../src/render/setting-change.js";
import { renderSettings } from "../src/render/settings.js";
import { applySettingChange } from "../src/services/channel-settings.js";
import { parseSettingValue } from "../src/services/settings-values.js";
import { channelReply, errorReply } from "./task-replies.js";

/**
 * settings: show them, or change one (managers only; see requireManagerForSettings for the first-manager rule). Both
 * read back in words ("thứ Hai – thứ Sáu", "16:00 thứ Sáu", "tắt", "24/12/2026").
 */
export const changeSettings: AppHandler = async (command, context) => {
  const { directory } = context.services;
  const setting = command.settings;
  if (!setting || setting.key === "show" || (setting.value === null && setting.key !== "manager")) {
    return showSettings(context);
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
  if (!applied.ok) return errorReply(t(context.locale, "settings.manager_missing"));
  const locale = applied.channel.locale;
  if (change.kind === "dayoff" && change.remove && applied.days?.length === 0) {
    return errorReply(renderSettingChange(setting.key, change, applied, locale, context.now));
  }
  const pingPolicy = change.kind === "patch" ? change.patch.pingPolicy : undefined;
  const lines = [
    change.kind === "managers"
      ? t(locale, change.mode === "add" ? "settings.manager_added" : "settings.manager_removed", {
          people: renderPeople(people, locale),
        })
      : renderSettingChange(setting.key, change, { ...applied, pingPolicy }, locale, context.now),
  ];
  if (applied.becameManager) lines.push(t(locale, "settings.became_manager", { person: personToken(context.actor) }));
  return channelReply(lines.join("\n"));
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
