import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { adoptChanges, csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/*
 * The Excel round trip in the browser: the adviser exports the programme from the activity table, edits one cell,
 * uploads the file, sees exactly that change in the preview and saves it; a broken file shows its errors per row and
 * cannot be saved; cancelling writes nothing.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Edits the downloaded workbook as a user would in Excel: the row of `title`, the cell under `header`. */
async function editCell(bytes: Buffer, title: string, header: string, value: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Activiteiten')!;
  const column = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
  let edited = false;
  sheet.eachRow((row) => {
    if (row.getCell(column('Activiteit')).value === title) {
      row.getCell(column(header)).value = value;
      edited = true;
    }
  });
  expect(edited, `a row for ${title}`).toBe(true);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('export to Excel, edit one cell, preview exactly that change and save it; a broken file shows its row errors', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  const [theme] = await (await page.request.get(`/api/v1/themes?planId=${plan.id}`)).json();
  const title = `Excel-proef ${unique()}`;
  const created = await page.request.post('/api/v1/activities', {
    headers: await csrfHeaders(page), data: { themeId: theme.id, title, frequencyText: 'Tweemaal per jaar', timeframeText: '2024' },
  });
  expect(created.status()).toBe(201);
  const activity = await created.json();

  await page.goto(`/plannen/${plan.id}/activiteiten`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteren naar Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^uitvoeringsprogramma-veiligheid-huizen.*\.xlsx$/);
  const exported = readFileSync(await download.path());

  await page.getByRole('link', { name: 'Importeren uit Excel' }).click();
  await expect(h1(page)).toHaveText('Importeren uit Excel');
  await expectAccessible(page);

  // One edited cell: exactly that change in the preview, nothing written until saved.
  await page.getByLabel(/Excel-bestand/).setInputFiles({ name: 'programma.xlsx', mimeType: XLSX, buffer: await editCell(exported, title, 'Frequentie', 'Eens per 4 weken') });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { name: 'Voorbeeld' })).toBeFocused();
  const changes = page.getByRole('table', { name: 'Wijzigingen per rij: de oude en de nieuwe waarde' });
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes.getByRole('row', { name: new RegExp(`Activiteiten \\d+ ${title} Frequentie Tweemaal per jaar Eens per 4 weken`) })).toBeVisible();
  await expect(page.locator('.regie-data-list')).toContainText('Gewijzigde rijen1');
  await expectAccessible(page);
  expect((await (await page.request.get(`/api/v1/activities/${activity.id}`)).json()).frequencyText).toBe('Tweemaal per jaar');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.locator('.regie-notice')).toBeFocused();
  await expect(page.locator('.regie-notice')).toHaveText('Opgeslagen: 1 gewijzigde rij en 0 nieuwe activiteiten.');
  const saved = await (await page.request.get(`/api/v1/activities/${activity.id}`)).json();
  expect(saved.frequencyText).toBe('Eens per 4 weken');
  expect(saved.version).toBe(activity.version + 1);

  // A broken file: its errors per row, and no way to save it.
  await page.getByLabel(/Excel-bestand/).setInputFiles({ name: 'kapot.xlsx', mimeType: XLSX, buffer: await editCell(exported, title, 'Thema', 'Fietsendiefstal') });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const issues = page.getByRole('table', { name: 'Fouten en waarschuwingen per rij' });
  await expect(issues.getByRole('row', { name: /Activiteiten \d+ Thema Fout: Onbekend thema "Fietsendiefstal"/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^1 fout/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wijzigingen opslaan' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.locator('.regie-notice')).toHaveText('Import geannuleerd. Er is niets opgeslagen.');
  expect((await (await page.request.get(`/api/v1/activities/${activity.id}`)).json()).version).toBe(saved.version);
});

test('the council reads the export but is not offered the import', async ({ page }) => {
  // The test above changed the programme: the college adopts it, so the council reads it.
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await adoptChanges(page, plan.id);
  await login(page, DEMO.huizenRaadslid);
  await page.goto(`/plannen/${plan.id}/activiteiten`);
  await expect(page.getByRole('link', { name: 'Exporteren naar Excel' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Importeren uit Excel' })).toHaveCount(0);
  await page.goto(`/plannen/${plan.id}/excel-importeren`);
  await expect(h1(page)).toHaveText('Importeren uit Excel');
  await expect(page.getByLabel(/Excel-bestand/)).toHaveCount(0);
  await expectAccessible(page);
});
