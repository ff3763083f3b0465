/**
 * The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on another site's POST),
 * scoped to /dashboard, Secure when the public address is https, and lasting as long as the session.
 */
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "rv_session";

export function readSessionCookie(request: IncomingMessage): string | null {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/dashboard",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}
