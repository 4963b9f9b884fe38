import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const summary = (page: Page) => page.locator('.regie-error-summary');

test('a beheerder makes an API token, sees its secret once, and revokes it', async ({ page }) => {
  await login(page, DEMO.huizenBeheerder);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/organisaties/${plan.owner.id}`);
  await page.getByRole('link', { name: 'API-tokens beheren' }).click();
  await expect(h1(page)).toHaveText('API-tokens');
  await expect(page).toHaveTitle(/API-tokens – Huizen/);
  await expectAccessible(page);

  await page.getByLabel('Geldig (dagen)').fill('400');
  await page.getByRole('button', { name: 'Token maken' }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Er zijn 3 fouten in het formulier');
  await expect(page.locator('#field-expiresInDays-error')).toHaveText('Vul een aantal dagen in van 1 tot en met 365');
  await expectAccessible(page);

  const name = `Koppeling dashboard ${unique()}`;
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Portefeuillehouder' });
  await page.getByLabel('Geldig (dagen)').fill('30');
  await page.getByRole('button', { name: 'Token maken' }).click();
  await expect(page.getByRole('heading', { name: `Nieuw token: ${name}` })).toBeFocused();
  const token = await page.getByRole('textbox', { name: 'Het token' }).inputValue();
  expect(token).toMatch(/^regie_[\w-]{40,}$/);
  await expect(page.getByText('laat het token nooit meer zien')).toBeVisible();
  await expectAccessible(page);

  // The integration reads with it; the list says so. A reload shows the secret no more.
  const auth = { authorization: `Bearer ${token}` };
  expect((await page.request.get(`/api/v1/plans/${plan.id}`, { headers: auth })).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Het token' })).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('cell').nth(1)).toHaveText('Portefeuillehouder');
  await expect(row.getByRole('cell').nth(4)).not.toHaveText('Nooit');
  await expect(row.getByRole('cell').nth(5)).toHaveText('Actief');

  await row.getByRole('button', { name: `Intrekken ${name}` }).click();
  await expect(row.getByRole('button', { name: 'Ja, intrekken' })).toBeFocused();
  await expect(row).toContainText('Koppelingen die het gebruiken, werken daarna niet meer.');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(page.locator('.regie-notice')).toBeFocused();
  await expect(page.locator('.regie-notice')).toHaveText(`Token ${name} is ingetrokken.`);
  await expect(row.getByRole('cell').nth(5)).toHaveText(/^Ingetrokken op /);
  await expect(row.getByRole('button')).toHaveCount(0);
  expect((await page.request.get(`/api/v1/plans/${plan.id}`, { headers: auth })).status()).toBe(401);
  await expectAccessible(page);
});

test('an adviser sees no tokens', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/organisaties/${plan.owner.id}/api-tokens`);
  await expect(page.getByText('Alleen beheerders van Huizen kunnen API-tokens beheren.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
});
