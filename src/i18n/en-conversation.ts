import type { ConversationCatalogue } from "./messages.js";

/** "1", "2" or "3". */
function numbers(count: number): string {
  const quoted = Array.from({ length: count }, (_, i) => `"${i + 1}"`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** English texts of the bot's questions, their answers, and undo. */
export const enConversation: ConversationCatalogue = {
  "question.ask": ({ reasons }) => `🤔 Before I write anything: ${reasons}`,
  "question.answer_hint": ({ count }) =>
    `Reply ${numbers(count)}, or "cancel", within 10 minutes. Nothing is written yet.`,
  "question.cancelled": () => "Dropped the question; nothing was written.",
  "question.expired": ({ askedAt }) =>
    `My question of ${askedAt} is more than 10 minutes old, so I dropped it and wrote nothing. Please type the command again.`,
  "question.none": () => "No question of mine is waiting for your answer.",
  "question.pick": ({ count }) => `The question has ${count} choices: reply ${numbers(count)}, or "cancel".`,
  "question.not_yours": () => "I asked someone else this question; only they can answer it.",
  "question.taken": () => "This question has already been answered.",
  "question.cancel_button": () => "Cancel",
  "question.chosen": ({ number, label }) => `✔ Chose ${number}: ${label}`,
  "question.dropped": () => "✖ Question dropped",
  "doubt.past_deadline": ({ due }) => `the deadline ${due} has already passed.`,
  "doubt.day_off": ({ day, holiday }) =>
    holiday
      ? `the deadline falls on ${day}, a day off (${holiday}).`
      : `the deadline falls on ${day}, not a working day.`,
  "doubt.time_word_in_title": ({ word }) => `"${word}" stayed in the title; is it the deadline?`,
  "doubt.other_reading": ({ cue }) => `"${cue}" sounds like a change to an existing task, not a new one.`,
  "doubt.ambiguous_name": ({ name }) => `more than one person is called "${name}".`,
  "choice.note.overdue": () => "overdue at once",
  "choice.note.next_working_day": () => "the next working day",
  "choice.note.previous_working_day": () => "the working day before",
  "choice.note.as_written": () => "as you wrote it",
  "command.add": ({ title, assignees, due }) =>
    `Create "${title}"${assignees ? ` for ${assignees}` : ""}, ${due ? `due ${due}` : "no due date"}`,
  "command.due": ({ number, due }) =>
    due ? `Change the due date of #${number} to ${due}` : `Remove the due date of #${number}`,
  "command.assign": ({ number, mode, people }) =>
    mode === "add"
      ? `Add ${people} to #${number}`
      : mode === "remove"
        ? `Remove ${people} from #${number}`
        : `Reassign #${number} to ${people}`,
  "command.edit": ({ number, title }) => `Rename #${number} to "${title}"`,
  "command.done": ({ number }) => `Mark #${number} done`,
  "command.reopen": ({ number }) => `Reopen #${number}`,
  "command.cancel": ({ number }) => `Cancel #${number}`,
  "command.ack": ({ number }) => `Take #${number}`,
  "command.show": ({ number }) => `Show #${number}`,
  "command.remind": ({ number, due }) => `Remind about #${number}${due ? ` at ${due}` : ""}`,
  "command.other": ({ command }) => `The "${command}" command`,
  "undo.withdrawn": ({ number, title }) =>
    `↩️ Undone: task *#${number}* (${title}) is withdrawn. It leaves the lists and the figures; #${number} will not be used again.`,
  "undo.restored": ({ number, what }) => `↩️ Undid your change to task *#${number}* (${what}).`,
  "undo.nothing": () =>
    "You changed no task in this channel in the last 10 minutes, so there is nothing to undo. (Undo works for 10 minutes.)",
  "undo.changed_since": ({ number, person }) =>
    `Can't undo: ${person} changed task *#${number}* after you. Have a look with "show #${number}".`,
};
