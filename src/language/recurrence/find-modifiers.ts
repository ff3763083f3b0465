/**
 * How a series treats days off, when the message says: "gặp ngày nghỉ thì lùi sang ngày làm việc sau" / "if it
 * falls on a holiday, the next working day" (next), "ngày nghỉ thì bỏ" / "skip holidays" (skip), and "nghỉ Tết thì
 * bỏ" / "except during Tết" (no occurrence inside the Tết break). Without them: the working day before, Tết kept.
 */
import type { DayOffMove } from "../../recurrence/types.js";
import { B, E } from "./draft.js";

export interface FoundModifier {
  from: number;
  to: number;
  dayOff?: DayOffMove;
  skipTet?: boolean;
}

const DAY_OFF = "(?:(?:neu|gap|trung|roi vao)\\s+)?(?:ngay nghi|ngay le|nghi le)(?:\\s+thi)?";
const EN_DAY_OFF = "(?:(?:if|when)\\s+(?:it\\s+)?(?:falls\\s+on\\s+)?a\\s+(?:holiday|day\\s+off),?\\s+)";

const RULES: { re: RegExp; found: Omit<FoundModifier, "from" | "to"> }[] = [
  {
    re: new RegExp(
      `${B}(?:,\\s*)?(?:${DAY_OFF}\\s+(?:lui|doi|chuyen|day|lam)(?:\\s+(?:sang|toi|vao))?\\s+(?:ngay lam viec\\s+)?(?:sau|tiep theo|ke tiep)|${EN_DAY_OFF}(?:move\\s+it\\s+to\\s+|use\\s+)?the\\s+next\\s+(?:working|business)\\s+day|holidays?\\s+moves?\\s+(?:it\\s+)?to\\s+the\\s+next\\s+(?:working|business)\\s+day)${E}`,
      "g",
    ),
    found: { dayOff: "next" },
  },
  {
    re: new RegExp(
      `${B}(?:,\\s*)?(?:${DAY_OFF}\\s+(?:lam\\s+)?(?:truoc|som hon|ngay lam viec truoc(?:\\s+do)?|ngay lam viec lien truoc)|${EN_DAY_OFF}(?:move\\s+it\\s+to\\s+|use\\s+)?the\\s+(?:previous|last)\\s+(?:working|business)\\s+day(?:\\s+before)?)${E}`,
      "g",
    ),
    found: { dayOff: "previous" },
  },
  {
    re: new RegExp(
      `${B}(?:,\\s*)?(?:${DAY_OFF}\\s+(?:thi\\s+)?(?:bo(?:\\s+qua)?|nghi|khong lam)|skip(?:ping)?\\s+(?:public\\s+)?holidays|except\\s+(?:on\\s+)?(?:public\\s+)?holidays)${E}`,
      "g",
    ),
    found: { dayOff: "skip" },
  },
  {
    re: new RegExp(
      `${B}(?:,\\s*)?(?:(?:nghi|dip|trong|gap)\\s+tet(?:\\s+thi)?\\s+(?:bo(?:\\s+qua)?|nghi|khong lam)|(?:tru|bo qua|khong lam)\\s+(?:dip\\s+|vao\\s+)?tet|(?:except|not|skip(?:ping)?)\\s+(?:during\\s+|over\\s+)?tet)${E}`,
      "g",
    ),
    found: { skipTet: true },
  },
];

/** Every modifier the words from `from` hold. */
export function findModifiers(folded: string, from: number): FoundModifier[] {
  const found: FoundModifier[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = from;
    const m = rule.re.exec(folded);
    if (m) found.push({ from: m.index, to: m.index + m[0].length, ...rule.found });
  }
  return found;
}
