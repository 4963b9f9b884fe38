import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.ts';
import { adoptChanges, csrfHeaders, DEMO, expectAccessible, findPlan, forgetSession, login, unique } from './helpers.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** No control to change anything in the page's content: edit and add links, form buttons. */
async function expectReadOnly(page: Page) {
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /bewerken|toevoegen/i })).toHaveCount(0);
  await expect(main.getByRole('button', { name: /bewerken|toevoegen|opslaan/i })).toHaveCount(0);
  await expect(main.locator('form:not([role="search"])')).toHaveCount(0);
}

test('an adviser’s change appears in the beheerder’s audit log', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/activiteiten`);
  await expect(page.getByRole('banner')).toContainText('Adviseur – Huizen');
  const row = page.getByRole('table', { name: 'Activiteitentabel' }).locator('tbody tr').first();
  await row.getByRole('link', { name: /Bewerken/ }).click();
  await page.waitForURL(/\/activiteiten\/[^/]+\/bewerken/);
  const activityId = page.url().match(/activiteiten\/([^/?]+)\/bewerken/)![1];
  await expect(h1(page)).toHaveText('Activiteit bewerken');
  const note = `Toelichting voor de auditlog ${unique()}`;
  await page.getByRole('textbox', { name: /^Toelichting/ }).fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}/activiteiten$`));
  await expect(page.getByRole('row').filter({ hasText: note })).toBeVisible();

  // Logging out ends the session on the server too.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
  forgetSession(DEMO.huizenAdviseur);
  expect((await (await page.request.get('/api/v1/auth/me')).json()).user).toBeNull();

  await login(page, DEMO.huizenBeheerder);
  await page.goto(`/organisaties/${plan.owner.id}`);
  await expect(h1(page)).toHaveText('Huizen');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Auditlog bekijken' }).click();
  await expect(h1(page)).toHaveText('Auditlog');
  await expect(page).toHaveTitle(/Auditlog – Huizen/);
  await expectAccessible(page);

  await page.getByLabel('Actie').selectOption({ label: 'Gewijzigd' });
  await page.getByLabel('Onderdeel').selectOption({ label: 'Activiteit' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/action=update/);
  await expect(page).toHaveURL(/entity=activities/);
  const entry = page.getByRole('row').filter({ hasText: activityId }).first();
  await expect(entry).toContainText('Demo adviseur OOV Huizen');
  await expect(entry).toContainText('Gewijzigd');
  await expect(entry).toContainText('Activiteit');
  await entry.getByText('Details').click();
  await expect(entry.getByText(note)).toBeVisible();
  await expectAccessible(page);

  // The filters stay in the URL, and the CSV has the same.
  await page.reload();
  await expect(page.getByLabel('Actie')).toHaveValue('update');
  const csv = page.getByRole('link', { name: 'Download CSV' });
  const href = (await csv.getAttribute('href'))!;
  expect(href).toMatch(/^\/api\/v1\/audit\.csv\?/);
  expect(href).toContain(`organisationId=${plan.owner.id}`);
  expect(href).toContain('action=update');
  expect(href).toContain('entity=activities');
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain(activityId);

  // A period that ends before it starts is not applied, and the field says why.
  await page.getByLabel('Vanaf').fill('2030-01-02');
  await page.getByLabel('Tot en met').fill('2030-01-01');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page.locator('#audit-to-error')).toHaveText('De einddatum ligt voor de begindatum');
  await expect(page.getByLabel('Tot en met')).toBeFocused();
  await expect(page).not.toHaveURL(/from=/);
  await expectAccessible(page);
});

test('a raadslid sees Huizen’s adopted UVP without edit controls, and no drafts', async ({ page }) => {
  // A draft of Huizen, made by its adviser.
  await login(page, DEMO.huizenAdviseur);
  const uvp = await findPlan(page.request, 'Huizen', 'uvp');
  const title = `Concept veiligheidsplan Huizen ${unique()}`;
  const created = await page.request.post('/api/v1/plans', {
    headers: await csrfHeaders(page),
    data: { ownerId: uvp.owner.id, kind: 'ivp', title, periodStart: '2027-Q1', periodEnd: '2030-Q4', status: 'draft' },
  });
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as { id: string };
  await adoptChanges(page, uvp.id);

  await login(page, DEMO.huizenRaadslid);
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('Raadslid – Huizen');
  await expect(page.getByRole('link', { name: uvp.title }).first()).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.locator('.regie-plan-list__meta', { hasText: 'Concept' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/organisaties/${uvp.owner.id}`);
  await expect(h1(page)).toHaveText('Huizen');
  await expect(page.getByRole('link', { name: uvp.title })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Auditlog bekijken' })).toHaveCount(0);
  await expectAccessible(page);

  // Not by its address either, in the app and in the API.
  await page.goto(`/plannen/${draft.id}`);
  await expect(h1(page)).toHaveText('Pagina niet gevonden');
  await expectAccessible(page);
  expect((await page.request.get(`/api/v1/plans/${draft.id}`)).status()).toBe(404);

  // The adopted UVP: plan, a theme, the activity table and the budget, all read-only.
  await page.goto(`/plannen/${uvp.id}`);
  await expect(h1(page)).toContainText('Uitvoeringsprogramma');
  await expect(page.getByRole('table', { name: 'Thema’s' })).toBeVisible();
  await expectReadOnly(page);
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link').first().click();
  await page.waitForURL(/\/themas\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Activiteiten' })).toBeVisible();
  await expectReadOnly(page);
  await expectAccessible(page);
  await page.goto(`/plannen/${uvp.id}/activiteiten`);
  await expect(page.getByRole('table', { name: 'Activiteitentabel' })).toBeVisible();
  await expectReadOnly(page);
  await expectAccessible(page);
  await page.goto(`/plannen/${uvp.id}/begroting`);
  await expect(h1(page)).toHaveText('Begroting');
  await expectReadOnly(page);
  await expectAccessible(page);

  // A form's address says why there is no form.
  await page.goto(`/plannen/${uvp.id}/themas/nieuw`);
  await expect(page.getByText('U mag dit niet wijzigen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
  await expectAccessible(page);
});

test('without logging in: the start page works, and an unpublished Huizen plan is not found but offers to log in', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText('Gemeenten en plannen');
  await expect(page.getByText('Gepubliceerde programma’s zijn openbaar')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expectAccessible(page);

  // The address of a Huizen plan, as its adviser knows it: an IVP, not published (the demo published the UVP).
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'ivp');
  await page.context().clearCookies();

  await page.goto(`/plannen/${plan.id}`);
  await expect(h1(page)).toHaveText('Pagina niet gevonden');
  const loginLink = page.getByRole('main').getByRole('link', { name: 'Inloggen' });
  await expect(loginLink).toHaveAttribute('href', `/inloggen?terug=${encodeURIComponent(`/plannen/${plan.id}`)}`);
  await expectAccessible(page);
  expect((await page.request.get(`/api/v1/plans/${plan.id}`)).status()).toBe(404);

  // Logging in from there leads back to the plan.
  await loginLink.click();
  await expect(h1(page)).toHaveText('Inloggen');
  await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(DEMO.huizenAdviseur);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  await expect(h1(page)).toHaveText(plan.title);
});

test('a wrong password: the server’s Dutch message, and empty fields say what is missing', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(h1(page)).toHaveText('Inloggen');
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill(DEMO.huizenBestuurder);
  await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.locator('.regie-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('E-mailadres of wachtwoord onjuist');
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
  await expect(page).toHaveURL(/\/inloggen$/);
  await expectAccessible(page);
  expect((await (await page.request.get('/api/v1/auth/me')).json()).user).toBeNull();

  await page.getByLabel('E-mailadres').fill('');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(summary).toContainText('Er zijn 2 fouten in het formulier');
  await expect(page.locator('#field-email-error')).toHaveText('Vul uw e-mailadres in');
  await expect(page.locator('#field-password-error')).toHaveText('Vul uw wachtwoord in');
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul uw e-mailadres in/);
  await expectAccessible(page);
});
