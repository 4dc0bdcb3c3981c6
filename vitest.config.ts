import { defineConfig } from 'vitest/config';

// The integration suite runs on PGlite always, and again on PostgreSQL when
// PIPEWRIGHT_TEST_DATABASE_URL is set (CI sets it), so both engines stay equal.
const engines = ['pglite', ...(process.env.PIPEWRIGHT_TEST_DATABASE_URL ? ['postgres'] : [])];

// Three workers on two cores, and unit and integration files sharing a worker's loaded modules:
// one worker left a core idle, and importing the app afresh for each file was a third of the CPU
// time (docs/decisions/0014-test-run-time.md).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    maxWorkers: 3,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      // The web app in Debian's Chromium, against the real server (skipped, loudly, without it).
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      // Real processes: the CLI, the curl smoke script, SIGKILL durability.
      { extends: true, test: { name: 'process', include: ['test/process/**/*.test.ts'] } },
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engine,
          include: ['test/integration/**/*.test.ts'],
          isolate: false,
          env: { PIPEWRIGHT_TEST_ENGINE: engine },
        },
      })),
    ],
  },
});
