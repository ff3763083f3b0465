import { DateTime } from "luxon";
import type { DueDescriber } from "./task-card.js";

/**
 * Due dates in words for cards: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)". Cards are shown to a whole channel whose
 * settings the adapter does not see, so they use the deployment's default zone.
 */
export function createDueDescriber(timezone: string, now: () => Date = () => new Date()): DueDescriber {
  return (task) => {
    if (!task.dueAt) return undefined;
    const due = DateTime.fromJSDate(task.dueAt, { zone: timezone }).setLocale("vi");
    const weekday = due.toFormat("cccc");
    const words = `${task.dueHasTime ? `${due.toFormat("HH:mm")} ` : ""}${capitalizeAfterThu(weekday)} ${due.toFormat("dd/MM/yyyy")}`;
    return `${words} (${relative(task.dueAt, now())})`;
  };
}

function capitalizeAfterThu(weekday: string): string {
  return weekday.replace(/^thứ (\S)/, (_m, c: string) => `thứ ${c.toUpperCase()}`).replace(/^chủ nhật/i, "Chủ nhật");
}

function relative(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60000);
  const abs = Math.abs(minutes);
  const amount = abs >= 1440 ? `${Math.round(abs / 1440)} ngày` : abs >= 60 ? `${Math.round(abs / 60)} giờ` : `${abs} phút`;
  return minutes >= 0 ? `còn ${amount}` : `quá hạn ${amount}`;
}
