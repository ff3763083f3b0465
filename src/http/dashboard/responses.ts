/**
 * How the dashboard answers: pages that no cache keeps and no other site frames, scripts only from this origin, no
 * referrer (a link's secret never travels onwards), static assets cached and gzipped, files as downloads.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Asset } from "./assets.js";

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
} as const;

export function sendPage(response: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) {
  response.writeHead(status, { ...PAGE_HEADERS, ...extra });
  response.end(body);
}

export function redirect(response: ServerResponse, location: string, extra: Record<string, string> = {}) {
  response.writeHead(303, { location, "cache-control": "no-store", "referrer-policy": "no-referrer", ...extra });
  response.end();
}

export function sendAsset(request: IncomingMessage, response: ServerResponse, asset: Asset) {
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  response.writeHead(200, {
    "content-type": asset.type,
    "cache-control": "public, max-age=86400",
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
    "content-length": String((gzip ? asset.gzipped : asset.body).byteLength),
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  response.end(gzip ? asset.gzipped : asset.body);
}

export function sendFile(
  response: ServerResponse,
  file: { filename: string; mimeType: string; content: Uint8Array },
): void {
  response.writeHead(200, {
    "content-type": file.mimeType,
    "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(Buffer.from(file.content));
}
