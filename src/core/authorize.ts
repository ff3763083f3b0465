/**
 * The permission middleware: refuses, before anything is written, what the actor has no right to do where the
 * command acts (src/core/permissions.ts decides). Settings are checked here only. Task changes are decided inside the
 * task service's plans, the one check every path (typed text, buttons, jobs) meets and that holds under races; they
 * are checked here first only where the command would otherwise write something outside the task service: a
 * reminder, or the pending people a reassignment would create.
 */
import { t } from "../i18n/index.js";
import type { ParsedCommand } from "../language/index.js";
import type { MessageContext, Middleware } from "./middleware.js";
import { canChangeTask, type SettingScope, settingRefusal } from "./permissions.js";
import type { CoreServices } from "./ports/index.js";
import type { Reply } from "./reply.js";

export function authorize<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const { parsed } = context;
    if (!parsed.ok) return next();
    const command = parsed.command;
    const refusal =
      command.command === "settings"
        ? settingsRefusal(command, context)
        : command.command === "remind" || command.command === "assign"
          ? await taskChangeRefusal(command, context)
          : null;
    return refusal ? [refusal] : next();
  };
}

/** What a settings command reaches; null when it only shows something. */
function settingScope(command: ParsedCommand): SettingScope | null {
  const setting = command.settings;
  if (!setting || setting.key === "show" || setting.value === null) return null;
  if (setting.key === "manager") return "managers";
  if (setting.key === "dayoff") return "workspace";
  return "channel";
}

function settingsRefusal(command: ParsedCommand, context: MessageContext<CoreServices>): Reply | null {
  const scope = settingScope(command);
  if (!scope) return null;
  const { actor, channel, locale } = context;
  const refusal = settingRefusal(scope, actor, channel);
  if (refusal === null) return null;
  if (refusal === "needs_manager") {
    return privateError(t(locale, "settings.forbidden", { managers: context.words.people(channel.managers, locale) }));
  }
  const what = t(locale, scope === "workspace" ? "settings.what_dayoff" : "settings.what_managers");
  const hint = t(locale, `settings.admin_hint_${channel.platform}`);
  return privateError(t(locale, "settings.needs_admin", { what, hint }));
}

async function taskChangeRefusal(command: ParsedCommand, context: MessageContext<CoreServices>): Promise<Reply | null> {
  const number = command.taskRef ?? 0;
  const { tasks } = context.services;
  const task = context.targetTaskId
    ? await tasks.findTaskById(context.targetTaskId)
    : await tasks.findTask(context.channel.id, number);
  // A task that is not there (or not in this channel) is the handler's to answer: "no task #N here".
  if (!task || task.channelId !== context.channel.id || canChangeTask(task, context.actor)) return null;
  return privateError(context.words.forbidden(task, task.number, context.locale));
}

function privateError(text: string): Reply {
  return { visibility: "private", isError: true, text };
}
