import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

/** The activity table as the advisers' daily work surface, and no app page wider than a phone (issue 12, D2/D6/D16). */

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };

interface Row { id: string; theme: { id: string; scope: string } }

async function huizen(page: Page) {
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  const rows = (await (await page.request.get(`/api/v1/plans/${plan.id}/activities`)).json()) as Row[];
  return { plan, activity: rows[0].id, theme: rows[0].theme.id, scope: rows[0].theme.scope };
}

const table = (page: Page) => page.getByRole('table', { name: 'Activiteitentabel' });

test('the activity table: status in view, 20 compact rows a screen, folded filters and cards on a phone', async ({ page }) => {
  test.setTimeout(120_000); // three axe runs; about 15 s on an idle machine
  await page.setViewportSize(DESKTOP);
  await login(page, DEMO.huizenAdviseur);
  const { plan, theme, scope } = await huizen(page);
  await page.goto(`/plannen/${plan.id}/activiteiten`);
  const status = table(page).getByRole('columnheader', { name: 'Status' });
  await expect(status).toBeVisible();
  const box = (await status.boundingBox())!;
  expect(box.x + box.width, 'the Status header is on the first screen').toBeLessThanOrEqual(DESKTOP.width);

  // Compact is the default: at least 20 rows fit in the height of one screen.
  await expect(page.getByRole('radio', { name: 'Compact' })).toBeChecked();
  const rows = table(page).locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(20);
  const first = (await rows.nth(0).boundingBox())!;
  const twentieth = (await rows.nth(19).boundingBox())!;
  expect(twentieth.y + twentieth.height - first.y, '20 rows in one screen').toBeLessThanOrEqual(DESKTOP.height);
  await expect(page.getByRole('button', { name: /meer toelichting/ })).toHaveCount(0);
  await expectAccessible(page);

  // The spacious view, remembered, shows the toelichting cut short, with "meer".
  await page.getByText('Ruim, met toelichting').click();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Ruim, met toelichting' })).toBeChecked();
  const more = page.getByRole('button', { name: /meer toelichting/ }).first();
  await more.click();
  await expect(page.getByRole('button', { name: /minder toelichting/ }).first()).toHaveAttribute('aria-expanded', 'true');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
  await expectAccessible(page);
  await page.getByText('Compact').click();

  // A phone: the filters are folded and count what is on; the rows are cards; nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await page.goto(`/plannen/${plan.id}/activiteiten?themeId=${theme}&scope=${scope}`);
  const filters = page.locator('details.regie-filter-form');
  await expect(filters.locator('summary')).toHaveText('Filters (2)');
  await expect(filters).not.toHaveAttribute('open');
  await expect(page.getByLabel('Zoeken')).toBeHidden();
  const card = table(page).locator('tbody tr').first();
  await expect(card).toBeVisible();
  expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe('block');
  expect((await card.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page);

  // The skip link passes the filters to the results.
  await page.getByRole('link', { name: 'Direct naar de resultaten' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#resultaten')).toBeFocused();
});

test('no page of the app scrolls sideways on a phone', async ({ page }) => {
  test.setTimeout(180_000); // 12 pages with axe: about 30 s on an idle machine
  await page.setViewportSize(PHONE);
  await login(page, DEMO.huizenAdviseur);
  const { plan, activity, theme } = await huizen(page);
  const org = plan.owner.id;
  const pages = {
    adviseur: ['/', `/plannen/${plan.id}`, `/plannen/${plan.id}/activiteiten`, `/plannen/${plan.id}/themas/${theme}`,
      `/activiteiten/${activity}`, `/plannen/${plan.id}/begroting`, `/organisaties/${org}/dashboard`, `/organisaties/${org}`,
      '/mijn-activiteiten', `/plannen/${plan.id}/planning`],
    partner: ['/', '/mijn-activiteiten'],
  };
  for (const [who, urls] of Object.entries(pages)) {
    if (who === 'partner') await login(page, DEMO.politiePartner);
    for (const url of urls) {
      await page.goto(url);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.getByText('Bezig met laden')).toHaveCount(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, `${who} ${url} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page);
    }
  }
});
