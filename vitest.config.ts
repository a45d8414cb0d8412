import { defineConfig } from 'vitest/config';

// Projects: pure unit tests; HTTP/database tests on PGlite and (when a server is
// configured) on PostgreSQL; browser tests against the real server in Chromium.
const serverFiles = ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/core/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/web/**/*.test.ts'],
          exclude: ['src/web/**/*.e2e.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: serverFiles,
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          env: { TEST_ENGINE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: serverFiles,
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          env: { TEST_ENGINE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['src/web/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
