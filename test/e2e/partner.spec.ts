import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, login, unique } from './helpers.ts';

test('a partner updates an activity its organisation is involved in, from mijn activiteiten', async ({ page }) => {
  await login(page, DEMO.politiePartner);
  await page.goto('/');
  // The open demo round asks the police for updates: the start page says so.
  await expect(page.getByRole('heading', { level: 2, name: /activiteiten wachten op uw update/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Naar mijn activiteiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn activiteiten' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Alleen wat op mijn update wacht' })).toBeChecked();
  await expectAccessible(page);

  const table = page.getByRole('table', { name: /Uitvoeringsprogramma.* – Huizen$/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bondgenotenoverleg' }) });
  await expect(row).toContainText('Gevraagd voor Q4 2024');
  await row.getByRole('link', { name: 'Bondgenotenoverleg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bondgenotenoverleg' })).toBeVisible();
  await expect(page.getByText(/Voor de updateronde Q4 2024 wordt een update van deze activiteit gevraagd/)).toBeVisible();
  // A partner reports progress; the activity's texts stay the municipality's.
  await expect(page.getByRole('link', { name: 'Activiteit bewerken' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Loopt' });
  await page.getByRole('textbox', { name: /Toelichting/ }).fill(`Wijkagent sluit aan bij het bondgenotenoverleg ${unique()}`);
  await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De voortgang is opgeslagen.' })).toBeVisible();
  await expect(page.locator('.regie-data-list .regie-status')).toHaveText('Loopt');

  await page.getByRole('link', { name: 'Mijn activiteiten' }).first().click();
  await page.getByRole('checkbox', { name: 'Alleen wat op mijn update wacht' }).uncheck();
  const updated = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bondgenotenoverleg' }) });
  await expect(updated.locator('.regie-status')).toHaveText('Loopt');
  await expect(updated).toContainText('Laatst bijgewerkt');
});
