import { expect, test, type Page } from '@playwright/test';
import { startSmtp } from '../smtp.ts';
import { E2E_SMTP_PORT } from './accounts.ts';
import { adoptChanges, csrfHeaders, DEMO, expectAccessible, findPlan, login, tabTo, unique } from './helpers.ts';

/** The id of a demo activity of a plan, by the start of its title. */
async function activityId(page: Page, planId: string, title: string): Promise<string> {
  const rows = (await (await page.request.get(`/api/v1/plans/${planId}/activities`)).json()) as { id: string; title: string }[];
  const found = rows.find((a) => a.title.startsWith(title));
  if (!found) throw new Error(`no activity "${title}"`);
  return found.id;
}

test('an adviser records a progress note and an occurrence; the activity’s page and the programme table show it', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  const id = await activityId(page, plan.id, 'Zichtbaar, eenduidig en integraal optreden');

  // From the programme table to the activity's page.
  await page.goto(`/plannen/${plan.id}/activiteiten?q=Bestuurlijk`);
  await page.getByRole('link', { name: /^Zichtbaar, eenduidig en integraal optreden/ }).click();
  await expect(page).toHaveURL(new RegExp(`/activiteiten/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Zichtbaar, eenduidig en integraal optreden');
  await expect(page.getByRole('table', { name: 'Gepland en gerealiseerd per jaar' })).toBeVisible();
  await expectAccessible(page);

  // A delay needs a reason: the form says so before sending.
  const status = page.getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'Vertraagd' });
  await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
  await expect(page.locator('.regie-error-summary')).toBeFocused();
  await expect(page.locator('.regie-error-summary')).toContainText('Licht toe waarom de status verandert');
  await expectAccessible(page);

  const note = `Eerste integrale controle met het BIT uitgevoerd ${unique()}`;
  await status.selectOption({ label: 'Loopt' });
  await page.getByRole('textbox', { name: /Toelichting/ }).fill(note);
  await page.getByRole('textbox', { name: /Percentage gereed/ }).fill('25');
  await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De voortgang is opgeslagen.' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Geschiedenis' });
  await expect(history.getByRole('row').filter({ hasText: note })).toContainText('Niet gestart → Loopt');
  await expect(history.getByRole('row').filter({ hasText: note })).toContainText('Demo adviseur OOV Huizen');
  await expect(page.locator('.regie-data-list')).toContainText('25%');

  // An occurrence: counted in its year.
  await page.getByRole('textbox', { name: 'Datum' }).fill('2024-03-12');
  await page.getByRole('textbox', { name: /^Notitie/ }).fill('Controle bedrijventerrein Huizermaat');
  await page.getByRole('button', { name: 'Uitvoering registreren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Geregistreerd: 12 maart 2024.' })).toBeVisible();
  const year = page.getByRole('table', { name: 'Gepland en gerealiseerd per jaar' }).getByRole('row', { name: /^2024/ });
  await expect(year.getByRole('cell').nth(2)).toHaveText('1');
  await expect(year).toContainText('Loopt achter');
  await expect(page.getByRole('table', { name: 'Geregistreerde uitvoeringen' })).toContainText('Controle bedrijventerrein Huizermaat');
  await expectAccessible(page);

  // The programme table shows the new status and the lag.
  await page.goto(`/plannen/${plan.id}/activiteiten?q=Bestuurlijk`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Zichtbaar, eenduidig/ }) });
  await expect(row.locator('.regie-status')).toHaveText('Loopt');
  await expect(row.locator('.regie-badge--lag')).toHaveText('Loopt achter');
});

test('an adviser completes an update round with the keyboard only', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  // A programme of its own, so the round starts empty: one activity, the adviser's person responsible. Its period
  // lies before the demo programme's, so findPlan (the newest UVP of Huizen) still finds the demo's.
  const headers = await csrfHeaders(page);
  const me = (await (await page.request.get('/api/v1/auth/me')).json()).user;
  const [person] = await (await page.request.get(`/api/v1/people?userId=${me.id}`)).json();
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner.id;
  const suffix = unique();
  const plan = await (await page.request.post('/api/v1/plans', { headers, data: { kind: 'uvp', title: `Rondeprogramma ${suffix}`, periodStart: '2021-Q1', periodEnd: '2021-Q4', ownerId: huizen } })).json();
  const theme = await (await page.request.post('/api/v1/themes', { headers, data: { title: 'Veilig uitgaan', scope: 'local', planId: plan.id } })).json();
  const title = `Horecaoverleg ${suffix}`;
  await page.request.post('/api/v1/activities', { headers, data: { title, timeframeText: '2021', frequencyText: '4 maal per jaar', themeId: theme.id, responsibleIds: [person.id] } });

  await page.goto(`/plannen/${plan.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rondeprogramma ${suffix}`);
  await tabTo(page, page.getByRole('link', { name: 'Updaterondes' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Updaterondes');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page);

  // Open the round for Q2 2021.
  await tabTo(page, page.getByRole('combobox', { name: 'Kwartaal' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Kwartaal' })).toHaveValue('2021-Q2');
  await tabTo(page, page.getByRole('button', { name: 'Ronde openen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Updateronde Q2 2021');
  await expect(page.getByText('0 van de 1 gevraagde activiteit is bijgewerkt.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Nog geen update');
  await expectAccessible(page);

  // The responsible person (the adviser) gives the update.
  await tabTo(page, page.getByRole('link', { name: title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await tabTo(page, page.getByRole('combobox', { name: 'Status' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('in_progress');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /Toelichting/ })).toBeFocused();
  await page.keyboard.type('Eerste horecaoverleg gehouden, tweede gepland in juni.');
  await tabTo(page, page.getByRole('button', { name: 'Voortgang opslaan' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.regie-focus-target').filter({ hasText: 'De voortgang is opgeslagen.' })).toBeFocused();
  await expect(page.getByText('Voor de updateronde Q2 2021 is een update gegeven.', { exact: false })).toBeVisible();

  // Back to the round, and close it.
  await tabTo(page, page.getByRole('link', { name: 'Updateronde Q2 2021' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 van de 1 gevraagde activiteit is bijgewerkt.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Eerste horecaoverleg gehouden');
  await tabTo(page, page.getByRole('button', { name: 'Ronde sluiten' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.regie-focus-target').filter({ hasText: 'Ronde sluiten?' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ja, ronde sluiten' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Deze cijfers zijn vastgelegd en veranderen niet meer/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Herinnering sturen' })).toHaveCount(0);
  await expectAccessible(page);

  // The rounds page lists it as closed; a new round may open.
  await tabTo(page, page.getByRole('link', { name: 'Alle updaterondes' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Updateronde Q2 2021/ })).toContainText('Gesloten');
  await expect(page.getByRole('button', { name: 'Ronde openen' })).toBeVisible();
  expect((await page.request.delete(`/api/v1/plans/${plan.id}`, { headers })).status()).toBe(204);
});

test('the adviser follows the demo round and sends reminders', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/rondes`);
  await page.getByRole('link', { name: 'Updateronde Q4 2024' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Updateronde Q4 2024');
  await expect(page.getByRole('table', { name: 'Gevraagd in deze ronde' })).toContainText('Maurits van de Bovenkamp');
  // The browser tests' server mails to a test SMTP server (playwright.config.ts): the reminder also arrives by e-mail.
  const smtp = await startSmtp(E2E_SMTP_PORT);
  try {
    await page.getByRole('button', { name: 'Herinnering sturen' }).click();
    await expect(page.getByRole('status').filter({ hasText: /herinnerd in Regie, waarvan 1 ook per e-mail/ })).toBeVisible();
    const [mail] = await smtp.mailsFor(DEMO.huizenAdviseur, 1);
    expect(mail.text).toContain('Regie: uw update voor');
  } finally {
    await smtp.close();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Verstuurde herinneringen' })).toBeVisible();
  await expectAccessible(page);

  // The adviser is Maurits van de Bovenkamp: the reminder shows on their own start page.
  await page.goto('/');
  await expect(page.getByText(/Herinnering van Demo adviseur OOV Huizen op/)).toBeVisible();
  await expectAccessible(page);
});

test('without access to the progress, the activity page shows the activity alone', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await adoptChanges(page, plan.id);
  await login(page, DEMO.huizenRaadslid);
  const id = await activityId(page, plan.id, 'Bondgenotenoverleg');
  await page.goto(`/activiteiten/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bondgenotenoverleg' })).toBeVisible();
  await expect(page.getByText('De voortgang van deze activiteit is er voor de medewerkers')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Voortgang opslaan' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the beheerder links a person in the plans to an account', async ({ page }) => {
  await login(page, DEMO.huizenBeheerder);
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner.id;
  await page.goto(`/organisaties/${huizen}/gebruikers`);
  const people = page.getByRole('table', { name: 'Personen in de plannen' });
  // The demo adviser is Maurits van de Bovenkamp.
  await expect(people.getByRole('combobox', { name: 'Account van Maurits van de Bovenkamp' })).toHaveValue(/.+/);
  const karin = people.getByRole('row').filter({ hasText: 'Karin Meijer' });
  await karin.getByRole('combobox', { name: 'Account van Karin Meijer' }).selectOption({ label: `Demo portefeuillehouder Huizen (${DEMO.huizenBestuurder})` });
  await karin.getByRole('button', { name: /^Koppelen/ }).click();
  await expect(people.getByRole('combobox', { name: 'Account van Karin Meijer' })).toHaveValue(/.+/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Account van Karin Meijer' })).not.toHaveValue('');
  await expectAccessible(page);
});
