/** Text rendering shared by every platform. Replies carry person tokens; adapters turn them into mentions. */
export { type DueLike, renderDue, renderStoredDue } from "./due-text.js";
export { renderHelp } from "./help.js";
export { describeTaskEvent, renderHistory } from "./history.js";
export { formatMoment, type RenderContext, renderPeople } from "./render-context.js";
export {
  formatMinutesOfDay,
  renderSettings,
  renderSummarySchedule,
  renderWorkingDays,
  type SettingsExtras,
  weekdayName,
} from "./settings.js";
export { onTimeRate, renderStatus } from "./status.js";
export { renderTaskCard } from "./task-card.js";
export { renderAssigneeProgress, renderTaskLine } from "./task-line.js";
export { type DueGroup, dueGroupOf, groupTasksByDue, renderTaskList } from "./task-list.js";
