import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO, expectAccessible, findPlan, login, tabTo, unique } from './helpers.ts';

test('skip link first, then main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  // The first link in the content has a visible focus indicator.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('add a goal with the keyboard only', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Jeugd & veiligheid' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jeugd & veiligheid');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Doel toevoegen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw doel');
  await expectAccessible(page);

  // Submitting empty: focus goes to the error summary, its link leads to the field.
  await tabTo(page, page.getByRole('button', { name: 'Opslaan' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.regie-error-summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const title = page.getByRole('textbox', { name: 'Doel' });
  await expect(title).toBeFocused();
  const goal = `Minder jongerenoverlast in het centrum van Driebergen ${unique()}`;
  await page.keyboard.type(goal);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /Toelichting/ })).toBeFocused();
  await page.keyboard.type('Samen met het jongerenwerk.');
  await tabTo(page, page.getByRole('button', { name: 'Opslaan' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jeugd & veiligheid');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('listitem').filter({ hasText: goal })).toBeVisible();
});

test('log in and out with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Inloggen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Submitting empty: the summary takes focus and leads to the field.
  await tabTo(page, page.getByRole('button', { name: 'Inloggen' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.regie-error-summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const email = page.getByRole('textbox', { name: 'E-mailadres' });
  await expect(email).toBeFocused();
  await page.keyboard.type(DEMO.huizenBestuurder);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');

  // A portefeuillehouder lands on their organisation's dashboard, signed in, with focus at its heading.
  await expect(page).toHaveURL(/\/organisaties\/[^/]+\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('banner')).toContainText('Portefeuillehouder – Huizen');
  await tabTo(page, page.getByRole('button', { name: 'Uitloggen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
});
