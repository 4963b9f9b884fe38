import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

/** Issue 12, D8 and D11: the dashboard answers on its first screen; a menu per plan; header items that fit the role. */

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };

/** The element lies wholly inside the first screen (before any scrolling). */
async function expectInFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'the element is shown').not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

const lagging = (page: Page) => page.getByRole('link', { name: /activiteiten? (lopen|loopt) achter/ }).first();

test('the bestuurder lands on their own themes, with the headline figures first, and can see the whole plan', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, DEMO.huizenBestuurder);
  await page.goto('/');
  const header = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(header.getByRole('link', { name: 'Mijn activiteiten' })).toHaveCount(0);
  await header.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(page.getByText(/U ziet de thema’s waarvan u \(Karin van Werven\) portefeuillehouder bent/)).toBeVisible();
  const uvp = page.getByRole('region', { name: /^Uitvoeringsprogramma/ });
  await expect(uvp.getByRole('table', { name: /Stand per thema/ }).locator('tbody tr')).toHaveCount(2);
  await expectInFirstScreen(page, lagging(page));
  // The chart arrives with its size given (nothing jumps), drawn for this width.
  const chart = uvp.getByRole('img', { name: /Staafdiagram/ });
  await expect(chart).toHaveAttribute('height', /\d+/);
  await expect.poll(() => chart.evaluate((i: HTMLImageElement) => i.naturalWidth), { timeout: 30_000 }).toBe(720);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Toon het hele plan' }).click();
  await expect(page).toHaveURL(/portefeuillehouder=alle/);
  await expect(uvp.getByRole('table', { name: /Stand per thema/ }).locator('tbody tr')).toHaveCount(9);
  await expectInFirstScreen(page, lagging(page));
  await lagging(page).click();
  await expect(page).toHaveURL(/\/activiteiten\?lagging=true/);

  await page.setViewportSize(PHONE);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expectInFirstScreen(page, lagging(page));
  await expect.poll(() => chart.evaluate((i: HTMLImageElement) => i.naturalWidth), { timeout: 30_000 }).toBe(340);
  await expectAccessible(page);
});

test('the plan menu marks the current page and reaches the dashboard in one click', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  const menu = page.getByRole('navigation', { name: /^Menu van/ });
  await expect(menu.getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn activiteiten' })).toBeVisible();
  await menu.getByRole('link', { name: 'Activiteiten', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activiteitentabel');
  await expect(menu.getByRole('link', { name: 'Activiteiten', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'Overzicht' })).not.toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  // From an activity, the dashboard is one click away.
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link').first().click();
  await page.getByRole('table', { name: /Activiteiten/ }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/activiteiten\/[^/]+$/);
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
  await menu.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  await expect(menu.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
});

test('the raadslid’s header has Help and no "Mijn activiteiten"', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await login(page, DEMO.huizenRaadslid);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Help' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mijn activiteiten' })).toHaveCount(0);
  await expectAccessible(page);
});
