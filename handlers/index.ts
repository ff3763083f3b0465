import type { AppHandler } from "../src/core/services.js";
import type { CommandName } from "../src/language/index.js";
import { acknowledgeTask } from "./ack.js";
import { addTask } from "./add.js";
import { assignTask } from "./assign.js";
import { cancelTask } from "./cancel.js";
import { markDone } from "./done.js";
import { changeDue } from "./due.js";
import { renameTask } from "./edit.js";
import { showHelp } from "./help.js";
import { listTasks } from "./list.js";
import { notAvailableYet } from "./not-available.js";
import { createRecurringTask } from "./recurring-create.js";
import { manageSeries } from "./recurring-series.js";
import { reopenTask } from "./reopen.js";
import { changeSettings } from "./settings.js";
import { showTask } from "./show.js";
import { showStatus } from "./status.js";
import { undoLastChange } from "./undo.js";

/** The core's handler for every command. remind / summary / export are placeholders the jobs engineer replaces. */
export const coreHandlers: Record<CommandName, AppHandler> = {
  add: addTask,
  list: listTasks,
  show: showTask,
  done: markDone,
  reopen: reopenTask,
  cancel: cancelTask,
  due: changeDue,
  assign: assignTask,
  edit: renameTask,
  ack: acknowledgeTask,
  status: showStatus,
  settings: changeSettings,
  help: showHelp,
  remind: notAvailableYet,
  summary: notAvailableYet,
  export: notAvailableYet,
  snooze: notAvailableYet,
  undo: undoLastChange,
  // Recurring tasks need the series services: the composition root passes recurringHandlers with them.
  repeat: notAvailableYet,
  series: notAvailableYet,
};

/** Recurring tasks (issue 18), registered by the composition root with the series services (see src/app.ts). */
export const recurringHandlers = { repeat: createRecurringTask, series: manageSeries };
