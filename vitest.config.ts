import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/global-setup.ts"],
    // Tests wait for events, not for time, so these limits only stop a test that would wait forever. They are
    // generous because CI shares its machine: a test that passes in 2 s here may take a minute on a busy one.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 10_000,
    // Two cores: files run in parallel across two workers, each test file isolated by its own schema/queue names.
    fileParallelism: true,
    maxWorkers: 2,
    pool: "forks",
  },
});
