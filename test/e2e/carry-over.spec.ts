import { expect, test } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

test('the adviser makes a new programme based on the old one and reads what was copied', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('link', { name: 'Nieuw programma op basis van dit programma' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw programma op basis van dit programma');
  // The period defaults to the two years after the programme.
  await expect(page.getByLabel(/^Begin/)).toHaveValue('2025-Q1');
  await expect(page.getByLabel(/^Einde/)).toHaveValue('2026-Q4');
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1366, height: 768 });

  const title = `Uitvoeringsprogramma veiligheid Huizen vervolg ${unique()}`;
  await page.getByLabel('Titel van het nieuwe programma').fill(title);
  await page.getByRole('button', { name: 'Nieuw programma maken' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Overgenomen', exact: true })).toBeVisible();
  await expect(page.getByText(/open activiteiten, met de jaartallen/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Niet overgenomen', exact: true })).toBeVisible();
  await expect(page.getByText(/Voortgang, uitvoeringen, updaterondes en bestedingen/)).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Naar het nieuwe programma' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The new concept goes again, so the other specs read the demo as it was (its activities involve the partner too).
  const id = new URL(page.url()).pathname.split('/').pop();
  expect((await page.request.delete(`/api/v1/plans/${id}`, { headers: await csrfHeaders(page) })).status()).toBe(204);
});
