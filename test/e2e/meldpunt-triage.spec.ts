import { expect, test, type Page } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, login, unique } from './helpers.ts';

/*
 * The meldpunt's back office (issue 13): Huizen's behandelaar opens the queue from the menu, opens a melding, records
 * the CCV wegingen 1–4 and closes it with a reason. The melding is an internal signal the behandelaar reports through
 * the API (the demo's meldingen come from elsewhere). Axe on the queue and the melding, on a desktop and a phone.
 */

const BEHANDELAAR = 'behandelaar@huizen.demo';

async function reportSignal(page: Page, text: string): Promise<string> {
  const options = (await (await page.request.get('/api/v1/meldpunt/signals/categories')).json()) as
    { municipality: { id: string; name: string }; categories: { id: string; key: string }[] }[];
  const huizen = options.find((o) => o.municipality.name.includes('Huizen'))!;
  const res = await page.request.post('/api/v1/meldpunt/signals', {
    headers: await csrfHeaders(page),
    data: { municipalityId: huizen.municipality.id, categoryId: huizen.categories.find((c) => c.key === 'ondermijning')!.id, answers: { wat: text, waar: 'Bedrijventerrein De Kolk (fictief)' } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

async function weging(page: Page, name: RegExp, choices: [RegExp, string][], button: string) {
  const region = page.getByRole('region', { name });
  for (const [group, label] of choices) await region.getByRole('group', { name: group }).getByLabel(label, { exact: true }).check();
  await region.getByRole('button', { name: button }).click();
  await expect(page.getByRole('region', { name }).getByText(/Vastgelegd door/)).toBeVisible();
}

test('a behandelaar triages a melding by the CCV Modelprotocol and closes it with a reason', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, BEHANDELAAR);
  const number = await reportSignal(page, `Veel contant geld bij een nagelstudio ${unique()}`);

  await page.goto('/');
  await page.getByRole('navigation', { name: /Hoofdmenu|menu/i }).getByRole('link', { name: 'Meldingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Volgorde' }).selectOption({ label: 'Nieuwste eerst' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Melding ${number}`);
  await expect(page.getByRole('link', { name: 'Doorsturen naar partner' })).toBeVisible();
  await expectAccessible(page);

  await weging(page, /^Weging 1/, [[/Is het ondermijning/, 'Ja'], [/lokale verankering/, 'Ja']], 'Weging 1 vastleggen');
  await weging(page, /^Weging 2/, [[/gemeentelijke taak/, 'Ja'], [/grondgebied/, 'Ja']], 'Weging 2 vastleggen');
  await weging(page, /^Weging 3/, [[/^Ernst/, 'Hoog'], [/^Uitkomst/, 'Nader onderzoek']], 'Weging 3 vastleggen');
  await weging(page, /^Weging 4/, [[/^Aanpak/, 'Casusoverleg']], 'Weging 4 vastleggen');
  await expect(page.getByRole('list').filter({ hasText: 'Triage (weging 4)' })).toBeVisible();

  // Closing needs a reason: the form says so before sending; with it, the melding is closed.
  const status = page.getByRole('region', { name: 'Status wijzigen' });
  await status.getByRole('combobox', { name: 'Nieuwe status' }).selectOption({ label: 'Afgesloten' });
  await status.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.locator('.regie-error-summary').first()).toBeFocused();
  await status.getByRole('textbox', { name: /Toelichting/ }).fill('Besproken in het casusoverleg; aanpak loopt daar.');
  await status.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.getByText('Besproken in het casusoverleg; aanpak loopt daar.').first()).toBeVisible();
  await expect(page.locator('.regie-data-list').first()).toContainText('Afgesloten');

  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page);
  await page.goto('/meldpunt/meldingen?status=alle&order=nieuwste');
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await expectAccessible(page);
});

test('an adviser reports an internal signal from the start page; a behandelaar opens the M. tip form', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await login(page, DEMO.huizenAdviseur);
  await page.goto('/');
  await page.getByRole('link', { name: 'Signaal melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signaal melden' })).toBeVisible();
  const category = page.getByRole('combobox', { name: 'Categorie' });
  await category.selectOption({ label: 'Woonoverlast' });
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.locator('.regie-error-summary')).toBeFocused();
  await expectAccessible(page);
  const text = `Geluidsoverlast bij een woning (fictief) ${unique()}`;
  await page.getByRole('textbox', { name: /Wat is er aan de hand/ }).fill(text);
  await page.getByRole('textbox', { name: /Waar is het/ }).fill('Voorbeeldstraat (fictief)');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Melding M-\d{4}-\d{4}$/);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText('U meldde dit signaal. De behandeling ervan ziet u niet.')).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, BEHANDELAAR);
  await page.goto('/meldpunt/tip');
  await expect(page.getByRole('heading', { level: 1, name: 'Tip van Meld Misdaad Anoniem registreren' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /naam|e-mail|telefoon/i })).toHaveCount(0);
  await expectAccessible(page);
});
