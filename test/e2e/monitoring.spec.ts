import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/*
 * Monitoring in the browser: an indicator's status explained, its chart with the table beside it, the reference
 * areas of a plan, measurements added, edited and deleted, and the import of the real StatLine files – preview,
 * confirm, cancel, and an invalid file.
 */

const fixture = (name: string) => join(import.meta.dirname, '../../data/open-data', name);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** A new indicator in Laren's IVP, made through the API as the signed-in adviser. */
async function newIndicator(page: Page, planId: string, over: Record<string, unknown> = {}) {
  const res = await page.request.post('/api/v1/indicators', {
    headers: await csrfHeaders(page),
    data: {
      planId, name: `Geregistreerde misdrijven ${unique()}`, unit: 'aantal', direction: 'lower_is_better', source: 'Politie',
      baselineValue: 482, baselineYear: 2022, targetKind: 'relative', targetChangePercent: -10, targetYear: 2026, ...over,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

const measurementsOf = async (page: Page, indicatorId: string) =>
  (await (await page.request.get(`/api/v1/measurements?indicatorId=${indicatorId}`)).json()) as { periodLabel: string; value: number; areaCode: string | null }[];

test('an indicator’s page explains its status and shows its chart with a table, read-only for a bestuurder', async ({ page }) => {
  await login(page, DEMO.huizenBestuurder);
  // By name: other tests add plans of their own. (Meldingen van jeugdoverlast counts the demo meldpunt: it has data.)
  const indicators = (await (await page.request.get('/api/v1/indicators')).json()) as { name: string; planId: string; themeId: string }[];
  const burglaries = indicators.find((i) => i.name === 'Woninginbraken')!;
  await page.goto(`/plannen/${burglaries.planId}/themas/${burglaries.themeId}`);
  const card = page.locator('.regie-indicator').filter({ hasText: 'Woninginbraken' });
  await expect(card.getByText('Geen gegevens')).toBeVisible();
  await card.getByRole('link', { name: 'Woninginbraken' }).click();

  await expect(h1(page)).toHaveText('Woninginbraken');
  await expect(page.getByRole('heading', { name: 'Status: Geen gegevens' })).toBeVisible();
  await expect(page.getByText('Er is nog geen meting van na het jaar van de nulmeting (2018).')).toBeVisible();
  const chart = page.getByRole('img', { name: /Lijngrafiek van Woninginbraken/ });
  await expect(chart).toBeVisible();
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const table = page.getByRole('table', { name: 'Waarden van Woninginbraken per periode' });
  await expect(table.getByRole('row', { name: /2014/ })).toContainText('257');
  await expect(table.getByRole('row', { name: /2018/ })).toContainText('78');
  await page.getByText('Hoe bepaalt Regie de status?').click();
  await expect(page.getByText(/Op koers: het doeljaar is nog niet bereikt/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Meting toevoegen|Bewerken|Vergelijkingsgebieden/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('a contradictory target is flagged on the indicator’s page, not computed', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  // By name: other tests add plans of their own. (Meldingen van jeugdoverlast counts the demo meldpunt: it has data.)
  const indicators = (await (await page.request.get('/api/v1/indicators')).json()) as { id: string; name: string; planId: string }[];
  const attempts = indicators.find((i) => i.name === 'Aantal pogingen woninginbraken')!;
  await page.goto(`/plannen/${attempts.planId}/indicatoren/${attempts.id}`);
  await expect(page.getByRole('heading', { name: 'Status: Doel tegenstrijdig' })).toBeVisible();
  await expect(page.getByText('Het percentage leidt tot 15, niet tot de genoemde doelwaarde.')).toBeVisible();
  await expect(page.getByText(/Regie berekent geen status: het doel spreekt de nulmeting tegen/)).toBeVisible();
  await expectAccessible(page);
});

test('importing the Politie StatLine files: reference areas, preview, confirm, cancel, and an invalid file', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const plan = await findPlan(page.request, 'Laren', 'ivp');
  const indicator = await newIndicator(page, plan.id);

  // The areas Laren compares with.
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('link', { name: 'Vergelijkingsgebieden kiezen' }).click();
  await expect(h1(page)).toHaveText('Vergelijkingsgebieden');
  await page.getByRole('checkbox', { name: 'Nederland', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Midden-Nederland (RE)' }).check();
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText('Kies eerst een gemeente')).toBeVisible();
  await page.getByLabel(/Gemeente toevoegen/).selectOption({ label: 'Blaricum' });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('checkbox', { name: 'Blaricum' })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  const saved = await (await page.request.get(`/api/v1/plans/${plan.id}`)).json();
  expect(saved.referenceAreaCodes).toEqual(['NL01', 'RE03', 'GM0376']);

  // Preview: nothing is written until the adviser confirms.
  await page.getByRole('link', { name: 'Metingen importeren' }).first().click();
  await expect(h1(page)).toHaveText('Metingen importeren');
  await expectAccessible(page);
  await page.getByLabel(/CSV-bestand/).setInputFiles(fixture('politie_misdrijven_gemeente_2022_2023_statline.csv'));
  // A slow server: the progress bar says what happens meanwhile.
  await page.route('**/measurement-imports/preview', async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  }, { times: 1 });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Bestand versturen|Regie leest het bestand/ })).toBeVisible();
  await expect(page.locator('progress')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Voorbeeld' })).toBeFocused();
  await expect(page.locator('progress')).toHaveCount(0);
  await expect(page.getByText('StatLine-export')).toBeVisible();
  await page.getByLabel('Indicator voor Geregistreerde misdrijven').selectOption({ label: indicator.name });
  await expect(page.getByText('door u gekozen')).toBeVisible();
  const counts = page.locator('.regie-data-list').filter({ hasText: 'Nieuwe metingen' });
  await expect(counts).toContainText('Nieuwe metingen8');
  await expect(page.getByText('Laren (NH.): in het bestand')).toBeVisible();
  await expect(page.getByText(/349 andere regio’s worden overgeslagen/)).toBeVisible();
  const changes = page.getByRole('table', { name: 'Metingen die Regie zou opslaan' });
  await expect(changes.getByRole('row', { name: /165 .*Laren.*2022.*482/ })).toBeVisible();
  await expectAccessible(page);
  expect(await measurementsOf(page, indicator.id)).toEqual([]);

  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByText('Geïmporteerd: 8 nieuwe en 0 gewijzigde metingen; 0 waren al zo opgeslagen.')).toBeVisible();
  expect(await measurementsOf(page, indicator.id)).toHaveLength(8);

  // Cancelled: nothing written.
  await page.getByLabel(/CSV-bestand/).setInputFiles(fixture('politie_misdrijven_gemeente_2024_statline.csv'));
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.getByLabel('Indicator voor Geregistreerde misdrijven').selectOption({ label: indicator.name });
  await expect(counts).toContainText('Nieuwe metingen4');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.locator('.regie-notice')).toBeFocused();
  await expect(page.locator('.regie-notice')).toHaveText('Import geannuleerd. Er is niets opgeslagen.');
  expect(await measurementsOf(page, indicator.id)).toHaveLength(8);

  // An invalid file: its errors with their line numbers, and no way to import it.
  await page.getByLabel(/CSV-bestand/).setInputFiles({
    name: 'kapot.csv', mimeType: 'text/csv',
    buffer: Buffer.from('regio_code;indicator;periode;waarde\nGM0417;geregistreerde_misdrijven;2025;veel\nGM0417;geregistreerde_misdrijven;twintig;3\n'),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { name: 'Het bestand bevat 2 fouten' })).toBeVisible();
  await expect(page.getByText('Onleesbaar getal "veel" (regel 2); gebruik een komma als decimaalteken, bijvoorbeeld 27,4')).toBeVisible();
  await expect(page.getByText(/Onbekende periode "twintig" \(regel 3\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await expectAccessible(page);
  expect(await measurementsOf(page, indicator.id)).toHaveLength(8);

  // The indicator's page: the imported figures in its status, chart and table.
  await page.goto(`/plannen/${plan.id}/indicatoren/${indicator.id}`);
  await expect(page.getByRole('heading', { name: 'Status: Risico' })).toBeVisible();
  await expect(page.getByText(/De laatste meting, 480 \(2023\), ligt achter de koers/)).toBeVisible();
  const table = page.getByRole('table', { name: /per periode/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Periode', 'Laren', 'Nederland', 'Midden-Nederland (RE)', 'Blaricum']);
  await expect(table.getByRole('row', { name: /2022/ })).toContainText('800.027');
  const chart = page.getByRole('img', { name: /Lijngrafiek/ });
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByText('Dit plan vergelijkt met: Nederland, Midden-Nederland (RE), Blaricum.')).toBeVisible();
  await expectAccessible(page);
});

test('adding, editing and deleting a measurement', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const plan = await findPlan(page.request, 'Laren', 'ivp');
  const indicator = await newIndicator(page, plan.id);
  await page.goto(`/plannen/${plan.id}/indicatoren/${indicator.id}`);
  await expect(page.getByRole('heading', { name: 'Status: Geen gegevens' })).toBeVisible();

  await page.getByRole('link', { name: 'Meting toevoegen' }).click();
  await expect(h1(page)).toHaveText('Nieuwe meting');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('.regie-error-summary')).toBeFocused();
  await expect(page.locator('#field-periodLabel-error')).toHaveText('Vul de periode van de meting in, bijvoorbeeld 2024');
  await expectAccessible(page);

  await page.getByLabel('Periode').fill('2024');
  await expect(page.getByLabel('Eerste dag')).toHaveValue('2024-01-01');
  await expect(page.getByLabel('Laatste dag')).toHaveValue('2024-12-31');
  await page.getByLabel('Waarde').fill('450');
  await page.getByLabel(/Voorlopig cijfer/).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(h1(page)).toHaveText(indicator.name);
  await expect(page.getByRole('heading', { name: 'Status: Op koers' })).toBeVisible();
  await expect(page.getByText('Dit is een voorlopig cijfer: er is nog geen definitief cijfer.')).toBeVisible();
  const list = page.getByRole('table', { name: `Metingen: ${indicator.name}` });
  await expect(list.getByRole('row', { name: /2024/ })).toContainText('450voorlopig');

  await list.getByRole('link', { name: /Meting 2024, Laren bewerken/ }).click();
  await expect(h1(page)).toHaveText('Meting bewerken');
  await page.getByLabel('Waarde').fill('490,5');
  await page.getByLabel(/Voorlopig cijfer/).uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Niet op koers' })).toBeVisible();
  await expect(list.getByRole('row', { name: /2024/ })).toContainText('490,5');

  await list.getByRole('button', { name: /Meting 2024, Laren verwijderen/ }).click();
  await expect(page.getByText('De meting van 2024 (Laren) verwijderen?')).toBeVisible();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText('De meting van 2024 is verwijderd.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Status: Geen gegevens' })).toBeVisible();
  expect(await measurementsOf(page, indicator.id)).toEqual([]);
  await expectAccessible(page);
});
