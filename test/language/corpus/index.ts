/** The realistic corpus by language; see case.ts for how it was annotated. */
import type { RealisticCase } from "./case.js";
import { EN_REPLIES } from "./en-replies.js";
import { EN_SECOND_BATCH } from "./en-second-batch.js";
import { EN_TASKS } from "./en-tasks.js";
import { VI_CALENDAR } from "./vi-calendar.js";
import { VI_CHANGES } from "./vi-changes.js";
import { VI_NAMES } from "./vi-names.js";
import { VI_POLITE } from "./vi-polite.js";
import { VI_QUESTIONS } from "./vi-questions.js";
import { VI_REPLIES } from "./vi-replies.js";
import { VI_SECOND_BATCH } from "./vi-second-batch.js";
import { VI_TASK_ORDERS } from "./vi-task-orders.js";
import { VI_TASKS } from "./vi-tasks.js";
import { VI_UNACCENTED } from "./vi-unaccented.js";

export { CORPUS_NOW, CORPUS_ZONE, type DueShift, MEMBERS, type RealisticCase } from "./case.js";

export const REALISTIC_CORPUS: Record<"vi" | "en", RealisticCase[]> = {
  vi: [
    ...VI_TASKS,
    ...VI_TASK_ORDERS,
    ...VI_UNACCENTED,
    ...VI_POLITE,
    ...VI_NAMES,
    ...VI_REPLIES,
    ...VI_CHANGES,
    ...VI_QUESTIONS,
    ...VI_CALENDAR,
    ...VI_SECOND_BATCH,
  ],
  en: [...EN_TASKS, ...EN_REPLIES, ...EN_SECOND_BATCH],
};
