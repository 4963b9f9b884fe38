import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD, E2E_SMTP_PORT } from './test/e2e/accounts.ts';

/** Another port with E2E_PORT, when 3199 is taken (another checkout running its tests). */
const PORT = Number(process.env.E2E_PORT ?? 3199);

/**
 * Browser tests against a real server with a fresh data directory (demo data loads on start). The web app must be
 * built first (`npm test` does). Debian's Chromium: Playwright's own browser download does not work here. The demo
 * accounts get a known password, so the tests can log in (test/e2e/helpers.ts).
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'nl-NL',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    // Mail goes to the SMTP server a test starts (test/smtp.ts); single sign-on may use a provider on 127.0.0.1 over http.
    command: `rm -rf .tmp/e2e-data .tmp/e2e-sessions.json && PORT=${PORT} REGIE_DATA_DIR=.tmp/e2e-data REGIE_DEMO_PASSWORD=${DEMO_PASSWORD} ` +
      `REGIE_SMTP_URL=smtp://127.0.0.1:${E2E_SMTP_PORT} REGIE_SSO_ALLOW_HTTP_LOCALHOST=1 node --import tsx src/server/main.ts`,
    url: `http://localhost:${PORT}/api/v1/plans`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
