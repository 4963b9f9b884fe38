import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipEntry } from '../readers.ts';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

/*
 * The collegevoorstel (issue 5, part 3) and the help pages (part 7): an adviser makes a proposal from the demo
 * programme, fills in a section, orders the decision points and downloads the Word file; the help is reachable from
 * the navigation and from the pages it is about.
 */

test('an adviser makes a collegevoorstel from the Huizen programme, edits it and downloads it as Word', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('link', { name: 'Collegevoorstel maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collegevoorstel maken');
  await expect(page.getByRole('radio', { name: 'Het programma vaststellen' })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Collegevoorstel maken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorstel bewerken');
  await expect(page.getByLabel('Onderwerp')).toHaveValue(`Vaststellen ${plan.title}`);
  // What the data could not say is listed at the top.
  const unfilled = page.getByRole('alert').or(page.locator('.regie-unfilled')).filter({ hasText: 'Nog in te vullen' });
  await expect(unfilled.getByRole('link', { name: 'Kanttekeningen en risico’s' })).toBeVisible();
  await expectAccessible(page);

  const risks = page.getByRole('group', { name: 'Kanttekeningen en risico’s' });
  await expect(risks.getByText('Dit onderdeel bevat nog een tekst om in te vullen.')).toBeVisible();
  await risks.getByLabel('Tekst').fill('Incidenten en crises gaan voor; wettelijke taken krijgen voorrang.');
  await expect(risks.getByText('Dit onderdeel bevat nog een tekst om in te vullen.')).toBeHidden();
  await expect(unfilled.getByRole('link', { name: 'Kanttekeningen en risico’s' })).toBeHidden();

  // A third decision point, moved up to second place.
  await page.getByRole('button', { name: 'Besluitpunt toevoegen' }).click();
  await page.getByLabel('Besluitpunt 3').fill('Het programma publiceren op de website.');
  await page.getByRole('button', { name: 'Omhoog (Besluitpunt 3)' }).click();
  await expect(page.getByLabel('Besluitpunt 2')).toHaveValue('Het programma publiceren op de website.');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.title);
  const card = page.locator('article').filter({ has: page.getByRole('heading', { name: `Vaststellen ${plan.title}` }) });
  await expect(card.locator('ol').getByRole('listitem').nth(1)).toHaveText('Het programma publiceren op de website.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: `Word (.docx) – Vaststellen ${plan.title}` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^vaststellen-uitvoeringsprogramma-veiligheid-huizen-[a-z0-9-]+\.docx$/);
  const xml = unzipEntry(readFileSync(await download.path()), 'word/document.xml')!;
  expect(xml).toContain('Incidenten en crises gaan voor; wettelijke taken krijgen voorrang.');
  expect(xml).toContain('Voorgesteld besluit');
  expect(xml.indexOf('Het programma publiceren op de website.')).toBeLessThan(xml.indexOf('met een raadsinformatiebrief'));
});

test('help is reachable from the navigation and from the rounds page, with a table of contents', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Help' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help bij de beleids- en rapportagecyclus');
  const toc = page.getByRole('navigation', { name: 'Inhoud' });
  for (const topic of ['De beleidscyclus', 'Een updateronde houden', 'Een voortgangsrapportage maken', 'Een collegevoorstel voorbereiden', 'Vaststellen, ter kennisname en publiceren', 'Werken met Excel', 'De openbare site', 'Begrippen']) {
    await expect(toc.getByRole('link', { name: topic })).toBeVisible();
  }
  // Headings in order: one h1, the topics as h2.
  expect(await page.locator('h1').count()).toBe(1);
  await expect(page.locator('main h3')).toHaveCount(0);
  await expectAccessible(page);
  await toc.getByRole('link', { name: 'Vaststellen, ter kennisname en publiceren' }).click();
  await expect(page.getByRole('heading', { name: 'Vaststellen, ter kennisname en publiceren' })).toBeFocused();

  // The skip link moves focus to the content.
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Contextual help from the page it is about.
  await page.goto(`/plannen/${plan.id}/rondes`);
  await page.getByRole('link', { name: 'Hulp bij deze pagina' }).click();
  await expect(page).toHaveURL(/\/help#updaterondes$/);
  await expect(page.getByRole('heading', { name: 'Een updateronde houden' })).toBeFocused();
});

test('help is there for readers without an account too', async ({ page }) => {
  await page.context().clearCookies();
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help bij de beleids- en rapportagecyclus');
  await expectAccessible(page);
});
