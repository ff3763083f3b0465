/**
 * What each ROLE does in a process. `web` receives (Slack events and slash commands, the Zalo webhook or long
 * polling) and plans pings; `worker` processes jobs (pings, the outbox, summaries, the reconciler) and receives
 * nothing: no platform route, no Socket Mode, no polling. `all` is both, the default of a single process.
 * Every role serves /healthz, /readyz and /metrics.
 */
export type Role = "all" | "web" | "worker";

/** Whether this role takes messages from the platforms. */
export function receives(role: Role): boolean {
  return role !== "worker";
}

/** Whether this role runs the BullMQ workers and the reconciler. */
export function works(role: Role): boolean {
  return role !== "web";
}
