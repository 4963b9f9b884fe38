import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

test('the budget of Utrechtse Heuvelrug: total, available and remainder', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('navigation', { name: /^Menu van/ }).getByRole('link', { name: 'Begroting', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begroting');
  await expect(page).toHaveTitle(/Begroting/);
  const euro = (amount: string) => new RegExp(`€\\s${amount.replace('.', '\\.')}`);
  const table = page.getByRole('table', { name: 'Begroting', exact: true });
  const total = table.getByRole('row', { name: /^Totaal/ });
  await expect(total).toContainText(euro('201.500,00'));
  await expect(table.getByRole('row', { name: /^Beschikbaar/ })).toContainText(euro('214.571,00'));
  await expect(table.getByRole('row', { name: /^Restant/ })).toContainText(euro('13.071,00'));
  await expect(table.getByRole('row').filter({ hasText: 'Gemeentelijke bijdrage Bureau RVS & RIEC' })).toContainText(euro('34.000,00'));
  await expectAccessible(page);
});

test('sub-lines, PM and subsidies in Huizen’s budget', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/begroting`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begroting');
  await expect(page.getByText(/1 post is PM/)).toBeVisible();
  await expect(page.locator('.regie-budget-subline').first()).toBeVisible();
  await expectAccessible(page);
});
