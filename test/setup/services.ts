// Where the test services live. Tests read these only through test/setup helpers, never process.env directly.

/** PostgreSQL for tests: trust auth on 127.0.0.1, database `test`; `TEST_DATABASE_URL` overrides. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
}

/** Redis for tests; `TEST_REDIS_URL` overrides. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * A service the tests start keeps real time: under `npm run test:clock-ahead` only our processes live a year ahead,
 * as they would beside a real Redis (and redis-server under libfaketime does not come up in time).
 */
export function withoutFakeTime(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, FAKETIME_DONT_FAKE_MONOTONIC: _monotonic, ...rest } = env;
  return rest;
}
