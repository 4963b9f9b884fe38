import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, login } from './helpers.ts';

test('a partner sees the activities it is involved in and updates a status on Mijn activiteiten', async ({ page }) => {
  await login(page, DEMO.politiePartner);
  await page.goto('/');
  await page.getByRole('link', { name: 'Mijn activiteiten' }).click();
  await expect(page).toHaveURL(/\/mijn-activiteiten$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn activiteiten' })).toBeVisible();

  // Huizen's UVP: the police are involved in several of its activities.
  const table = page.getByRole('table', { name: /Uitvoeringsprogramma.* – Huizen$/ });
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expectAccessible(page);

  // Themes and plans are not readable for a partner: no links that would lead to "niet gevonden".
  await expect(table.getByRole('link')).toHaveCount(0);

  // An activity not yet in progress: set it to "In uitvoering" (the label of in_progress in nl.ts).
  const candidate = rows.filter({ has: page.getByRole('combobox') }).filter({
    hasNot: page.locator('option[value="in_progress"]:checked'),
  }).first();
  const title = (await candidate.locator('td').first().evaluate((td) => td.firstChild?.textContent ?? '')).trim();
  expect(title).not.toBe('');
  // From here on the row by its activity, not by its status (which changes).
  const row = rows.filter({ has: page.getByRole('combobox', { name: `Status van ${title}`, exact: true }) }).first();
  await row.getByRole('combobox', { name: `Status van ${title}` }).selectOption({ label: 'In uitvoering' });
  await row.getByRole('button', { name: /^Opslaan/ }).click();
  await expect(row.getByRole('status')).toHaveText('Opgeslagen: In uitvoering.');

  await page.reload();
  await expect(page.getByRole('combobox', { name: `Status van ${title}` }).first()).toHaveValue('in_progress');
  await expectAccessible(page);
});
