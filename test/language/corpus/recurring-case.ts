/**
 * The recurring corpus: rhythms as staff write them, each annotated by hand with the next three deadlines a careful
 * person means, before the parser was run on it. Scored on those dates (an RRULE has many equal spellings), as
 * issue 18 asks; the title and the people are checked too, and reported.
 *
 * Conventions of the annotations (as the realistic corpus, case.ts): now is Wednesday 2 December 2026, 10:00 in
 * Asia/Ho_Chi_Minh; the default working calendar (Monday–Friday, Vietnamese public holidays; the Tết 2027 break
 * runs Friday 5 to Thursday 11 February); the working day ends at 17:00, the time of a rhythm without one.
 * - A day that is not a working day moves to the working day before ("ngày 10 hàng tháng" in January 2027 is
 *   Friday 8); a daily rule leaves days off out. "sáng" / "morning" without a time is 09:00, "chiều" 17:00.
 * - "2 tuần một lần" / "every other week" counts from this week.
 * - Lunar: mùng 1 tháng 11 is Wednesday 9 December 2026, rằm Wednesday 23; mùng 1 tháng Chạp Friday 8 January
 *   2027, its rằm Friday 22; Tết (mùng 1 tháng Giêng) Saturday 6 February, rằm tháng Giêng Saturday 20 February.
 * - next: ISO 8601 with offset; fewer than three when the series ends before ("đến hết 11/12/2026").
 */
export interface RecurringCase {
  text: string;
  who: string[];
  title: string;
  next: string[];
}

export function repeat(text: string, who: string[], title: string, next: string[]): RecurringCase {
  return { text, who, title, next };
}

/** Three local deadlines "YYYY-MM-DD" at one "HH:MM" in Hà Nội. */
export function at(time: string, ...days: string[]): string[] {
  return days.map((day) => `${day}T${time}:00+07:00`);
}
