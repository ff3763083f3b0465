/**
 * Personal pings: the same pings an assignee's channel gets, also sent to their private chat with the bot. Pure,
 * like plan-pings: the caller passes `now`, the channel's schedule and the member's zone.
 *
 * The morning pings (heads-up, overdue, escalation) come at the policy's morning time in the member's own zone, on
 * the channel's working calendar; the hour-before and at-deadline pings are instants and stay the channel's.
 */
import { type ChannelSchedule, type Deadline, type PlannedPing, planPings } from "./plan-pings.js";

/** Kinds whose time is a local morning (they move with the recipient's zone). */
const MORNING_KINDS = new Set(["heads_up", "overdue", "escalation"]);

/** The channel's schedule seen from a member's zone (their own zone when known, else the channel's). */
export function personalSchedule(schedule: ChannelSchedule, memberZone: string | null | undefined): ChannelSchedule {
  return memberZone && isValidZone(memberZone) ? { ...schedule, timezone: memberZone } : schedule;
}

/** Answers of isValidZone: building an Intl.DateTimeFormat per question showed in rush profiles. */
const knownZones = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (a bad profile value must not stop the channel's pings). */
export function isValidZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownZones.size >= 10_000) knownZones.clear();
    knownZones.set(zone, valid);
  }
  return valid;
}

/**
 * The pings an assignee gets privately for an open task, ordered by time: the channel's instants (hour before, at
 * the deadline) plus the morning pings planned in the member's zone. Empty when the policy turns personal pings off.
 */
export function planPersonalPings(
  deadline: Deadline,
  schedule: ChannelSchedule,
  memberZone: string | null | undefined,
  now: Date,
): PlannedPing[] {
  if (!schedule.policy.personal) return [];
  const instants = planPings(deadline, schedule, now).filter((p) => !MORNING_KINDS.has(p.kind));
  const mornings = planPings(deadline, personalSchedule(schedule, memberZone), now).filter((p) =>
    MORNING_KINDS.has(p.kind),
  );
  return [...instants, ...mornings].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}
