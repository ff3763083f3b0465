/** The tasks the pipeline looks at before a handler runs. Declared here, implemented by src/services/task-service.ts. */
import type { TaskView } from "../task-view.js";

export interface TaskStore {
  /** Task number `number` of the channel; null when there is none. */
  findTask(channelId: string, number: number): Promise<TaskView | null>;
  /** A task by id, wherever it is (a button names its task by id). */
  findTaskById(taskId: string): Promise<TaskView | null>;
}
