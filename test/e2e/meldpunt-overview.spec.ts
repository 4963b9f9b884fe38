import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

/*
 * Meldpunt in cijfers (issue 13, part 5): the OOV adviser opens the overview from the municipality's page – chart and
 * table, small counts as "minder dan 5" – at both widths; and the indicator linked to jeugdoverlast shows the running
 * month's count from the meldpunt.
 */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

test('the adviser reads the meldpunt overview with its chart and table, on a wide and a narrow screen', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/organisaties/${plan.owner.id}`);
  await page.getByRole('link', { name: 'Meldpunt in cijfers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldpunt in cijfers');
  await expect(page.getByRole('img', { name: 'Meldingen per maand' }).first()).toBeVisible();
  const table = page.getByRole('table', { name: /^Meldingen per categorie en maand/ });
  await expect(table.getByRole('columnheader', { name: 'Jeugdoverlast' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Reactietijd tegen de norm/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Uitkomsten van weging 3/ })).toBeVisible();
  await expect(page.getByText('minder dan 5').first()).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByRole('img', { name: 'Meldingen per maand' }).first()).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('the indicator linked to jeugdoverlast shows the month\'s count from the meldpunt', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'ivp');
  const indicators = (await (await page.request.get(`/api/v1/indicators?planId=${plan.id}`)).json()) as { id: string; name: string; meldpuntCategoryKey?: string | null }[];
  const linked = indicators.find((i) => i.meldpuntCategoryKey === 'jeugdoverlast')!;
  expect(linked.name).toBe('Meldingen van jeugdoverlast');
  const now = new Date();
  const month = `${now.getFullYear()} ${MONTHS[now.getMonth()]}`;
  await page.goto(`/plannen/${plan.id}/indicatoren/${linked.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldingen van jeugdoverlast');
  const row = page.getByRole('row').filter({ hasText: month }).filter({ hasText: 'Meldpunt (Regie)' }).first();
  await expect(row).toBeVisible();
});
