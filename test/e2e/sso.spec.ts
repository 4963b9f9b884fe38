import { expect, test, type Page } from '@playwright/test';
import { startIdp, type TestIdp } from '../oidc.ts';
import { DEMO, expectAccessible, findPlan, login } from './helpers.ts';

/*
 * Single sign-on in the browser: a real OpenID Connect provider (test/oidc.ts) on 127.0.0.1, which the server started
 * by playwright.config.ts may use over http. The beheerder connects it; a colleague logs in with it.
 */

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const summary = (page: Page) => page.locator('.regie-error-summary');
const SECRET = 'e2e-clientgeheim';
let idp: TestIdp;

test.beforeAll(async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  idp = await startIdp([{ client_id: 'regie-huizen', client_secret: SECRET, redirect_uris: [`${base}/api/v1/auth/sso/callback`] }]);
  idp.accounts.set('medewerker-123', { email: DEMO.huizenBestuurder, email_verified: true });
  idp.accounts.set('onbekend-456', { email: 'nieuw@huizen.demo', email_verified: true });
});
test.afterAll(async () => idp?.close());

test('a beheerder connects the identity provider; a colleague logs in with it, a stranger is sent to the beheerder', async ({ page, browser, baseURL }) => {
  await login(page, DEMO.huizenBeheerder);
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner;
  await page.goto(`/organisaties/${huizen.id}`);
  await page.getByRole('link', { name: 'Single sign-on instellen' }).click();
  await expect(h1(page)).toHaveText('Single sign-on');
  await expect(page).toHaveTitle(/Single sign-on – Huizen/);
  await expect(page.getByText('Single sign-on is nog niet ingesteld.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Redirect URI' })).toHaveValue(`${baseURL}/api/v1/auth/sso/callback`);
  await expectAccessible(page);

  // What is missing, before anything is sent; then the server's refusal of plain http.
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Er zijn 4 fouten in het formulier');
  await expect(page.locator('#field-clientSecret-error')).toHaveText('Vul het clientgeheim in');
  await expectAccessible(page);
  await page.getByLabel('Issuer-URL').fill('http://login.huizen.demo');
  await page.getByLabel('Client-id').fill('regie-huizen');
  await page.getByLabel('Clientgeheim').fill(SECRET);
  await page.getByLabel('Naam op de knop').fill('Huizen-account');
  await page.getByLabel('Koppelen op e-mailadres toestaan').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#field-issuer-error')).toContainText('https');
  await expect(page.getByLabel('Issuer-URL')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Issuer-URL').fill(idp.issuer);
  await page.getByLabel('Clientgeheim').fill(SECRET);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('.regie-notice')).toBeFocused();
  await expect(page.locator('.regie-notice')).toHaveText('De instellingen zijn opgeslagen.');
  await expect(page.getByText('Single sign-on staat aan.')).toBeVisible();
  // The secret is written, never shown again.
  await expect(page.getByLabel('Clientgeheim')).toHaveValue('');
  await expect(page.getByText(/Er is een geheim opgeslagen/)).toBeVisible();
  expect(JSON.stringify(await (await page.request.get(`/api/v1/organisations/${huizen.id}/sso`)).json())).not.toContain(SECRET);
  await expectAccessible(page);

  // A colleague, in another browser, with their account at the provider.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto('/inloggen?terug=/mijn-activiteiten');
  await expect(other.getByRole('heading', { name: 'Inloggen met het account van uw organisatie' })).toBeVisible();
  await expectAccessible(other);
  idp.loginAs = 'medewerker-123';
  await other.getByRole('link', { name: 'Inloggen met Huizen-account' }).click();
  await expect(other).toHaveURL(/\/mijn-activiteiten$/);
  await expect(other.getByRole('banner')).toContainText('Demo portefeuillehouder Huizen');
  await expect(other.getByRole('banner')).toContainText('Portefeuillehouder – Huizen');
  await colleague.close();

  // Someone the provider knows but Regie does not.
  const stranger = await browser.newContext();
  const third = await stranger.newPage();
  await third.goto('/inloggen');
  idp.loginAs = 'onbekend-456';
  await third.getByRole('link', { name: 'Inloggen met Huizen-account' }).click();
  await expect(third).toHaveURL(/\/inloggen\?sso=geweigerd$/);
  await expect(summary(third)).toContainText('Vraag de beheerder van uw organisatie om toegang.');
  expect((await (await third.request.get('/api/v1/auth/me')).json()).user).toBeNull();
  await expectAccessible(third);
  await stranger.close();

  // Both logins are in the audit trail.
  await page.goto(`/organisaties/${huizen.id}/auditlog?action=login_failed`);
  await expect(page.getByRole('row').filter({ hasText: 'onbekend account' }).first()).toBeVisible();

  // Removing it takes the button off the login page again.
  await page.goto(`/organisaties/${huizen.id}/single-sign-on`);
  await page.getByRole('button', { name: 'Single sign-on verwijderen' }).click();
  await expect(page.getByRole('button', { name: 'Ja, verwijderen' })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText('Single sign-on is verwijderd.')).toBeVisible();
  await expect(page.getByText('Single sign-on is nog niet ingesteld.')).toBeVisible();
  const options = await (await page.request.get('/api/v1/auth/options')).json();
  expect(options.sso).toEqual([]);
});

test('an adviser may not set up single sign-on', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner;
  await page.goto(`/organisaties/${huizen.id}`);
  await expect(page.getByRole('link', { name: 'Single sign-on instellen' })).toHaveCount(0);
  await page.goto(`/organisaties/${huizen.id}/single-sign-on`);
  await expect(page.getByText('Alleen beheerders van Huizen kunnen single sign-on instellen.')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
});
