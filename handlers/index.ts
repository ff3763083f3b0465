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
import { sendDashboardLink } from "./org-dashboard.js";
import { changeUnitLeaders } from "./org-leaders.js";
import { showRollup } from "./org-rollup.js";
import type { OrgHandlerServices } from "./org-services.js";
import { signOutEverywhere } from "./org-signout.js";
import { changeUnits } from "./org-units.js";
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
  // The organisation's commands need its service: the composition root passes orgHandlers below.
  units: notAvailableYet,
  unit_leaders: notAvailableYet,
  rollup: notAvailableYet,
  dashboard: notAvailableYet,
  signout: notAvailableYet,
};

/** The organisation's handlers (units, leaders, roll-up, dashboard link, sign-out), over its service. */
export const orgHandlers = {
  units: changeUnits,
  unit_leaders: changeUnitLeaders,
  rollup: showRollup,
  dashboard: sendDashboardLink,
  signout: signOutEverywhere,
} satisfies Partial<Record<CommandName, AppHandler<OrgHandlerServices>>>;
