import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

test('edit an activity’s tijdpad: saved, kept after reload, and read by Regie', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link', { name: 'Ondermijning' }).click();
  await page.waitForURL(/\/themas\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ondermijning');
  const themeUrl = page.url();

  const row = page.getByRole('table', { name: /Activiteiten/ }).locator('tbody tr').first();
  const title = (await row.getByRole('rowheader').textContent())!.slice(0, 40);
  await row.getByRole('link', { name: /Bewerken/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activiteit bewerken');
  await expect(page).toHaveTitle(/Activiteit bewerken/);
  await expectAccessible(page);

  const tijdpad = page.getByLabel('Tijdpad');
  await tijdpad.fill('Q1-Q2 2024');
  await expect(page.getByText('Gelezen als: Q1 2024 t/m Q2 2024')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).click();

  // Back on the page the edit started from, with the new tijdpad and its reading.
  await expect(page).toHaveURL(themeUrl);
  const saved = page.getByRole('row').filter({ hasText: title });
  await expect(saved).toContainText('Q1-Q2 2024');
  await expect(saved).toContainText('Q1 2024 t/m Q2 2024');
  await page.reload();
  await expect(saved).toContainText('Q1-Q2 2024');
  await expect(saved).toContainText('Q1 2024 t/m Q2 2024');
  await expectAccessible(page);
});

test('a tijdpad Regie cannot read is kept and marked “niet herkend”', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link', { name: 'Ondermijning' }).click();
  const row = page.getByRole('table', { name: /Activiteiten/ }).locator('tbody tr').nth(1);
  const title = (await row.getByRole('rowheader').textContent())!.slice(0, 40);
  await row.getByRole('link', { name: /Bewerken/ }).click();
  await page.getByLabel('Tijdpad').fill('na de zomer');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const saved = page.getByRole('row').filter({ hasText: title });
  await expect(saved).toContainText('na de zomer');
  await expect(saved).toContainText('niet herkend');
});
