import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

test('start page → Huizen’s UVP → theme Digitale Veiligheid with its six activities', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  await page.goto('/');
  await expect(page).toHaveTitle(/Gemeenten en plannen – Regie/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectAccessible(page);

  const huizen = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Huizen', exact: true }) });
  // The demo's programme (the carry-over spec may have made a successor beside it).
  const programme = await findPlan(page.request, 'Huizen', 'uvp');
  await huizen.getByRole('link', { name: programme.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Uitvoeringsprogramma');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('Huizen', { exact: true }).first()).toBeVisible();
  // The JSON export is folded under "Voor ontwikkelaars", not one of the plan's main actions.
  await expect(page.getByRole('link', { name: 'Exporteren (JSON)' })).toBeHidden();
  await page.getByText('Voor ontwikkelaars').click();
  await expect(page.getByRole('link', { name: 'Exporteren (JSON)' })).toHaveAttribute('href', /\/api\/v1\/plans\/.+\/export\?download=1$/);
  await expectAccessible(page);

  await page.getByRole('link', { name: /Digitale Veiligheid/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digitale Veiligheid');
  await expect(page).toHaveTitle(/Digitale Veiligheid.*– Regie/);
  const table = page.getByRole('table', { name: /Activiteiten/ });
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(page.getByText('6 activiteiten')).toBeVisible();
  await expectAccessible(page);
});

test('a member municipality of basisteam Heuvelrug sees the joint programme', async ({ page }) => {
  // Veenendaal has no demo account: Utrechtse Heuvelrug's adviser looks from their own municipality's page.
  await login(page, DEMO.heuvelrugAdviseur);
  await page.goto('/');
  await page.getByRole('link', { name: 'Utrechtse Heuvelrug', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utrechtse Heuvelrug');
  const joint = page.getByRole('region', { name: 'Gezamenlijke programma’s' });
  await expect(joint).toContainText('gezamenlijk programma van Basisteam Heuvelrug');
  await expectAccessible(page);

  await joint.getByRole('link', { name: /gezamenlijk deel basisteam Heuvelrug/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('gezamenlijk deel basisteam Heuvelrug');
  // The joint programme lists the local parts that build on it.
  await expect(page.getByRole('link', { name: /Utrechtse Heuvelrug 2023-2024/ })).toBeVisible();
  await expectAccessible(page);
});

test('a local plan links to its joint programme', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  await page.goto('/');
  await page.getByRole('link', { name: 'Utrechtse Heuvelrug', exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'Gezamenlijke programma’s' })).toContainText('Basisteam Heuvelrug');
  await page.getByRole('region', { name: 'Eigen plannen' }).getByRole('link', { name: /Utrechtse Heuvelrug/ }).click();
  await expect(page.getByText('Gezamenlijk programma', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /gezamenlijk deel basisteam Heuvelrug/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('gezamenlijk deel basisteam Heuvelrug');
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectAccessible(page);
});
