import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, login } from './helpers.ts';

// Issue 12, D10: the start page tells the truth about empty rows and shows the reader's own organisations first.
const SCREENS = [{ name: 'desktop', width: 1366, height: 768 }, { name: 'phone', width: 375, height: 812 }];

const municipalities = (page: Page) => page.getByRole('table', { name: 'Gemeenten' });
const row = (page: Page, name: string) =>
  municipalities(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

for (const screen of SCREENS) {
  test(`Huizen's adviser sees their own municipality, all with the toggle, and no false "Nog geen plannen" (${screen.name})`, async ({ page }) => {
    await page.setViewportSize(screen);
    await login(page, DEMO.huizenAdviseur);
    await page.goto('/');
    await expect(page.getByText('U ziet alleen uw eigen organisaties.')).toBeVisible();
    await expect(municipalities(page).getByRole('rowheader')).toHaveText(['Huizen']);
    await expect(row(page, 'Huizen').getByRole('link', { name: /Uitvoeringsprogramma veiligheid Huizen/ }).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Alle gemeenten tonen' }).click();
    await expect(page).toHaveURL(/\?alle=1$/);
    await expect(municipalities(page).getByRole('rowheader')).toHaveCount(11);
    // Laren has an IVP Huizen's adviser may not read: not "Nog geen plannen".
    await expect(row(page, 'Laren')).toContainText('Geen plannen die u mag inzien');
    await expect(row(page, 'Laren')).not.toContainText('Nog geen plannen');
    await expect(municipalities(page)).not.toContainText('Nog geen plannen');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Alleen mijn organisaties tonen' }).click();
    await expect(municipalities(page).getByRole('rowheader')).toHaveText(['Huizen']);
  });
}

test('a visitor without an account sees all municipalities, without a toggle', async ({ page }) => {
  await page.context().clearCookies();
  await page.goto('/');
  await expect(municipalities(page).getByRole('rowheader')).toHaveCount(11);
  await expect(page.getByRole('link', { name: 'Alle gemeenten tonen' })).toHaveCount(0);
  await expect(row(page, 'Laren')).toContainText('Geen plannen die u mag inzien');
  await expectAccessible(page);
});
