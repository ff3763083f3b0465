/**
 * The frame of every dashboard page: language attribute, viewport for phones, the navigation, the language switch
 * and sign-out. Styles and scripts are served from /dashboard/assets (the page's CSP allows only its own origin).
 */
import type { Locale } from "../../core/incoming.js";
import { html, type SafeHtml } from "./html.js";
import { dashboardWords } from "./words.js";

export interface PageFrame {
  locale: Locale;
  /** The page's path and query without `lang`, for the language switch. */
  path: string;
  title: string;
  viewerName?: string;
  /** Whether the page draws charts (loads Chart.js and the chart script). */
  charts?: boolean;
}

/** `path` with `lang=<locale>` set (English) or removed (Vietnamese, the default). */
export function withLang(path: string, locale: Locale): string {
  // A path without a query needs no parsing: the overview builds a thousand of these per page.
  if (!path.includes("?")) return locale === "en" ? `${path}?lang=en` : path;
  const url = new URL(path, "http://x");
  if (locale === "en") url.searchParams.set("lang", "en");
  else url.searchParams.delete("lang");
  return `${url.pathname}${url.search}`;
}

export function page(frame: PageFrame, body: SafeHtml): string {
  const words = dashboardWords(frame.locale);
  const other: Locale = frame.locale === "en" ? "vi" : "en";
  const link = (path: string) => withLang(path, frame.locale);
  return html`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${words.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
</head>
<body>
<header class="top">
  <nav aria-label="${words.title}">
    <a href="${link("/dashboard")}">${words.overview}</a>
    <a href="${link("/dashboard/overdue")}">${words.overdueNav}</a>
    <a href="${withLang(frame.path, other)}" hreflang="${other}" lang="${other}">${words.switchTo}</a>
  </nav>
  ${
    frame.viewerName
      ? html`<form method="post" action="/dashboard/logout" class="signout">
    <span>${words.signedInAs(frame.viewerName)}</span>
    <button type="submit">${words.signOut}</button>
  </form>`
      : null
  }
</header>
<main>
<h1>${frame.title}</h1>
${body}
</main>
${frame.charts ? html`<script src="/dashboard/assets/chart.umd.js"></script><script src="/dashboard/assets/charts.js"></script>` : null}
</body>
</html>`.value;
}
