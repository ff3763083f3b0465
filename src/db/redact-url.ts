/** A database URL as operators may read it in a terminal or CI log: never its password. */

/** "PostgreSQL at host:port/db", without user or password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (the URL is not valid)";
  }
}

/** Driver messages may quote the connection string; blanks out the URL and its password wherever they appear. */
export function redactDatabaseUrl(message: string, databaseUrl: string): string {
  if (!databaseUrl) return message;
  let safe = message.replaceAll(databaseUrl, "<DATABASE_URL>");
  try {
    const { password } = new URL(databaseUrl);
    if (password) safe = safe.replaceAll(password, "***").replaceAll(decodeURIComponent(password), "***");
  } catch {
    // not a URL: nothing more to redact than the whole string
  }
  return safe;
}
