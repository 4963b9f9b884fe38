// Runs the browser tests in Chromium. Locally they are skipped, loudly, when Chromium is not installed; in CI never.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium}: the browser tests are SKIPPED.`;
  if (process.env.CI) {
    console.error(`${message} In CI they are required (install Debian's chromium package).`);
    process.exit(1);
  }
  console.warn(`\n!!! ${message}\n!!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
  process.exit(0);
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
