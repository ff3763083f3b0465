import type { PermissionCatalogue } from "./messages.js";

/** English texts of the permission model, the caps and people resolution. */
export const enPermissions: PermissionCatalogue = {
  "task.title_cut": ({ number, max }) =>
    `The title was longer than ${max} characters, so I cut it. To change it, type "rename #${number} <new title>".`,
  "people.too_many": ({ count, max }) =>
    `A task can have at most ${max} assignees; you named ${count}. Nothing was saved. Split it into several tasks, e.g. "assign @Lan @Minh prepare the file".`,
  "people.broadcast": ({ name }) =>
    `"@${name}" is the whole group, not a person, so it cannot take a task. Nothing was saved. Name each person, e.g. "assign @Lan @Minh send the report".`,
  "people.unknown": ({ names }) =>
    `I don't know who ${names} is in this channel yet. They need to write here once, or type their name exactly as they display it.`,
  "people.ambiguous": ({ name, candidates, howTo }) =>
    `More than one person here is called "${name}":\n${candidates}\nI saved nothing, so as not to assign the wrong person. ${howTo}`,
  "people.candidate": ({ person, hint }) => `• ${person}${hint}`,
  "people.candidate_seen": ({ at }) => ` — last wrote here ${at}`,
  "people.candidate_pending": () => " — a name typed before; this person has not written here yet",
  "people.candidate_id": ({ id }) => ` (id …${id})`,
  "people.how_to_mention": () =>
    "Please send the command again and pick the person from the list that opens when you type @.",
  "people.example_assign": ({ name }) => `assign @${name} prepare the report`,
  "people.how_to_typed": ({ example }) => `Please send the command again with the full name, e.g. "${example}".`,
  "people.same_full_name": () =>
    `Some share the full name too: ask one of them to add a word to their display name (e.g. "Hoa Accounts"), then send the command again.`,
  "people.confirmed": ({ typed, person, count }) =>
    `Noted: "${typed}" is ${person}; ${count} task(s) moved to ${person}.`,
  "people.confirm_none": ({ typed }) =>
    `You typed no name "${typed}" in this channel that still waits for its person, so nothing changed.`,
  "settings.needs_admin": ({ what, hint }) =>
    `Sorry, only a workspace admin can change ${what}. Nothing was saved. ${hint}`,
  "settings.admin_hint_slack": () => "Admins are the Slack workspace's Admins and Owners.",
  "settings.admin_hint_zalo": () =>
    "On Zalo, admins are named by whoever runs the bot (ZALO_ADMIN_IDS, or npm run zalo:claim).",
  "settings.admin_hint_console": () => "In the terminal chat, the admin is the person at the terminal.",
  "settings.what_dayoff": () => "days off and extra working days (they apply to every channel)",
  "settings.what_managers": () => "a channel's managers",
  "settings.manager_private_chat": () => "A private chat with the bot has no managers; set managers in a group.",
  "settings.manager_no_change": ({ people, mode }) =>
    mode === "add" ? `${people} already manages this channel.` : `${people} does not manage this channel.`,
  "managers.list": ({ managers }) => `*Channel managers*: ${managers}`,
  "managers.none": () => `This channel has no manager yet. A workspace admin adds one with "add manager @Name".`,
  "managers.history_title": () => "Recent changes:",
  "managers.history_added": ({ person, by, at }) => `• ${at}: ${by} made ${person} a manager`,
  "managers.history_removed": ({ person, by, at }) => `• ${at}: ${by} removed ${person} as manager`,
  "managers.history_creator": ({ person, at }) => `• ${at}: ${person} created the channel, so is its first manager`,
  "remind.too_many": ({ number, max }) =>
    `Task #${number} already has ${max} reminders waiting; I can't add more. Nothing was saved.`,
  "admin.claimed": () =>
    `Confirmed: you are now an admin of the bot. You can set each group's managers ("add manager @Name") and shared days off ("settings dayoff 2027-01-02").`,
  "admin.claim_invalid": () =>
    "This code is wrong, already used or expired. Ask whoever runs the bot to run npm run zalo:claim for a new one.",
  "admin.claim_in_group": () =>
    "Admin codes are only sent to the bot privately. The code just sent in the group is now void; ask for a new one and send it to the bot privately.",
  "history.assignee_bound": ({ pending, person }) => `"${pending}" is ${person}`,
  "reply.more_tasks": ({ count }) => `… and ${count} more tasks. See each with "show #number".`,
  "reply.shortened": () => "… (a long message, shortened)",
};
