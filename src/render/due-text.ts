import { t } from "../i18n/index.js";
import { formatDue, formatRelative } from "../language/index.js";
import type { RenderContext } from "./render-context.js";

export interface DueLike {
  dueAt: Date | null;
  dueHasTime: boolean;
}

/** The deadline in words, absolute then relative: "17:00 thứ Sáu 11/12/2026 (còn 14 ngày)"; null without a due. */
export function renderDue(due: DueLike, context: RenderContext, options: { relative?: boolean } = {}): string | null {
  if (!due.dueAt) return null;
  const absolute = formatDue({ deadline: due.dueAt, hasTime: due.dueHasTime }, context.locale, context.timezone);
  const relative =
    options.relative === false
      ? null
      : formatRelative(due.dueAt, context.now, context.locale, context.timezone, context.calendar);
  return t(context.locale, "task.due_line", { absolute, relative });
}

/** A due value as stored in history ({ dueAt: ISO, hasTime }) in words, without the relative part. */
export function renderStoredDue(value: unknown, context: RenderContext): string {
  if (typeof value === "object" && value !== null && "dueAt" in value) {
    const stored = value as { dueAt: string; hasTime?: boolean };
    return (
      renderDue({ dueAt: new Date(stored.dueAt), dueHasTime: stored.hasTime ?? false }, context, { relative: false }) ??
      ""
    );
  }
  return t(context.locale, "task.no_due");
}
