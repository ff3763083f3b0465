/** English rhythms; see recurring-case.ts for the conventions. */
import { at, type RecurringCase, repeat } from "./recurring-case.js";

const FRI_16 = at("16:00", "2026-12-04", "2026-12-11", "2026-12-18");
const FRI_17 = at("17:00", "2026-12-04", "2026-12-11", "2026-12-18");
const MON_9 = at("09:00", "2026-12-07", "2026-12-14", "2026-12-21");
const MON_8 = at("08:00", "2026-12-07", "2026-12-14", "2026-12-21");
const THU_14 = at("14:00", "2026-12-03", "2026-12-10", "2026-12-17");
const WED_15 = at("15:00", "2026-12-02", "2026-12-09", "2026-12-16");
const WED_9 = at("09:00", "2026-12-09", "2026-12-16", "2026-12-23");
const MON_THU_9 = at("09:00", "2026-12-03", "2026-12-07", "2026-12-10");
const WORKDAYS_915 = at("09:15", "2026-12-03", "2026-12-04", "2026-12-07");
const DAILY_17 = at("17:00", "2026-12-02", "2026-12-03", "2026-12-04");
const DAILY_830 = at("08:30", "2026-12-03", "2026-12-04", "2026-12-07");
const FORTNIGHT_FRI = at("17:00", "2026-12-04", "2026-12-18", "2026-12-31");
const DAY_25 = at("17:00", "2026-12-25", "2027-01-25", "2027-02-25");
const DAY_10 = at("17:00", "2026-12-10", "2027-01-08", "2027-02-04");
const DAY_5 = at("17:00", "2026-12-04", "2027-01-05", "2027-02-04");
const DAY_1 = at("17:00", "2026-12-31", "2027-02-01", "2027-03-01");
const MONTH_END = at("17:00", "2026-12-31", "2027-01-29", "2027-02-26");
const FIRST_MON_9 = at("09:00", "2026-12-07", "2027-01-04", "2027-02-01");
const LAST_FRI_15 = at("15:00", "2026-12-25", "2027-01-29", "2027-02-26");
const QUARTER_10 = at("17:00", "2027-01-08", "2027-04-09", "2027-07-09");
const QUARTER_END = at("17:00", "2026-12-31", "2027-03-31", "2027-06-30");
const DEC_31 = at("17:00", "2026-12-31", "2027-12-31", "2028-12-29");
const JAN_15 = at("17:00", "2027-01-15", "2028-01-14", "2029-01-15");
const LUNAR_1_15 = at("17:00", "2026-12-09", "2026-12-23", "2027-01-08");
const LUNAR_15 = at("17:00", "2026-12-23", "2027-01-22", "2027-02-19");

export const RECURRING_EN: RecurringCase[] = [
  repeat("assign @Lan weekly report every Monday 9am", ["Lan"], "weekly report", MON_9),
  repeat("assign @John weekly report every Friday 4pm", ["John"], "weekly report", FRI_16),
  repeat("@Sarah send the status update every Friday at 4 pm", ["Sarah"], "send the status update", FRI_16),
  repeat("@David expense summary weekly on Friday 16:00", ["David"], "expense summary", FRI_16),
  repeat("@Anna submit timesheet every Fri 4pm", ["Anna"], "submit timesheet", FRI_16),
  repeat("@Kevin weekly KPI update on Fridays at 4pm", ["Kevin"], "weekly KPI update", FRI_16),
  repeat("@Emily tidy the storeroom every Friday", ["Emily"], "tidy the storeroom", FRI_17),
  repeat("@Peter Nguyen send the invoice list each Friday", ["Peter Nguyen"], "send the invoice list", FRI_17),
  repeat("@John every Monday 9:00 review open tickets", ["John"], "review open tickets", MON_9),
  repeat("@Sarah standup mondays 9am", ["Sarah"], "standup", MON_9),
  repeat("@Emily plan the week every Monday morning", ["Emily"], "plan the week", MON_9),
  repeat("@David team meeting every Monday at 9am please", ["David"], "team meeting", MON_9),
  repeat("@Anna unlock the office every Monday 8am", ["Anna"], "unlock the office", MON_8),
  repeat("@Kevin weekly briefing every Monday at 8:00", ["Kevin"], "weekly briefing", MON_8),
  repeat("@Kevin vendor call every Thursday 2pm", ["Kevin"], "vendor call", THU_14),
  repeat("@Anna every Thu at 14:00 check inventory", ["Anna"], "check inventory", THU_14),
  repeat("@Sarah one-on-ones every Wednesday 3pm", ["Sarah"], "one-on-ones", WED_15),
  repeat("@John water the plants every Wednesday at 9am", ["John"], "water the plants", WED_9),
  repeat("@John backup the server every Monday and Thursday at 9am", ["John"], "backup the server", MON_THU_9),
  repeat("@Sarah every mon and thu 9am water the plants", ["Sarah"], "water the plants", MON_THU_9),
  repeat("@David standup every weekday 9:15am", ["David"], "standup", WORKDAYS_915),
  repeat(
    "@Emily check the support inbox every working day at 9:15",
    ["Emily"],
    "check the support inbox",
    WORKDAYS_915,
  ),
  repeat("@Peter Nguyen read the alerts every business day 9:15", ["Peter Nguyen"], "read the alerts", WORKDAYS_915),
  repeat("@Emily update the sales log every day", ["Emily"], "update the sales log", DAILY_17),
  repeat("@John post the numbers daily", ["John"], "post the numbers", DAILY_17),
  repeat("@Anna check tickets every working day", ["Anna"], "check tickets", DAILY_17),
  repeat("@Peter Nguyen open the office every day at 8:30am", ["Peter Nguyen"], "open the office", DAILY_830),
  repeat("@Kevin check the servers daily at 8:30", ["Kevin"], "check the servers", DAILY_830),
  repeat("@Sarah sprint review every other week on Friday", ["Sarah"], "sprint review", FORTNIGHT_FRI),
  repeat("@John every 2 weeks on Friday send invoices", ["John"], "send invoices", FORTNIGHT_FRI),
  repeat("@Emily biweekly on Friday newsletter", ["Emily"], "newsletter", FORTNIGHT_FRI),
  repeat("@Sarah submit timesheets on the 25th of every month", ["Sarah"], "submit timesheets", DAY_25),
  repeat("@John every month on the 25th pay the vendors", ["John"], "pay the vendors", DAY_25),
  repeat("@David monthly on the 25th reconcile the accounts", ["David"], "reconcile the accounts", DAY_25),
  repeat("@Anna rent invoice on the 25th of each month", ["Anna"], "rent invoice", DAY_25),
  repeat("@Anna file the VAT return on the 10th of every month", ["Anna"], "file the VAT return", DAY_10),
  repeat("@Kevin tax filing by the 10th of each month", ["Kevin"], "tax filing", DAY_10),
  repeat("@Kevin run payroll on the 5th of each month", ["Kevin"], "run payroll", DAY_5),
  repeat("@Emily publish the newsletter on the 1st of every month", ["Emily"], "publish the newsletter", DAY_1),
  repeat("@David close the books on the last day of every month", ["David"], "close the books", MONTH_END),
  repeat("@Sarah payroll report on the last working day of each month", ["Sarah"], "payroll report", MONTH_END),
  repeat("@John at the end of every month archive the logs", ["John"], "archive the logs", MONTH_END),
  repeat("@Anna all-hands on the first Monday of every month at 9am", ["Anna"], "all-hands", FIRST_MON_9),
  repeat("@Kevin team lunch on the last Friday of every month at 3pm", ["Kevin"], "team lunch", LAST_FRI_15),
  repeat(
    "@Sarah quarterly tax filing on the 10th of the first month of every quarter",
    ["Sarah"],
    "quarterly tax filing",
    QUARTER_10,
  ),
  repeat("@David inventory count at the end of every quarter", ["David"], "inventory count", QUARTER_END),
  repeat("@John renew the domain every year on Dec 31", ["John"], "renew the domain", DEC_31),
  repeat("@Emily annual review every year on January 15", ["Emily"], "annual review", JAN_15),
  repeat("@Anna offerings on the 1st and 15th of every lunar month", ["Anna"], "offerings", LUNAR_1_15),
  repeat("@Kevin buy fruit every full moon", ["Kevin"], "buy fruit", LUNAR_15),
  repeat("@Sarah every Monday 9am until June weekly plan", ["Sarah"], "weekly plan", MON_9),
  repeat(
    "@David timesheet reminder on the 25th of every month until 2027-06-30",
    ["David"],
    "timesheet reminder",
    DAY_25,
  ),
];
