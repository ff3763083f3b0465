import type { Locale } from "../../core/incoming.js";
import type { DashboardViewer } from "../../services/dashboard-access.js";

/** A request the pages answer: who asks, in which language, for which path. */
export interface DashboardRequest {
  viewer: DashboardViewer;
  locale: Locale;
  url: URL;
  now: Date;
  timezone: string;
}
