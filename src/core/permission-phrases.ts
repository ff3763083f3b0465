/**
 * Two sentences of the permission model read before the command parser, on whole messages: "xác nhận @Hoa là
 * @Trần Thị Hoa" / "confirm @Hoa is @Tran Thi Hoa" (the writer of a typed name says who was meant), and a one-time
 * admin code.
 */

import { fold } from "../language/index.js";

/** "xác nhận @Hoa là @Trần Thị Hoa": the name as typed before, and the person meant (as written, without "@"). */
export interface ConfirmPersonPhrase {
  typed: string;
  meant: string;
}

const CONFIRM = /^(?:xac nhan|confirm)\s+@(.+?)\s+(?:la|is)\s+@(.+?)\s*[.!]?$/;

export function readConfirmPerson(text: string): ConfirmPersonPhrase | null {
  const original = text.normalize("NFC").trim();
  // fold() keeps offsets, so the names are cut from the original text where the folded pattern found them.
  const match = CONFIRM.exec(fold(original));
  if (!match?.[1] || !match[2]) return null;
  const typedAt = match[0].indexOf(`@${match[1]}`) + 1;
  const meantAt = match[0].lastIndexOf(`@${match[2]}`) + 1;
  return {
    typed: original.slice(typedAt, typedAt + match[1].length).trim(),
    meant: original.slice(meantAt, meantAt + match[2].length).trim(),
  };
}

/** Letters and digits of admin codes, none of which can be misread for another (no 0/O, 1/I/L). */
export const CLAIM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** "RV-XXXX-XXXX-XXXX": 12 characters of 31, about 59 bits: guessing one within its lifetime is hopeless. */
const CLAIM_CODE = /^RV-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

/** An admin code (`npm run zalo:claim`) as typed, in its canonical form; null when the message is not one. */
export function readClaimCode(text: string): string | null {
  const candidate = text.trim().toUpperCase();
  return CLAIM_CODE.test(candidate) ? candidate : null;
}
