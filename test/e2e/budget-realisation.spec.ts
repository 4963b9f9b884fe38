import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

const euro = (amount: string) => new RegExp(`€\\s${amount.replace(/\./g, '\\.')}`);

test('an adviser books, corrects and removes spending; the budget shows what is left and flags overspending', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/begroting`);
  const realisation = page.getByRole('table', { name: /Realisatie per post \(hele periode\)/ });
  // € 5.000 per jaar over 2023 and 2024.
  const line = realisation.getByRole('row', { name: /^Publiekscommunicatie/ });
  await expect(line).toContainText(euro('10.000,00'));
  await expect(line).toContainText('0% besteed');
  await expectAccessible(page);

  await line.getByRole('link', { name: 'Publiekscommunicatie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publiekscommunicatie');
  await expect(page.getByText('Op deze post is nog niets uitgegeven.')).toBeVisible();
  await expectAccessible(page);

  // An amount that is not one is refused with a message at the field.
  await page.getByRole('link', { name: 'Uitgave toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe uitgave');
  await page.getByLabel('Datum').fill('2023-09-14');
  await page.getByLabel('Begrotingsjaar').selectOption('2023');
  await page.getByLabel('Bedrag').fill('6.250,5x');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#field-amountCents-error')).toHaveText(/Vul een bedrag in euro’s in/);
  await expectAccessible(page);

  // Dutch notation: € 6.250,50 in 2023, more than the € 5.000 of that year.
  const note = `Campagne woninginbraak, drukwerk en advertenties ${unique()}`;
  await page.getByLabel('Bedrag').fill('6.250,50');
  await page.getByLabel('Toelichting').fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publiekscommunicatie');
  const entries = page.getByRole('table', { name: 'Uitgaven op deze post' });
  await expect(entries.getByRole('row', { name: new RegExp(note) })).toContainText(euro('6.250,50'));
  const perYear = page.getByRole('table', { name: 'Gepland, uitgegeven en resterend per jaar' });
  await expect(perYear.getByRole('row', { name: /^2023/ })).toContainText(/Overschreden met €\s1\.250,50/);
  await expect(perYear.getByRole('row', { name: /^Totaal/ })).toContainText('63% besteed');
  await expectAccessible(page);

  // The year view of the budget flags it too, in words.
  await page.goto(`/plannen/${plan.id}/begroting?jaar=2023`);
  const year2023 = page.getByRole('table', { name: /Realisatie per post \(2023\)/ });
  await expect(year2023.getByRole('row', { name: /^Publiekscommunicatie/ })).toContainText('Overschreden');
  await expect(page.getByRole('link', { name: 'Jaar 2023' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('1 post is overschreden.')).toBeVisible();
  await expectAccessible(page);

  // Corrected to € 4.000: within budget again.
  await year2023.getByRole('link', { name: 'Publiekscommunicatie' }).click();
  await entries.getByRole('link', { name: /Bewerken/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitgave bewerken');
  await expect(page.getByLabel('Bedrag')).toHaveValue('6.250,50');
  await page.getByLabel('Bedrag').fill('4000');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(perYear.getByRole('row', { name: /^2023/ })).toContainText('80% besteed');

  // Removed after confirming: the demo budget is as printed again.
  await entries.getByRole('button', { name: /Verwijderen/ }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeVisible();
  await expect(page.locator('.regie-spending-notice')).toBeFocused();
  await expect(page.getByText('Op deze post is nog niets uitgegeven.')).toBeVisible();
  await expect(perYear.getByRole('row', { name: /^Totaal/ })).toContainText('0% besteed');
  await expectAccessible(page);
});

test('subsidies with their conditions and end dates, flagged when ended', async ({ page }) => {
  await login(page, DEMO.huizenBestuurder);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/begroting`);
  const subsidies = page.getByRole('table', { name: 'Subsidies met hun voorwaarden en looptijd' });
  await expect(subsidies.locator('tbody tr')).toHaveCount(4);
  const training = subsidies.getByRole('row', { name: /Deskundigheidsbevordering/ });
  await expect(training).toContainText('Op declaratiebasis');
  await expect(training).toContainText('31 december 2023');
  await expect(training).toContainText('Afgelopen');
  await expect(subsidies.getByRole('row', { name: /Versterkingsgelden/ })).toContainText(euro('65.500,00'));
  // A bestuurder reads, but books nothing.
  await expect(page.getByRole('link', { name: 'Post toevoegen' })).toHaveCount(0);
  await subsidies.getByRole('link', { name: /Versterkingsgelden/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Versterkingsgelden/);
  await expect(page.getByRole('link', { name: 'Uitgave toevoegen' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a line paid for a theme: the budget shows the realisation per theme', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}/begroting`);
  await expect(page.getByRole('heading', { name: 'Per thema' })).toHaveCount(0);
  const line = page.getByRole('table', { name: 'Begroting', exact: true }).getByRole('row', { name: /^Uitvoering integrale controles/ });
  await line.getByRole('link', { name: /Bewerken/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begrotingspost bewerken');
  await page.getByLabel('Thema').selectOption({ label: '2.1 Ondermijning' });
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begroting');
  const themes = page.getByRole('table', { name: /Realisatie per thema/ });
  // € 3.000 per jaar in 2023 and 2024; the other lines have no theme.
  await expect(themes.getByRole('row', { name: /^2\.1 Ondermijning/ })).toContainText(euro('6.000,00'));
  await expect(themes.getByRole('row', { name: /^Geen thema/ })).toContainText(euro('397.000,00'));
  await expectAccessible(page);

  // Back as printed.
  await page.getByRole('table', { name: 'Begroting', exact: true }).getByRole('row', { name: /^Uitvoering integrale controles/ }).getByRole('link', { name: /Bewerken/ }).click();
  await page.getByLabel('Thema').selectOption({ label: 'Geen thema' });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begroting');
  await expect(page.getByRole('heading', { name: 'Per thema' })).toHaveCount(0);
});
