/**
 * The ping policy of a channel: which pings a task with a deadline gets, and when. Pure data; the defaults follow
 * the issue ("heads-up the working day before at 09:00, one hour before a timed deadline, at the deadline, overdue
 * every working day at 09:00, escalation after 3 overdue working days"). Channel.pingPolicy JSON overrides any field.
 */
import { z } from "zod";

export interface PingPolicy {
  /** Deadline pings at all ("nhắc việc tắt" turns them off); one-off reminders someone asked for still come. */
  enabled: boolean;
  /** Heads-up on the working day before the deadline's day. */
  headsUp: boolean;
  /** Minutes before a deadline that has a time of day; 0 turns the ping off. Default 60. */
  minutesBefore: number;
  /** A ping at the deadline itself. */
  atDeadline: boolean;
  /** An overdue ping every working day until the task is done or cancelled. */
  overdue: boolean;
  /**
   * The overdue ping of working day n (n = 1 is the first working day after the deadline's day) names the creator
   * when n > escalateAfterDays. Default 3; 0 turns escalation off.
   */
  escalateAfterDays: number;
  /** Local time (minutes after midnight) of heads-up and overdue pings, and where quiet-hour pings move. Default 09:00. */
  morningMinutes: number;
  /** Start of working hours (minutes after midnight). Default 08:00. The end is the channel's end of day. */
  workdayStartMinutes: number;
  /**
   * Personal pings: each assignee who has not finished and has a private chat with the bot also gets the ping
   * there, in their own time zone. Default true.
   */
  personal: boolean;
}

export const defaultPingPolicy: Readonly<PingPolicy> = Object.freeze({
  enabled: true,
  headsUp: true,
  minutesBefore: 60,
  atDeadline: true,
  overdue: true,
  escalateAfterDays: 3,
  morningMinutes: 9 * 60,
  workdayStartMinutes: 8 * 60,
  personal: true,
});

const minutesOfDay = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 - 1);

/** The JSON a channel may store in Channel.pingPolicy: every field optional, unknown fields refused. */
export const pingPolicyOverridesSchema = z
  .object({
    enabled: z.boolean(),
    headsUp: z.boolean(),
    minutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    atDeadline: z.boolean(),
    overdue: z.boolean(),
    escalateAfterDays: z.number().int().min(0).max(60),
    morningMinutes: minutesOfDay,
    workdayStartMinutes: minutesOfDay,
    personal: z.boolean(),
  })
  .partial()
  .strict();

export type PingPolicyOverrides = z.infer<typeof pingPolicyOverridesSchema>;

/**
 * The effective policy of a channel. A stored value that does not parse falls back to the default (and `invalid`
 * says so, for a log line) rather than silencing every ping of the channel.
 */
export function resolvePingPolicy(stored: unknown): { policy: PingPolicy; invalid: boolean } {
  if (stored === null || stored === undefined) return { policy: { ...defaultPingPolicy }, invalid: false };
  const parsed = pingPolicyOverridesSchema.safeParse(stored);
  if (!parsed.success) return { policy: { ...defaultPingPolicy }, invalid: true };
  return { policy: { ...defaultPingPolicy, ...parsed.data }, invalid: false };
}
