/** Working calendar: weekends, Vietnamese public holidays (lunar Tết at UTC+7), workspace days. */

export { type Holiday, vietnamHolidays } from "./holidays.js";
export { addDays, isoWeekday, parseIsoDate, toIsoDate } from "./iso-date.js";
export { type LunarDate, lunarToSolar, solarToLunar, tetDate } from "./lunar.js";
export {
  lunarDateOf,
  lunarMonthStart,
  lunarNewYearsEve,
  nextLunarDay,
  type TetBreak,
  tetBreak,
  tetDeadline,
} from "./lunar-dates.js";
export { createWorkingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from "./working-calendar.js";
