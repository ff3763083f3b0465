import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/global-setup.ts"],
    // Integration tests hit real PostgreSQL/PGlite/Redis; PGlite start-up alone takes about a second.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    // Two cores: files run in parallel across two workers, each test file isolated by its own schema/queue names.
    fileParallelism: true,
    maxWorkers: 2,
    pool: "forks",
  },
});
