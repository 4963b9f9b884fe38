import { expect, test, type Page } from '@playwright/test';
import { adoptChanges, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/*
 * Issue 12 item 1 (review D1, D9; ADR 0020): the adviser is warned that saving an adopted programme starts a new
 * concept and is told so after saving; the raadslid keeps reading the adopted version, with a banner saying so.
 */

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };

/** The edit form of the first activity of the programme's first theme. */
async function openActivityForm(page: Page, planId: string) {
  await page.goto(`/plannen/${planId}`);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link').first().click();
  await page.waitForURL(/\/themas\/[^/]+$/);
  const row = page.getByRole('table', { name: /Activiteiten/ }).locator('tbody tr').first();
  const title = (await row.getByRole('rowheader').getByRole('link').first().textContent())!.trim().slice(0, 30);
  await row.getByRole('link', { name: /Bewerken/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activiteit bewerken');
  return title;
}

test.describe.configure({ mode: 'serial' });
let adopted = '';
const draftTitle = `Concept ${unique()}`;

test('the adviser is warned that saving starts a concept, and told so after saving', async ({ page }) => {
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.setViewportSize(DESKTOP);
  await login(page, DEMO.huizenAdviseur);
  // Earlier specs may have edited the demo programme: the college adopts that first, so it is no concept.
  await adoptChanges(page, plan.id);
  adopted = await openActivityForm(page, plan.id);
  await expect(page.getByText(/Dit programma is (vastgesteld|gepubliceerd)\. Als u opslaat, wordt het een concept; versie \d+ blijft (vastgesteld|gepubliceerd)\./)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Activiteit', { exact: true }).fill(draftTitle);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const notice = page.getByText(/^Activiteit opgeslagen\. Het programma is nu een concept; versie \d+ blijft (vastgesteld|gepubliceerd)\.$/);
  await expect(notice).toBeVisible();
  await expect(page.locator('.regie-notice:focus')).toContainText('Activiteit opgeslagen');
  await expect(page.getByText(draftTitle).first()).toBeVisible();
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
});

test('the raadslid reads the adopted version with a banner, never the concept', async ({ page }) => {
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await login(page, DEMO.huizenRaadslid);
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    // Filtered on the adopted title (the served table filters too), so axe reads a short table.
    await page.goto(`/plannen/${plan.id}/activiteiten?q=${encodeURIComponent(adopted.slice(0, 20))}`);
    await expect(page.getByText(/Er wordt gewerkt aan een nieuwe versie; u leest versie \d+, vastgesteld op \d+ \w+ \d{4}\./)).toBeVisible();
    await expect(page.getByText(adopted).first()).toBeVisible();
    await expect(page.getByText(draftTitle)).toHaveCount(0);
    await expectAccessible(page);
  }
});

test('the raadslid’s plan page says which version it shows', async ({ page }) => {
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await login(page, DEMO.huizenRaadslid);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/plannen/${plan.id}`);
  await expect(page.getByRole('heading', { name: 'U leest de vastgestelde versie' })).toBeVisible();
  await expect(page.getByText(draftTitle)).toHaveCount(0);
  await expectAccessible(page);
});
