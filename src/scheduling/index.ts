/** Pure scheduling logic: ping policy, quiet hours, merging, weekly report and their texts. */

export type { SummaryView } from "../core/summary-view.js";
export * from "./format.js";
export * from "./local-time.js";
export * from "./merge.js";
export * from "./personal-pings.js";
export * from "./ping-text.js";
export * from "./plan-pings.js";
export * from "./policy.js";
export * from "./summary-text.js";
export * from "./weekly-report.js";
