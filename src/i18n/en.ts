import { enConversation } from "./en-conversation.js";
import { enJobs } from "./en-jobs.js";
import { enPermissions } from "./en-permissions.js";
import { enTerminal } from "./en-terminal.js";
import type { Catalogue } from "./messages.js";

/** English texts, kept beside the Vietnamese ones message by message. */
export const en: Catalogue = {
  ...enConversation,
  "task.created": ({ number, title, assignees, due }) =>
    [
      `Created task *#${number}*: ${title}`,
      assignees ? `Assigned to: ${assignees}` : "Not assigned to anyone yet.",
      due ? `due: ${due}` : "No due date.",
    ].join("\n"),
  "task.due_line": ({ absolute, relative }) =>
    // formatRelative may carry its own parentheses ("còn 6 ngày (5 ngày làm việc)"): no nesting.
    relative ? (relative.includes("(") ? `${absolute}, ${relative}` : `${absolute} (${relative})`) : absolute,
  "task.no_due": () => "no due date",
  "task.closed": ({ number, title }) => `Closed task *#${number}*: ${title}. Thanks, everyone!`,
  "task.part_done": ({ number, remaining }) =>
    `Noted: your part of task *#${number}* is done. Still waiting for: ${remaining}.`,
  "task.all_finished": ({ number, title }) => `Everyone finished their part: task *#${number}* (${title}) is done.`,
  "task.reopened": ({ number, title }) => `Reopened task *#${number}*: ${title}.`,
  "task.cancelled": ({ number, title }) => `Cancelled task *#${number}*: ${title}.`,
  "task.due_changed": ({ number, oldDue, newDue }) =>
    `Changed the due date of task *#${number}*: ${oldDue} → due: ${newDue}.`,
  "task.due_removed": ({ number, oldDue }) => `Removed the due date of task *#${number}* (was: ${oldDue}).`,
  "task.assignees_changed": ({ number, oldAssignees, newAssignees }) =>
    `Changed who works on task *#${number}*: ${oldAssignees} → ${newAssignees}.`,
  "task.renamed": ({ number, oldTitle, newTitle }) => `Renamed task *#${number}*: "${oldTitle}" → "${newTitle}".`,
  "task.acknowledged": ({ number, title, due }) =>
    due ? `You took task *#${number}*: ${title} — due: ${due}.` : `You took task *#${number}*: ${title}.`,
  "task.vague_due": ({ word, nextWorkingDay }) =>
    `("${word}" is taken as by the end of ${nextWorkingDay ? "the next working day" : "today's working day"}.)`,
  "task.no_due_to_shift": ({ number }) =>
    `Task *#${number}* has no due date yet, so it cannot be extended. Please give the new date, e.g. due #${number} friday.`,
  "task.not_found": ({ number }) => `This channel has no task *#${number}*. Type "list" to see the open tasks.`,
  "task.forbidden": ({ number, allowed }) =>
    `Sorry, you can't change task *#${number}*. Only ${allowed} or a channel manager can do that.`,
  "task.conflict": ({ number }) =>
    `Task *#${number}* was changed by someone else at the same moment, so your change was not saved. Here it is now; please check and try again:`,
  "task.not_assignee": ({ number }) =>
    `Task *#${number}* is not assigned to you, so there is nothing to take. Ask whoever assigned it to add you.`,
  "task.already_closed": ({ number, status }) => `Task *#${number}* is already ${status}.`,
  "task.already_open": ({ number }) => `Task *#${number}* is still open; no need to reopen it.`,
  "task.already_acknowledged": ({ number }) => `You already took task *#${number}*.`,
  "task.already_done_by_you": ({ number }) => `You already finished your part of task *#${number}*.`,
  "task.not_open": ({ number, status }) =>
    `Task *#${number}* is ${status} and can't be changed. Reopen it first if needed.`,
  "task.no_change": ({ number }) => `Nothing changed in task *#${number}*.`,
  "task.withdrawn": ({ number }) =>
    `Task *#${number}* was withdrawn with "undo" and cannot be reopened. Create a new task instead.`,
  "task.assignee_unknown": ({ name }) => `I don't know who "${name}" is in this channel yet.`,
  "status.open": () => "open",
  "status.done": () => "done",
  "status.cancelled": () => "cancelled",
  "status.withdrawn": () => "withdrawn (undone)",
  "assignee.done": () => "done",
  "assignee.acknowledged": () => "working on it",
  "assignee.not_acknowledged": () => "not acknowledged",
  "people.nobody": () => "nobody",
  "people.creator": () => "the creator",
  "people.allowed": ({ creator, assignees }) =>
    assignees ? `${creator} (creator), ${assignees}` : `${creator} (creator)`,
  "list.title.mine": () => "*Your tasks*",
  "list.title.assignee": ({ people }) => `*Tasks of ${people}*`,
  "list.title.overdue": () => "*Overdue tasks*",
  "list.title.today": () => "*Tasks due today*",
  "list.title.week": () => "*Tasks due this week*",
  "list.title.done": () => "*Recently done (7 days)*",
  "list.title.open": () => "*Open tasks*",
  "list.title.created": () => "*Tasks you assigned*",
  "list.empty": () => "No tasks.",
  "list.more": ({ count }) => `… and ${count} more.`,
  "group.overdue": () => "Overdue",
  "group.today": () => "Today",
  "group.week": () => "This week",
  "group.later": () => "Later",
  "group.no_due": () => "No due date",
  "group.done": () => "Done",
  "group.cancelled": () => "Cancelled",
  "card.creator": ({ creator, createdAt }) => `Created by ${creator} at ${createdAt}`,
  "card.assignees": ({ assignees }) => `Assignees: ${assignees}`,
  "card.due": ({ due }) => `due: ${due}`,
  "card.status": ({ status }) => `Status: ${status}`,
  "card.closed": ({ by, at }) => `Closed by ${by} at ${at}`,
  "card.history": () => "History:",
  "history.created": ({ title }) => `created "${title}"`,
  "history.closed": () => "closed the task",
  "history.assignee_done": ({ person }) => `${person} finished their part`,
  "history.reopened": () => "reopened the task",
  "history.cancelled": () => "cancelled the task",
  "history.due_changed": ({ oldDue, newDue }) => `changed the due date: ${oldDue} → ${newDue}`,
  "history.assignees_changed": ({ oldAssignees, newAssignees }) =>
    `changed assignees: ${oldAssignees} → ${newAssignees}`,
  "history.renamed": ({ oldTitle, newTitle }) => `renamed: "${oldTitle}" → "${newTitle}"`,
  "history.acknowledged": ({ person }) => `${person} acknowledged`,
  "history.acknowledged_self": () => "acknowledged",
  "history.assignee_done_self": () => "finished their part",
  "history.other": ({ action }) => action,
  "history.system": () => "system",
  "history.undone": ({ what }) => `undid (${what})`,
  "status.title.channel": () => "*Channel status*",
  "status.title.person": ({ person }) => `*Status of ${person}*`,
  "status.counts": ({ open, overdue, dueThisWeek, doneThisWeek }) =>
    `Open: ${open}\nOverdue: ${overdue}\nDue this week: ${dueThisWeek}\nDone this week (since Monday): ${doneThisWeek}`,
  "status.on_time": ({ percent, onTime, withDue }) =>
    `On time: ${percent}% (${onTime} of ${withDue} finished tasks that had a due date, all time)`,
  "status.on_time_none": () => "On time: no task with a due date finished yet",
  "settings.title": () => "*Channel settings*",
  "settings.show": (s) =>
    [
      `Language: ${s.language}`,
      `Time zone: ${s.timezone}`,
      `End of working day: ${s.endOfDay}`,
      `Working days: ${s.workdays}`,
      `Weekly summary: ${s.summary}`,
      `Reminders: ${s.pings}`,
      `Managers: ${s.managers}`,
      `Extra days off: ${s.daysOff}`,
      `Make-up working days: ${s.makeUpDays}`,
    ].join("\n"),
  "settings.summary_on": ({ schedule }) => `on, ${schedule}`,
  "settings.summary_off": () => "off",
  "settings.pings_on": ({ details }) => (details ? `on (${details})` : "on"),
  "settings.pings_off": () => "off",
  "settings.pings_no_heads_up": () => "no heads-up the day before",
  "settings.pings_minutes_before": ({ minutes }) =>
    minutes === 0 ? "no ping before a timed deadline" : `${minutes} minutes before a timed deadline`,
  "settings.pings_no_overdue": () => "no overdue pings",
  "settings.pings_morning": ({ time }) => `morning pings at ${time}`,
  "settings.pings_not_personal": () => "no personal pings",
  "settings.language_name": ({ code }) => (code === "en" ? "English" : "Vietnamese (tiếng Việt)"),
  "settings.days_off_none": () => "none",
  "settings.saved": ({ what, value }) => `Saved the ${what}: ${value}.`,
  "settings.switched": ({ what, on, detail }) =>
    `Turned ${on ? "on" : "off"} the ${what}${detail ? `: ${detail}` : ""}.`,
  "settings.days_saved": ({ days, count, working }) =>
    `Noted ${working ? "make-up working day" : "day off"}${count > 1 ? "s" : ""}: ${days}${count > 1 ? ` (${count} days)` : ""}.`,
  "settings.days_removed": ({ days, working }) => `Removed ${working ? "make-up working day" : "day off"}: ${days}.`,
  "settings.days_not_declared": ({ days, working }) =>
    `${days} is not among the ${working ? "make-up working days" : "days off"}, so nothing changed. Type "settings" to see them.`,
  "settings.forbidden": ({ managers }) =>
    `Sorry, only the channel's managers (${managers}) or an admin can change settings.`,
  "settings.bad_value": ({ key, value, example }) =>
    `I didn't understand "${value}" for ${key}. For example: ${example}`,
  "settings.manager_added": ({ people }) => `Added manager: ${people}.`,
  "settings.manager_removed": ({ people }) => `Removed manager: ${people}.`,
  "settings.manager_missing": () => `Mention who to add or remove. For example: "settings manager add @Lan"`,
  "settings.label.language": () => "language",
  "settings.label.timezone": () => "time zone",
  "settings.label.endofday": () => "end of working day",
  "settings.label.workdays": () => "working days",
  "settings.label.summary": () => "weekly summary",
  "settings.label.pings": () => "reminders",
  "settings.label.manager": () => "managers",
  "settings.label.dayoff": () => "day off",
  "error.empty": () => `What can I do for you? Type "help" to see the commands.`,
  "error.unknown_command": ({ fragment }) =>
    `${fragment ? `I didn't understand "${fragment}".` : "I didn't understand that."} For example: "assign @Lan send the report by 5pm Friday" or "/task add send the report". Type "help" to see all commands.`,
  "error.missing_task_ref": ({ command, example }) =>
    `This needs a task number, in the form "${command}". For example: ${example}`,
  "error.missing_title": ({ example }) => `A task needs a title. For example: ${example}`,
  "error.bad_due": ({ fragment, example }) =>
    `${fragment ? `I didn't understand the due date "${fragment}".` : "I didn't understand that due date."} For example: ${example}`,
  "error.missing_due": ({ example }) => `When should it be due? For example: ${example}`,
  "error.missing_assignee": ({ example }) => `Mention who should do it. For example: ${example}`,
  "error.bad_setting": ({ fragment, example }) =>
    `${fragment ? `I didn't understand the setting "${fragment}".` : "I didn't understand that setting."} For example: ${example}`,
  "error.not_available": ({ command }) => `"${command}" is coming soon and isn't available yet. Sorry about that!`,
  "system.busy": () => "The system is busy, please try again in a few minutes.",
  "help.overview": () =>
    [
      "*Rõ Việc* helps your team assign tasks, track deadlines and get reminders right in the chat.",
      `• Assign: "assign @Lan send the report by 5pm Friday" or "/task add send the report @Lan tomorrow"`,
      `• See tasks: "my tasks", "overdue", "list"`,
      `• One task: "show #12", "got it #12", "done #12", "reopen #12", "cancel #12"`,
      `• Change: "due #12 next Monday", "reassign #12 to @Minh", "rename #12 quarterly report"`,
      `• Recurring: "assign @Lan weekly report every Monday 9am", "recurring", "stop #L1"`,
      `• Overview: "status", "settings"`,
      `• Slip of the hand: "undo" within 10 minutes`,
    ].join("\n"),
  "help.command": ({ usage, description, examples }) => `*${usage}*\n${description}\nExamples:\n${examples}`,
  "help.more": () => `Type "help <topic>" for details, e.g. "help reassign", "help settings", "help undo".`,
  ...enPermissions,
  ...enJobs,
  ...enTerminal,
};
