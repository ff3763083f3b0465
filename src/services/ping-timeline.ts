/**
 * The planned pings as a timeline, for a clock that jumps (the terminal chat's `/now` and `/tua`): when the next
 * one is due, which are due by an instant, and whether a plan is still being made (a ping just sent whose
 * follow-up, the next overdue ping, is not planned yet).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { FIRST_ID, staleTaskPage } from "./ping-planning.js";

/** The earliest time a planned ping is due, or undefined when none is planned. */
export async function earliestPlannedFireAt(prisma: PrismaClient): Promise<Date | undefined> {
  const first = await prisma.ping.findFirst({
    where: { status: "planned" },
    select: { fireAt: true },
    orderBy: { fireAt: "asc" },
  });
  return first?.fireAt;
}

/** The planned pings due by `upTo`, earliest first. */
export function plannedPingsDueBy(prisma: PrismaClient, upTo: Date): Promise<{ id: string; fireAt: Date }[]> {
  return prisma.ping.findMany({
    where: { status: "planned", fireAt: { lte: upTo } },
    select: { id: true, fireAt: true },
    orderBy: [{ fireAt: "asc" }, { id: "asc" }],
  });
}

/** Whether some task waits for its pings to be planned again. */
export async function hasStalePlan(prisma: PrismaClient): Promise<boolean> {
  return (await staleTaskPage(prisma, FIRST_ID, 1)).length > 0;
}
