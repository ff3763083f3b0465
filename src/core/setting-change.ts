/**
 * A change of a channel's settings as "cài đặt <mục> <giá trị>" / "settings <key> <value>" asks for it: read by
 * src/services/settings-values.ts, applied by the directory service, confirmed by src/render/setting-change.ts.
 */
import type { Locale } from "../locale.js";

export interface ChannelSettingsPatch {
  locale?: Locale;
  timezone?: string;
  endOfDayMinutes?: number;
  workingDays?: number[];
  summaryEnabled?: boolean;
  summaryCron?: string;
  /** The ping policy JSON the ping planner reads; null restores the default policy. */
  pingPolicy?: Record<string, unknown> | null;
}

export type SettingKey = "language" | "timezone" | "endofday" | "manager" | "workdays" | "summary" | "pings" | "dayoff";

export type SettingChange =
  | { kind: "patch"; patch: ChannelSettingsPatch }
  | { kind: "managers"; mode: "add" | "remove" }
  /**
   * Declared days of the workspace, `from`–`to` inclusive (one day: the same date): days off (nghỉ bù), or with
   * `isWorkingDay` make-up working days (làm bù); `remove` takes them back.
   */
  | { kind: "dayoff"; from: string; to: string; isWorkingDay: boolean; remove: boolean }
  | { kind: "invalid"; example: string };
