/**
 * The web dashboard on the bot's one HTTP server, mounted at /dashboard. A single-use link from chat
 * (/dashboard/open?t=…) opens a session cookie; every other page needs that session and shows only what its
 * person may see: the units they lead (all for a workspace admin), the channels they are in. Anything else answers
 * 404, as if it were not there. The link's secret is read from the query, which the server never logs.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Locale } from "../../core/incoming.js";
import type { Logger } from "../../logger.js";
import { messagePage } from "../../render/dashboard/detail-pages.js";
import { dashboardWords } from "../../render/dashboard/words.js";
import type { OrgService } from "../../services/org-service.js";
import type { ReportService } from "../../services/report-service.js";
import type { RouteHandler } from "../server.js";
import { dashboardAssets } from "./assets.js";
import type { DashboardRequest } from "./dashboard-request.js";
import { type DashboardPages, dashboardPages } from "./pages.js";
import { redirect, sendAsset, sendPage } from "./responses.js";
import { clearedSessionCookie, readSessionCookie, sessionCookie } from "./session-cookie.js";

export interface DashboardRouteOptions {
  org: OrgService;
  reports: ReportService;
  logger: Logger;
  now: () => Date;
  /** The public address (PUBLIC_URL): its scheme decides whether the cookie is Secure. */
  publicUrl: () => string;
  defaultTimezone: string;
}

export type { DashboardRequest };

export function createDashboardRoute(options: DashboardRouteOptions): RouteHandler {
  const pages = dashboardPages(options);
  return async (request, response) => {
    const url = new URL(request.url ?? "/", "http://dashboard.invalid");
    const locale: Locale = url.searchParams.get("lang") === "en" ? "en" : "vi";
    const path = url.pathname.replace(/\/+$/, "") || "/dashboard";
    if (path.startsWith("/dashboard/assets/")) {
      const asset = dashboardAssets().get(path.slice("/dashboard/assets/".length));
      return asset ? sendAsset(request, response, asset) : notFound(response, locale);
    }
    if (request.method === "GET" && path === "/dashboard/open") return openLink(request, response, url, locale);
    const token = readSessionCookie(request);
    const now = options.now();
    const viewer = token ? await options.org.sessionViewer(token, now) : null;
    if (request.method === "POST" && path === "/dashboard/logout") {
      request.resume();
      if (token) await options.org.revokeSession(token, now);
      return redirect(response, "/dashboard", { "set-cookie": clearedSessionCookie(isSecure()) });
    }
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET" });
      return void response.end();
    }
    if (!viewer) return problem(response, 401, locale, "signed_out");
    const timezone = viewer.timezone ?? options.defaultTimezone;
    const handled = await routePage(pages, path, { viewer, locale, url, now, timezone }, response);
    if (!handled) notFound(response, locale);
  };

  function isSecure(): boolean {
    return options.publicUrl().startsWith("https:");
  }

  async function openLink(request: IncomingMessage, response: ServerResponse, url: URL, locale: Locale) {
    const secret = url.searchParams.get("t") ?? "";
    const outcome = secret
      ? await options.org.redeemLink(secret, options.now())
      : { ok: false as const, reason: "unknown" as const };
    if (!outcome.ok) {
      options.logger.info({ reason: outcome.reason }, "dashboard link refused");
      return problem(response, outcome.reason === "unknown" ? 400 : 410, locale, outcome.reason);
    }
    const maxAge = (outcome.expiresAt.getTime() - options.now().getTime()) / 1000;
    request.resume();
    redirect(response, outcome.path, { "set-cookie": sessionCookie(outcome.sessionToken, maxAge, isSecure()) });
  }
}

/** The page for `path`; false when there is none. */
async function routePage(
  pages: DashboardPages,
  path: string,
  request: DashboardRequest,
  response: ServerResponse,
): Promise<boolean> {
  const id = "([0-9a-f-]{36})";
  const routes: [RegExp, (match: RegExpExecArray) => Promise<boolean>][] = [
    [/^\/dashboard$/, () => pages.overview(request, response)],
    [/^\/dashboard\/overdue$/, () => pages.overdue(request, response)],
    [new RegExp(`^/dashboard/unit/${id}$`), (m) => pages.unit(request, response, m[1] as string)],
    [
      new RegExp(`^/dashboard/unit/${id}/export\\.(xlsx|csv)$`),
      (m) => pages.unitExport(request, response, m[1] as string, m[2] as "xlsx"),
    ],
    [new RegExp(`^/dashboard/channel/${id}$`), (m) => pages.channel(request, response, m[1] as string)],
    [
      new RegExp(`^/dashboard/channel/${id}/export\\.(xlsx|csv)$`),
      (m) => pages.channelExport(request, response, m[1] as string, m[2] as "xlsx"),
    ],
    [new RegExp(`^/dashboard/task/${id}$`), (m) => pages.task(request, response, m[1] as string)],
    [/^\/dashboard\/export\/rollup\.(xlsx|csv)$/, (m) => pages.rollupExport(request, response, m[1] as "xlsx")],
  ];
  for (const [pattern, run] of routes) {
    const match = pattern.exec(path);
    if (match) return run(match);
  }
  return false;
}

function problem(
  response: ServerResponse,
  status: number,
  locale: Locale,
  reason: "unknown" | "expired" | "used" | "signed_out",
) {
  const words = dashboardWords(locale).linkProblem[reason];
  sendPage(response, status, messagePage(locale, words.title, words.body, true));
}

export function notFound(response: ServerResponse, locale: Locale): void {
  const words = dashboardWords(locale);
  sendPage(response, 404, messagePage(locale, words.notFound, words.forbidden, false));
}
