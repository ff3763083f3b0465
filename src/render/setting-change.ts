import type { Locale } from "../core/incoming.js";
import type { DayOffView } from "../core/ports/index.js";
import type { SettingChange, SettingKey } from "../core/setting-change.js";
import type { ChannelSettingsView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import {
  formatMinutesOfDay,
  renderDayList,
  renderDaySpan,
  renderPingPolicy,
  renderSummarySchedule,
  renderTimezone,
  renderWorkingDays,
} from "./settings.js";

type AppliedChange = Exclude<SettingChange, { kind: "invalid" | "managers" }>;

/**
 * The confirmation of a settings change, read back from the channel as saved and in the words people use:
 * "Đã lưu ngày làm việc: thứ Hai – thứ Bảy.", "Đã bật báo cáo tuần: 16:00 thứ Sáu.", "Đã tắt nhắc việc.",
 * "Đã ghi ngày nghỉ: 01/01/2027 – 03/01/2027 (3 ngày)."
 */
export function renderSettingChange(
  key: SettingKey,
  change: AppliedChange,
  applied: { channel: ChannelSettingsView; days?: DayOffView[]; pingPolicy?: unknown },
  locale: Locale,
  now: Date,
): string {
  const { channel } = applied;
  const what = t(locale, `settings.label.${key}`);
  if (change.kind === "dayoff") return renderDaysChange(change, applied.days ?? [], locale);
  switch (key) {
    case "language":
      return t(locale, "settings.saved", {
        what,
        value: t(locale, "settings.language_name", { code: channel.locale }),
      });
    case "timezone":
      return t(locale, "settings.saved", { what, value: renderTimezone(channel.timezone, now) });
    case "endofday":
      return t(locale, "settings.saved", { what, value: formatMinutesOfDay(channel.endOfDayMinutes) });
    case "workdays":
      return t(locale, "settings.saved", { what, value: renderWorkingDays(channel.workingDays, locale) });
    case "summary":
      return t(locale, "settings.switched", {
        what,
        on: channel.summaryEnabled,
        detail: channel.summaryEnabled ? renderSummarySchedule(channel.summaryCron, locale) : null,
      });
    case "pings": {
      const words = renderPingPolicy(applied.pingPolicy ?? null, locale);
      return t(locale, "settings.switched", { what, on: words !== t(locale, "settings.pings_off"), detail: null });
    }
    default:
      return t(locale, "settings.saved", { what, value: "" });
  }
}

function renderDaysChange(change: Extract<AppliedChange, { kind: "dayoff" }>, days: DayOffView[], locale: Locale) {
  const working = change.isWorkingDay;
  const asked = renderDaySpan(change.from, change.to, locale);
  if (change.remove) {
    return days.length === 0
      ? t(locale, "settings.days_not_declared", { days: asked, working })
      : t(locale, "settings.days_removed", {
          days: renderDayList(
            days.map((d) => d.day),
            locale,
          ),
          working,
        });
  }
  return t(locale, "settings.days_saved", { days: asked, count: days.length, working });
}
