import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { createTestDb } from '../db.ts';
import { versionOf } from '../published-versions.ts';
import { DEMO, expectAccessible, login } from './helpers.ts';

/*
 * The public site as a resident sees it, with JavaScript off. Most tests start their own Regie on an in-memory database
 * with the demo documents and Huizen's programme published twice (and once adopted only) through the adoption
 * workflow, on a free port of 127.0.0.1, so other specs' edits to the demo server do not matter; the last one reads
 * what the demo server itself published at its first start.
 */

let app: FastifyInstance;
let base: string;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
let activityTitle: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const t = await createTestDb();
  drop = t.drop;
  await importPlanDocuments(t.db, readDemoDocuments());
  const [huizen] = await t.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
  const [uvp] = await t.db.query<{ id: string; title: string }>("select id, title from plans where owner_id = $1 and kind = 'uvp'", [huizen.id]);
  // Each version after a change of the text: the title of the first, then the original title again.
  ids.v1 = (await versionOf(t.db, uvp.id, { title: 'Uitvoeringsprogramma veiligheid Huizen (eerste versie)' })).id;
  ids.v2 = (await versionOf(t.db, uvp.id, { title: uvp.title, adoptedOn: '2024-01-16' })).id;
  ids.adopted = (await versionOf(t.db, uvp.id, { stage: 'adopted', title: `${uvp.title} (herzien)`, adoptedOn: '2024-03-05' })).id;
  [{ title: activityTitle }] = await t.db.query<{ title: string }>(
    'select a.title from activities a join themes t on t.id = a.theme_id where t.plan_id = $1 order by t.position, a.position limit 1', [uvp.id],
  );
  // Huizen's house style: a dark blue header, links in another blue (both over 4.5:1 against white).
  await t.db.query('update organisations set public_site = $1 where id = $2', [
    JSON.stringify({ primaryColor: '#1A5A8C', linkColor: '#0B5394', headerName: 'Gemeente Huizen', contactEmail: 'webredactie@huizen.test' }), huizen.id,
  ]);
  app = await buildApp(t.db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await app?.close();
  await drop?.();
});


/** Axe runs with JavaScript (it is a script); the pages have none, so they are the same pages. */
async function expectAccessibleAt(page: Page, url: string, viewport = page.viewportSize() ?? undefined) {
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, locale: 'nl-NL', viewport });
  const withJs = await context.newPage();
  await withJs.goto(url);
  await expectAccessible(withJs);
  await context.close();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident finds the published programme without JavaScript, reads it and downloads its files', async ({ page }) => {
    await page.goto(`${base}/openbaar`);
    await expect(page.getByRole('heading', { level: 1, name: 'Gepubliceerd veiligheidsbeleid' })).toBeVisible();
    await expectAccessibleAt(page, page.url());

    await page.getByRole('link', { name: 'Huizen', exact: true }).click();
    await expect(page).toHaveURL(`${base}/openbaar/huizen`);
    await expect(page.getByRole('heading', { level: 1, name: 'Veiligheidsbeleid van Huizen' })).toBeVisible();
    // The house style: the name and colour in the header, as NL Design System tokens.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Gemeente Huizen' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgb(26, 90, 140)');
    await expectAccessibleAt(page, page.url());

    // The newest version is the first link; the earlier one is behind "Eerdere versies" (a <details>, no script).
    await page.getByRole('link', { name: /^Uitvoeringsprogramma/ }).first().click();
    await expect(page).toHaveURL(`${base}/openbaar/huizen/${ids.v2}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Uitvoeringsprogramma/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Activiteiten – Thema 1/ })).toContainText(activityTitle.slice(0, 40));
    await expect(page.getByRole('main').getByRole('link', { name: /^Word-document/ })).toHaveCSS('color', 'rgb(11, 83, 148)');
    await expect(page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Huizen', exact: true })).toHaveCSS('color', 'rgb(11, 83, 148)');
    await expectAccessibleAt(page, page.url());

    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return file.suggestedFilename();
    };
    expect(await download(/^Word-document/)).toMatch(/^uitvoeringsprogramma-veiligheid-huizen-.*-versie-2\.docx$/);
    expect(await download(/activiteitentabel als CSV/)).toMatch(/-versie-2\.csv$/);
    const pdf = await page.request.get(await page.getByRole('link', { name: /^PDF/ }).getAttribute('href').then((h) => `${base}${h}`));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The breadcrumb leads back; the footer to the accessibility statement.
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Huizen', exact: true }).click();
    await expect(page).toHaveURL(`${base}/openbaar/huizen`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'webredactie@huizen.test' })).toHaveAttribute('href', 'mailto:webredactie@huizen.test');
    await expectAccessibleAt(page, page.url());
  });

  test('the skip link is the first stop for the keyboard and leads to the content', async ({ page }) => {
    await page.goto(`${base}/openbaar/huizen`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#inhoud$/);
  });

  test('an address that is not published shows the 404 page, accessible like the rest', async ({ page }) => {
    for (const path of [`/openbaar/huizen/${ids.adopted}`, '/openbaar/huizen/onzin', '/openbaar/nergens']) {
      const res = await page.goto(`${base}${path}`);
      expect(res!.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    }
    await page.getByRole('link', { name: 'Naar alle publicaties' }).click();
    await expect(page).toHaveURL(`${base}/openbaar`);
    await expectAccessibleAt(page, `${base}/openbaar/huizen/${ids.adopted}`);
  });

  test('printed, the document keeps its content and drops the navigation and downloads', async ({ page }) => {
    await page.goto(`${base}/openbaar/huizen/${ids.v2}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1, name: /^Uitvoeringsprogramma/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Activiteiten – Thema 1/ })).toBeVisible();
    await expect(page.getByText(activityTitle.slice(0, 40)).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toBeHidden();
    await expect(page.getByRole('link', { name: /^Word-document/ })).toBeHidden();
    // The version's facts stay: who adopted it, when, and when it was published.
    await expect(page.getByText('Gepubliceerd op', { exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 375, height: 812 }]) {
    const isPhone = viewport.width < 500;
    test(`at ${viewport.width}×${viewport.height}: one grid, no page wider than the screen, the skip link hidden until focused${isPhone ? ', activities as cards' : ''}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const path of ['/openbaar', '/openbaar/huizen', `/openbaar/huizen/${ids.v2}`, '/openbaar/toegankelijkheid']) {
        await page.goto(`${base}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(viewport.width);
        // The header's name, the breadcrumb and the heading start on one left edge.
        const left = async (l: ReturnType<Page['locator']>) => Math.round((await l.boundingBox())!.x);
        const edge = await left(page.getByRole('main').getByRole('heading', { level: 1 }));
        expect(await left(page.getByRole('banner').getByRole('link').first()), path).toBe(edge);
        expect(await left(page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link').first()), path).toBe(edge);
        // The footer ends at the bottom of the window or below it, also on a short page.
        const footer = (await page.getByRole('contentinfo').boundingBox())!;
        expect(footer.y + footer.height, path).toBeGreaterThanOrEqual(viewport.height - 1);
      }
      // On a generic page the header does not say the same words twice.
      await expect(page.getByRole('banner')).toHaveText('Openbaar veiligheidsbeleid');

      await page.goto(`${base}/openbaar/huizen`);
      const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
      await expect(skip).not.toBeInViewport();
      const brand = page.getByRole('banner').getByRole('link', { name: 'Gemeente Huizen' });
      const box = (await brand.boundingBox())!;
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent, [box.x + box.width / 2, box.y + box.height / 2]))
        .toBe('Gemeente Huizen');
      await page.keyboard.press('Tab');
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      // The stable link is a full URL, to paste into the municipality's own site.
      await expect(page.getByRole('link', { name: new RegExp(`^${base}/openbaar/huizen/uitvoeringsprogramma`) })).toBeVisible();

      await page.goto(`${base}/openbaar/huizen/${ids.v2}`);
      const row = page.getByRole('table', { name: /^Activiteiten – Thema 1/ }).locator('tbody tr').first();
      const label = row.locator('.regie-public-cell-label').first();
      if (isPhone) {
        // A card: label above value, no sideways scrolling, and not a column of one word per line.
        await expect(row).toHaveCSS('display', 'block');
        await expect(label).toBeVisible();
        await expect(label).toHaveText('Activiteit');
        expect((await row.boundingBox())!.height).toBeLessThan(700);
        expect((await row.boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
      } else {
        await expect(row).toHaveCSS('display', 'table-row');
        await expect(label).toBeHidden();
      }
      await expectAccessibleAt(page, page.url(), viewport);
      await expectAccessibleAt(page, `${base}/openbaar/toegankelijkheid`, viewport);
    });
  }
});

test('the demo server published Huizen’s programme at its first start: a resident reaches it by its stable address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto('/openbaar/huizen');
  await expect(page.getByRole('heading', { level: 1, name: 'Veiligheidsbeleid van Huizen' })).toBeVisible();
  const stable = page.getByRole('link', { name: /^http:\/\/localhost:\d+\/openbaar\/huizen\/uitvoeringsprogramma-veiligheid-huizen/ });
  await expect(stable).toHaveAttribute('href', /^http:\/\/localhost:\d+\/openbaar\/huizen\/uitvoeringsprogramma-veiligheid-huizen-periode-q2-2023-t-m-q4-2024$/);
  await stable.click();
  await expect(page).toHaveURL(/\/openbaar\/huizen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Uitvoeringsprogramma veiligheid Huizen/ })).toBeVisible();
  await expect(page.getByText('commissie ABM, 4 juli 2023')).toBeVisible();
  await expect(page.getByRole('table', { name: /^Activiteiten – Thema 1/ })).toBeVisible();
  await expectAccessibleAt(page, page.url());
  await context.close();
});

test('the beheerder sets the house style: a colour with too little contrast is refused in Dutch, a good one is saved', async ({ page }) => {
  await login(page, DEMO.huizenBeheerder);
  const orgs = (await (await page.request.get('/api/v1/organisations?kind=municipality')).json()) as { id: string; name: string }[];
  const huizen = orgs.find((o) => o.name === 'Huizen')!;
  await page.goto(`/organisaties/${huizen.id}`);
  await page.getByRole('link', { name: 'Openbare site: huisstijl en contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Openbare site/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Huisstijlkleur (kop en voet)').fill('#FFCC00');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'te weinig contrast' });
  await expect(summary).toBeVisible();
  await expect(page.getByText('De huisstijlkleur heeft te weinig contrast met wit (1,51:1, nodig is 4,5:1 voor WCAG AA). Kies een donkerdere kleur.').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Huisstijlkleur (kop en voet)').fill('#1A5A8C');
  await page.getByLabel('Naam in de kop').fill('Gemeente Huizen');
  await page.getByLabel('E-mailadres voor toegankelijkheid').fill('webredactie@huizen.demo');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('De instellingen van de openbare site zijn opgeslagen.')).toBeVisible();
  const stored = (await (await page.request.get(`/api/v1/organisations/${huizen.id}`)).json()) as { publicSite: Record<string, string | null> };
  expect(stored.publicSite).toEqual({ headerName: 'Gemeente Huizen', primaryColor: '#1A5A8C', linkColor: null, contactEmail: 'webredactie@huizen.demo' });
});
