/** Working calendar: weekends, Vietnamese public holidays (lunar Tết at UTC+7), workspace days. */

export { type Holiday, vietnamHolidays } from "./holidays.js";
export { addDays, isoWeekday, parseIsoDate, toIsoDate } from "./iso-date.js";
export { lunarToSolar, tetDate } from "./lunar.js";
export { createWorkingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from "./working-calendar.js";
