/** Working calendar: weekends, Vietnamese public holidays (lunar Tết at UTC+7), workspace days. */
export { createWorkingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from "./working-calendar.js";
export { vietnamHolidays, type Holiday } from "./holidays.js";
export { lunarToSolar, tetDate } from "./lunar.js";
export { addDays, isoWeekday, parseIsoDate, toIsoDate } from "./iso-date.js";
