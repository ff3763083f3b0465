import { personToken } from "../core/reply.js";
import type { TaskEventView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { renderStoredDue } from "./due-text.js";
import { formatMoment, type RenderContext } from "./render-context.js";

interface StoredPerson {
  id: string;
  name: string;
}

function storedPeople(value: unknown, context: RenderContext): string {
  if (!Array.isArray(value) || value.length === 0) return t(context.locale, "people.nobody");
  return (value as StoredPerson[])
    .map((p) => personToken({ id: p.id, externalId: null, displayName: p.name }))
    .join(", ");
}

function storedPerson(value: unknown, fallback: string): string {
  const person = value as Partial<StoredPerson> | null;
  return person?.id && person.name
    ? personToken({ id: person.id, externalId: null, displayName: person.name })
    : fallback;
}

/** Whether the person an entry is about is the one who did it (then the line does not name them twice). */
function isActor(event: TaskEventView): boolean {
  return event.actor !== null && (event.newValue as Partial<StoredPerson> | null)?.id === event.actor.id;
}

/** The entry an "undone" row took back, as the row keeps it ({ action, old, new }). */
function undoneEntry(event: TaskEventView): TaskEventView {
  const value = (event.newValue ?? {}) as { action?: string; old?: unknown; new?: unknown };
  const action = value.action === "undone" ? "other" : (value.action ?? "other");
  return { ...event, action, oldValue: value.old ?? null, newValue: value.new ?? null };
}

/** What one history entry says, old → new. */
export function describeTaskEvent(event: TaskEventView, context: RenderContext): string {
  const { locale } = context;
  const actor = event.actor ? personToken(event.actor) : t(locale, "history.system");
  switch (event.action) {
    case "created":
      return t(locale, "history.created", {
        title: String((event.newValue as { title?: string } | null)?.title ?? ""),
      });
    case "closed":
      return t(locale, "history.closed");
    case "assignee_done":
      return isActor(event)
        ? t(locale, "history.assignee_done_self")
        : t(locale, "history.assignee_done", { person: storedPerson(event.newValue, actor) });
    case "reopened":
      return t(locale, "history.reopened");
    case "cancelled":
      return t(locale, "history.cancelled");
    case "due_changed":
      return t(locale, "history.due_changed", {
        oldDue: renderStoredDue(event.oldValue, context),
        newDue: renderStoredDue(event.newValue, context),
      });
    case "assignees_changed":
      return t(locale, "history.assignees_changed", {
        oldAssignees: storedPeople(event.oldValue, context),
        newAssignees: storedPeople(event.newValue, context),
      });
    case "renamed":
      return t(locale, "history.renamed", { oldTitle: String(event.oldValue), newTitle: String(event.newValue) });
    case "acknowledged":
      return isActor(event)
        ? t(locale, "history.acknowledged_self")
        : t(locale, "history.acknowledged", { person: storedPerson(event.newValue, actor) });
    case "assignee_bound":
      return t(locale, "history.assignee_bound", {
        pending: String((event.oldValue as { name?: string } | null)?.name ?? ""),
        person: storedPerson(event.newValue, actor),
      });
    case "undone":
      return t(locale, "history.undone", { what: describeTaskEvent(undoneEntry(event), context) });
    default:
      return t(locale, "history.other", { action: event.action });
  }
}

/** History lines, oldest first: "• 14:05 27/11/2026 @Lan: đổi hạn: … → …". */
export function renderHistory(events: readonly TaskEventView[], context: RenderContext): string {
  return events
    .map((event) => {
      const actor = event.actor ? personToken(event.actor) : t(context.locale, "history.system");
      return `• ${formatMoment(event.createdAt, context)} ${actor}: ${describeTaskEvent(event, context)}`;
    })
    .join("\n");
}
