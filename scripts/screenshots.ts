/**
 * README screenshots: logs in as Huizen's adviser on a running Regie server and saves PNGs of the activity table of
 * Huizen's current programme and of Huizen's dashboard (1366×768), and of the activity table on a phone (375×812),
 * into docs/screenshots/. Starts nothing itself: start a demo server first.
 *
 *   node --import tsx scripts/screenshots.ts http://localhost:3288 <demo-wachtwoord>
 *
 * Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), as the browser tests do.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const [baseUrl = process.env.REGIE_URL, password = process.env.REGIE_DEMO_PASSWORD] = process.argv.slice(2);
if (!baseUrl || !password) {
  console.error('Gebruik: node --import tsx scripts/screenshots.ts <basis-URL> <demo-wachtwoord>');
  process.exit(2);
}
const EMAIL = 'adviseur@huizen.demo';
const OUT = 'docs/screenshots';

interface PlanSummary { id: string; kind: 'ivp' | 'uvp'; status: string; periodStart: string; periodEnd: string; owner: { name: string } }

async function shoot(page: Page, path: string, file: string) {
  await page.goto(new URL(path, baseUrl).href);
  await page.locator('h1').waitFor();
  await page.waitForLoadState('networkidle');
  // The activity table's filters open on a wide screen; folded, the table itself is in the picture.
  const filters = page.locator('details[open]').filter({ has: page.locator('summary', { hasText: 'Filters' }) });
  if (await filters.count()) await filters.locator('summary').first().click();
  await page.screenshot({ path: `${OUT}/${file}` });
  console.log(`${OUT}/${file}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-NL', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(EMAIL);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

  // Huizen's current programme: the UVP of Huizen whose period holds today, else the newest.
  const plans = (await (await page.request.get('/api/v1/plans')).json()) as (PlanSummary & { ownerId: string })[];
  const now = new Date();
  const quarter = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
  const programmes = plans.filter((p) => p.owner.name === 'Huizen' && p.kind === 'uvp').sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  const programme = programmes.find((p) => p.periodStart <= quarter && quarter <= p.periodEnd) ?? programmes[0];
  if (!programme) throw new Error('Geen uitvoeringsprogramma van Huizen gevonden');

  await shoot(page, `/plannen/${programme.id}/activiteiten`, 'activiteitentabel.png');
  await shoot(page, `/organisaties/${programme.ownerId}/dashboard`, 'dashboard.png');
  await page.setViewportSize({ width: 375, height: 812 });
  await shoot(page, `/plannen/${programme.id}/activiteiten`, 'activiteitentabel-mobiel.png');
} finally {
  await browser.close();
}
