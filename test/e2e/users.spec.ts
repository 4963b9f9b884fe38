import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const summary = (page: Page) => page.locator('.regie-error-summary');
/** A password that meets the policy (12+ characters, not common, not the e-mail name). */
const GOOD_PASSWORD = 'Paars-Kanaal-Tulp-2031';

async function huizenId(page: Page): Promise<string> {
  return (await findPlan(page.request, 'Huizen', 'uvp')).owner.id;
}

test('a beheerder adds a member, who sets a password with the one-time link; role change and removal', async ({ page, browser }) => {
  await login(page, DEMO.huizenBeheerder);
  const organisationId = await huizenId(page);
  await page.goto(`/organisaties/${organisationId}`);
  await page.getByRole('link', { name: 'Gebruikers beheren' }).click();
  await expect(h1(page)).toHaveText('Gebruikers');
  await expect(page).toHaveTitle(/Gebruikers – Huizen/);
  const table = page.getByRole('table', { name: 'Gebruikers' });
  await expect(table).toContainText(DEMO.huizenBeheerder);
  await expectAccessible(page);

  // A beheerder cannot take the beheerder role from themselves: the server says so at the row's role.
  const me = table.getByRole('row').filter({ hasText: DEMO.huizenBeheerder });
  await me.getByRole('combobox').selectOption({ label: 'Adviseur' });
  await me.getByRole('button', { name: /^Rol wijzigen/ }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('U kunt uw eigen beheerdersrol niet weghalen');
  await expect(me.locator('.regie-field-error')).toHaveText('Laat een andere beheerder dit doen');
  await expect(me.getByRole('combobox')).toHaveAttribute('aria-invalid', 'true');
  await expect(me.getByRole('cell').nth(2)).toHaveText('Beheerder');
  await expectAccessible(page);
  await summary(page).getByRole('link').click();
  await expect(me.getByRole('combobox')).toBeFocused();

  // The form says what is missing.
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Er zijn 3 fouten in het formulier');
  await expect(page.locator('#field-email-error')).toHaveText('Vul het e-mailadres in');
  await expect(page.locator('#field-role-error')).toHaveText('Kies een rol');
  await expectAccessible(page);

  const id = unique();
  const email = `nieuw.${id}@huizen.demo`;
  const name = `Nieuw raadslid ${id}`;
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Raadslid' });
  await page.getByRole('button', { name: 'Toevoegen' }).click();

  // The one-time link, to pass on personally.
  await expect(page.getByRole('heading', { name: `Eenmalige link voor ${name}` })).toBeFocused();
  await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible();
  await expect(page.getByText(/Geldig tot .+ De link werkt één keer\./)).toBeVisible();
  await expect(page.getByText('Geef deze link persoonlijk door')).toBeVisible();
  const url = await page.getByRole('textbox', { name: 'Link om een wachtwoord in te stellen' }).inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/wachtwoord\?token=.+/);
  const row = table.getByRole('row').filter({ hasText: email });
  await expect(row.getByRole('cell').nth(2)).toHaveText('Raadslid');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Nee');
  await expect(page.getByLabel('E-mailadres')).toHaveValue('');
  await expectAccessible(page);

  // The new user, in another browser: a weak password first, then a good one, then log in.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(url);
  await expect(h1(other)).toHaveText('Wachtwoord instellen');
  await expectAccessible(other);
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill(GOOD_PASSWORD);
  await other.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${GOOD_PASSWORD}!`);
  await other.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(other.locator('#field-repeat-error')).toHaveText('De wachtwoorden zijn niet gelijk');
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom');
  await other.getByLabel('Herhaal het nieuwe wachtwoord').fill('welkom');
  await other.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(summary(other)).toBeFocused();
  await expect(other.locator('#field-password-error')).toHaveText('Gebruik minstens 12 tekens');
  await expect(other.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(other);
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill(GOOD_PASSWORD);
  await other.getByLabel('Herhaal het nieuwe wachtwoord').fill(GOOD_PASSWORD);
  await other.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(h1(other)).toHaveText('Wachtwoord ingesteld');
  await expect(other.getByText('Uw wachtwoord is ingesteld.')).toBeVisible();
  await expectAccessible(other);
  await other.getByRole('link', { name: 'Naar inloggen' }).click();
  await expect(h1(other)).toHaveText('Inloggen');
  await other.getByLabel('E-mailadres').fill(email);
  await other.getByLabel('Wachtwoord').fill(GOOD_PASSWORD);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other.getByRole('banner')).toContainText(name);
  await expect(other.getByRole('banner')).toContainText('Raadslid – Huizen');
  await context.close();

  // Back with the beheerder: the password is set now; a new role.
  await page.reload();
  await expect(row.getByRole('cell').nth(3)).toHaveText('Ja');
  await row.getByLabel(`Nieuwe rol van ${name}`).selectOption({ label: 'Adviseur' });
  await row.getByRole('button', { name: /^Rol wijzigen/ }).click();
  await expect(page.getByText(`De rol van ${name} is nu Adviseur.`)).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('Adviseur');
  await expectAccessible(page);

  // A new one-time link for an existing member.
  await row.getByRole('button', { name: /^Wachtwoordlink maken/ }).click();
  await expect(page.getByRole('heading', { name: `Eenmalige link voor ${name}` })).toBeFocused();
  await expect(page.getByText('Bestaande sessies van deze gebruiker zijn beëindigd.')).toBeVisible();
  await page.getByRole('button', { name: 'Sluiten' }).click();

  // Removing asks first; cancelling keeps the member.
  await row.getByRole('button', { name: /^Verwijderen/ }).click();
  await expect(row.getByRole('button', { name: 'Ja, verwijderen' })).toBeFocused();
  await expect(row).toContainText(`${name} verwijderen uit Huizen?`);
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Annuleren' }).click();
  await expect(row.getByRole('button', { name: /^Verwijderen/ })).toBeFocused();
  await row.getByRole('button', { name: /^Verwijderen/ }).click();
  await row.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText(`${name} is verwijderd.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectAccessible(page);
});

test('an adviser sees no users link and is not allowed on the users page', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const organisationId = await huizenId(page);
  await page.goto(`/organisaties/${organisationId}`);
  await expect(h1(page)).toHaveText('Huizen');
  await expect(page.getByRole('link', { name: 'Gebruikers beheren' })).toHaveCount(0);

  await page.goto(`/organisaties/${organisationId}/gebruikers`);
  await expect(h1(page)).toHaveText('Gebruikers');
  await expect(page.getByText('Geen toegang')).toBeVisible();
  await expect(page.getByText('Alleen beheerders van Huizen kunnen de gebruikers beheren.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Toevoegen' })).toHaveCount(0);
  await expectAccessible(page);
  expect([403, 404]).toContain((await page.request.get(`/api/v1/organisations/${organisationId}/members`)).status());
});

test('a one-time link that does not work says so and what to do', async ({ page }) => {
  await page.goto('/wachtwoord');
  await expect(h1(page)).toHaveText('Wachtwoord instellen');
  await expect(page.getByText('Deze link is niet compleet.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/wachtwoord?token=bestaat-niet');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(GOOD_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(GOOD_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Deze link werkt niet (meer)');
  await expect(summary(page)).toContainText('Vraag de beheerder van uw organisatie om een nieuwe link.');
  await expectAccessible(page);
});

test('the first-run setup checks its fields and shows the server’s answer to an unknown token', async ({ page }) => {
  await page.goto('/inrichten?token=onbekend');
  await expect(h1(page)).toHaveText('Regie inrichten');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Regie inrichten' }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Er zijn 6 fouten in het formulier');
  await expectAccessible(page);

  const data = {
    token: 'onbekend', organisationName: 'Testgemeente', cbsCode: 'GM9999', name: 'Eerste beheerder',
    email: `inrichter.${unique()}@test.demo`, password: GOOD_PASSWORD,
  };
  await page.getByLabel('Naam van de gemeente').fill(data.organisationName);
  await page.getByLabel('CBS-code van de gemeente').fill('gm99');
  await page.getByLabel('Uw naam').fill(data.name);
  await page.getByLabel('Uw e-mailadres').fill(data.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(GOOD_PASSWORD);
  await page.getByLabel('Herhaal het wachtwoord').fill(GOOD_PASSWORD);
  await page.getByRole('button', { name: 'Regie inrichten' }).click();
  await expect(page.locator('#field-cbsCode-error')).toHaveText('Vul een CBS-code in als GM0406: GM en vier cijfers');

  await page.getByLabel('CBS-code van de gemeente').fill(data.cbsCode);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(GOOD_PASSWORD);
  await page.getByLabel('Herhaal het wachtwoord').fill(GOOD_PASSWORD);
  await page.getByRole('button', { name: 'Regie inrichten' }).click();
  const answer = await page.request.post('/api/v1/auth/setup', { data });
  expect(answer.status()).toBe(404);
  const { title } = (await answer.json()) as { title: string };
  expect(title).toBeTruthy();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText(title);
  await expect(page.getByRole('main').getByRole('link', { name: 'Is Regie al ingericht? Log dan in.' })).toBeVisible();
  await expect(page).toHaveURL(/\/inrichten\?token=onbekend$/);
  await expectAccessible(page);
});
