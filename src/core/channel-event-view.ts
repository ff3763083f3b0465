/** A channel's history as renderers read it: managers given and taken, settings changed, days off declared. */
import type { PersonView } from "./task-view.js";

export type ChannelAction =
  | "manager_added"
  | "manager_removed"
  | "settings_changed"
  | "day_off_declared"
  | "day_off_removed";

/** One entry of a channel's history, as renderers read it. */
export interface ChannelEventView {
  action: ChannelAction | string;
  /** Null when the system did it (a Slack channel's creator made its first manager). */
  actor: PersonView | null;
  oldValue: unknown;
  newValue: unknown;
  createdAt: Date;
}
