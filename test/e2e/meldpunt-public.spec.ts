import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/client.ts';
import { ensureDefaultCategories } from '../../src/server/meldpunt/repository.ts';
import { LIMITS, resetAbuseCounters } from '../../src/server/meldpunt/public/abuse.ts';
import { createTestDb } from '../db.ts';
import { photoWithGps } from '../meldpunt-form.ts';
import { expectAccessible } from './helpers.ts';

/*
 * The public meldformulier as a resident uses it (issue 13): a melding about jeugdoverlast, anonymous, with a photo,
 * keeping the meldcode; then, after the handler asked a question, the answer through the meldcode. Once without
 * JavaScript (the form needs none), and with JavaScript at both widths with axe on every page. Its own Regie on an
 * in-memory database with a municipality whose meldpunt has the default categories; the handler's question is put in
 * the database, as the back office would.
 */

let app: FastifyInstance;
let db: Db;
let base: string;
let drop: () => Promise<void>;
const PATH = '/openbaar/gemeente-meldstad/melden';

test.beforeAll(async () => {
  const t = await createTestDb();
  db = t.db;
  drop = t.drop;
  const id = randomUUID();
  await db.query(`insert into organisations (id, kind, name, cbs_code) values ($1, 'municipality', 'Gemeente Meldstad', 'GM0999')`, [id]);
  await db.query('update organisations set public_site = $1 where id = $2', [JSON.stringify({ primaryColor: '#1A5A8C', linkColor: '#0B5394' }), id]);
  await ensureDefaultCategories(db, id);
  app = await buildApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The minimum fill time has its API test (meldpunt-public.test.ts); a test fills the form faster than a person.
  LIMITS.minFillSeconds = 0;
});
test.beforeEach(() => resetAbuseCounters());
test.afterAll(async () => {
  await app?.close();
  await drop?.();
});

/** The whole flow; `check` runs on every page (axe, when JavaScript is on). */
async function reportAndAnswer(page: Page, check: (page: Page) => Promise<void>) {
  await page.goto(`${base}${PATH}`);
  await expect(page).toHaveTitle(/stap 1 van 3/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Stap 1 van 3/);
  await expect(page.getByRole('link', { name: 'meldmisdaadanoniem.nl' })).toHaveAttribute('href', 'https://www.meldmisdaadanoniem.nl');
  await check(page);
  await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Stap 2 van 3/);
  // Nothing filled in: the summary takes focus and links to the field; what was typed stays.
  await page.getByLabel('Waar is het?').fill('Het speelveld bij de Fictieflaan');
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.locator('#fouten')).toBeFocused();
  await expect(page.getByLabel('Waar is het?')).toHaveValue('Het speelveld bij de Fictieflaan');
  await check(page);
  await page.getByRole('link', { name: /Wat is er aan de hand\?/ }).click();
  await page.getByLabel('Wat is er aan de hand?').fill('Een groep jongeren gooit elke avond vuurwerk naar voorbijgangers.');
  await page.getByRole('radio', { name: 'Dagelijks' }).check();
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Stap 3 van 3/);
  await check(page);
  await page.getByLabel(/Bestanden/).setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps('E2EMARKER') });
  await page.getByLabel(/Ik wil een meldcode/).check();
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw melding is ontvangen');
  const number = (await page.locator('.regie-melden-number').textContent())!;
  const code = (await page.getByTestId('meldcode').textContent())!;
  const phrase = (await page.getByTestId('meldzin').textContent())!;
  await check(page);

  // The photo is kept without its EXIF and GPS.
  const [file] = await db.query<{ content: Uint8Array; id: string }>(
    `select f.content, m.id from melding_files f join meldingen m on m.id = f.melding_id order by m.received_at desc limit 1`);
  expect((await sharp(Buffer.from(file.content)).metadata()).exif).toBeUndefined();
  expect(Buffer.from(file.content).includes('E2EMARKER')).toBe(false);
  // The handler asks a question (the back office's work).
  await db.query(`insert into melding_messages (id, melding_id, kind, body) values ($1, $2, 'question', 'Op welke tijden gebeurt het meestal?')`, [randomUUID(), file.id]);

  await page.getByRole('link', { name: /Bekijk uw melding/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw melding volgen');
  await check(page);
  await page.getByLabel('Meldcode').fill(code);
  await page.getByLabel('Geheime zin').fill(phrase);
  await page.getByRole('button', { name: 'Bekijk mijn melding' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Melding ${number}`);
  await expect(page.getByTestId('publieke-status')).toHaveText('Ontvangen');
  await expect(page.getByText('Op welke tijden gebeurt het meestal?')).toBeVisible();
  await check(page);
  await page.getByLabel('Uw antwoord').fill('Tussen acht en tien uur ’s avonds.');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByText('Uw antwoord is verstuurd.')).toBeVisible();
  await expect(page.getByText('Tussen acht en tien uur ’s avonds.')).toBeVisible();
  await check(page);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1366, height: 768 } });
  test('a resident reports anonymously with a photo, keeps the meldcode and answers the handler’s question', async ({ page }) => {
    await reportAndAnswer(page, async () => undefined);
  });
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 375, height: 812 }]) {
  test.describe(`with JavaScript at ${viewport.width}`, () => {
    test.use({ viewport });
    test('every page of the form and the meldcode is accessible', async ({ page }) => {
      await reportAndAnswer(page, expectAccessible);
    });
  });
}
