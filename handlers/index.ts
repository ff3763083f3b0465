/** Every command's handler, each declared in its own file: the one list the composition root registers. */
import type { HandlerDefinition } from "../src/core/handler.js";
import { ackHandler } from "./ack.js";
import { addHandler } from "./add.js";
import { assignHandler } from "./assign.js";
import { cancelHandler } from "./cancel.js";
import { deleteDataHandler } from "./delete-data.js";
import { doneHandler } from "./done.js";
import { dueHandler } from "./due.js";
import { editHandler } from "./edit.js";
import { exportHandler } from "./export-link.js";
import { helpHandler } from "./help.js";
import { listHandler } from "./list.js";
import { dashboardHandler } from "./org-dashboard.js";
import { unitLeadersHandler } from "./org-leaders.js";
import { rollupHandler } from "./org-rollup.js";
import { signoutHandler } from "./org-signout.js";
import { unitsHandler } from "./org-units.js";
import { repeatHandler } from "./recurring-create.js";
import { seriesHandler } from "./recurring-series.js";
import { remindHandler } from "./remind.js";
import { reopenHandler } from "./reopen.js";
import type { AppServices } from "./services.js";
import { settingsHandler } from "./settings.js";
import { showHandler } from "./show.js";
import { snoozeHandler } from "./snooze.js";
import { statusHandler } from "./status.js";
import { summaryHandler } from "./summary.js";
import { undoHandler } from "./undo.js";

export type { AppServices } from "./services.js";

export const handlers: readonly HandlerDefinition<AppServices>[] = [
  addHandler,
  listHandler,
  showHandler,
  doneHandler,
  reopenHandler,
  cancelHandler,
  dueHandler,
  assignHandler,
  editHandler,
  ackHandler,
  statusHandler,
  settingsHandler,
  helpHandler,
  remindHandler,
  summaryHandler,
  exportHandler,
  snoozeHandler,
  undoHandler,
  unitsHandler,
  unitLeadersHandler,
  rollupHandler,
  dashboardHandler,
  signoutHandler,
  repeatHandler,
  seriesHandler,
  deleteDataHandler,
];
