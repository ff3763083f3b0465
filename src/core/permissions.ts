/**
 * The permission model: who may do what, and where. Every decision about rights is made by a function of this
 * module, whoever asks (the task service's plans for task changes, the bot's middleware for settings, reminders and
 * new assignees, the Slack adapter's buttons through the same bot). Identity is always our member id, which comes
 * from the platform's user id, never from a typed name.
 *
 * Roles, from the widest:
 * - a **workspace admin**: Slack's `is_admin` / `is_owner` (users.info); on Zalo, the people the operator lists in
 *   `ZALO_ADMIN_IDS` or who sent the bot a one-time code from `npm run zalo:claim`; in the terminal chat, its
 *   operator. Manages every channel of the workspace and alone changes what applies to all of them.
 * - a **channel manager**: set by a workspace admin (on Slack the channel's creator is its first manager). Manages
 *   every task and the settings of that one channel.
 * - a task's **creator** and its **assignees**: that task only.
 * - anyone else in the channel: creates tasks and reads.
 *
 * A private chat with the bot gives no power beyond the person's own tasks there (and that chat's own settings,
 * which reach nobody else).
 */
import type { Actor } from "./handler.js";
import type { ChannelSettingsView, PersonView, TaskView } from "./task-view.js";

/** The part of an actor that rights depend on. */
export type Standing = Pick<Actor, "id" | "isManager" | "isWorkspaceAdmin">;

/** Whether a person manages a channel: a workspace admin, or one of the channel's managers. Never for a private chat. */
export function managesChannel(
  person: { id: string; isWorkspaceAdmin: boolean },
  channel: Pick<ChannelSettingsView, "managers">,
): boolean {
  return person.isWorkspaceAdmin || channel.managers.some((manager) => manager.id === person.id);
}

/** Who may change a task (due, assignees, title, cancel, reopen, snooze, reminders): creator, assignee, manager. */
export function canChangeTask(task: TaskView, actor: Pick<Standing, "id" | "isManager">): boolean {
  return actor.isManager || task.creator.id === actor.id || isAssignee(task, actor.id);
}

/** The creator or a manager: closing means closing the whole task, not just one person's part. */
export function canCloseWholeTask(task: TaskView, actor: Pick<Standing, "id" | "isManager">): boolean {
  return actor.isManager || task.creator.id === actor.id;
}

export function isAssignee(task: TaskView, memberId: string): boolean {
  return task.assignees.some((assignee) => assignee.id === memberId);
}

/**
 * What a settings change reaches: `channel` (language, zone, end of day, working days, summary, pings), `managers`
 * (who manages the channel) or `workspace` (days off, which move every channel's deadlines and pings).
 */
export type SettingScope = "channel" | "managers" | "workspace";

/** Why a settings change is refused; null when it is allowed. */
export type SettingRefusal = "needs_manager" | "needs_admin" | null;

/** Whether `actor` may make a change of `scope` in `channel`. */
export function settingRefusal(
  scope: SettingScope,
  actor: Standing,
  channel: Pick<ChannelSettingsView, "isPrivateChat">,
): SettingRefusal {
  if (actor.isWorkspaceAdmin) return null;
  if (scope !== "channel") return "needs_admin";
  // One person's chat with the bot: its own settings reach nobody else.
  if (channel.isPrivateChat || actor.isManager) return null;
  return "needs_manager";
}

/** One row of the README's table "who may do what where"; a test keeps the two the same. */
export interface PermissionRule {
  action: string;
  who: string;
}

/** The model in words, as the README shows it (English; the README gives the Vietnamese command next to it). */
export const PERMISSION_RULES: readonly PermissionRule[] = [
  { action: "create a task; list, show, status, summary, export", who: "anyone in the channel" },
  { action: "acknowledge a task, finish one's own part", who: "that assignee" },
  { action: "close a whole task", who: "its creator, a channel manager, a workspace admin" },
  {
    action: "change a task: due, assignees, title, cancel, reopen, snooze, remind",
    who: "its creator, an assignee, a channel manager, a workspace admin",
  },
  { action: "buttons on a card, wherever it is shown", who: "the same as the command, in the task's own channel" },
  {
    action: "channel settings: language, time zone, end of day, working days, summary, pings",
    who: "a channel manager, a workspace admin; in a private chat, its person",
  },
  { action: "add or remove a channel's managers", who: "a workspace admin" },
  { action: "days off and extra working days (every channel)", who: "a workspace admin" },
  { action: "list a channel's managers and their history", who: "anyone in the channel" },
  // The organisation (handlers/org-*.ts, src/services/org-units.ts): its tree and who sees its roll-up.
  { action: "units, their channels, leaders and roll-up channel", who: "a workspace admin" },
  {
    action: "roll-up of units, their pages on the dashboard",
    who: "the unit's leaders (with every unit under it), a workspace admin",
  },
  {
    action: "a channel's tasks and export on the dashboard",
    who: "anyone in the channel, leaders of a unit above it, a workspace admin",
  },
  { action: "delete the workspace's data (`xóa dữ liệu`, after the bot asks)", who: "a workspace admin" },
];

/** People as the refusal names them: who may do it instead. */
export function allowedPeople(task: TaskView): PersonView[] {
  return [task.creator, ...task.assignees.filter((a) => a.id !== task.creator.id)];
}
