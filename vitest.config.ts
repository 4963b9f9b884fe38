import { defineConfig } from 'vitest/config';

/*
 * Two projects: every database test runs on embedded PostgreSQL (PGlite) and on a PostgreSQL server. The server run
 * needs TEST_DATABASE_URL (an account that may create databases); without it the run is skipped with a loud warning,
 * except in CI, where it is required.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  const message = 'TEST_DATABASE_URL is not set: the PostgreSQL server run of the test suite is SKIPPED.';
  if (process.env.CI) throw new Error(`${message} In CI it is required.`);
  console.warn(`\n!!! ${message}\n!!! Set it (see README) to run the suite against PostgreSQL too.\n`);
}

const dbTests = ['test/api/**/*.test.ts', 'test/server/**/*.test.ts'];
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // `extends`: the projects take the timeouts above (start-up tests load the demo data and hash passwords).
      { extends: true, test: { name: 'pglite', include: ['test/unit/**/*.test.ts', ...dbTests], env: { REGIE_TEST_DB: 'pglite' } } },
      ...(pgUrl ? [{ extends: true as const, test: { name: 'postgres', include: dbTests, env: { REGIE_TEST_DB: 'postgres' } } }] : []),
    ],
  },
});
