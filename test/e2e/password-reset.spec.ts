import { expect, test, type Page } from '@playwright/test';
import { passwordLinkIn, startSmtp, type TestSmtp } from '../smtp.ts';
import { E2E_SMTP_PORT } from './accounts.ts';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/* "Wachtwoord vergeten" with the SMTP server the web server mails to (playwright.config.ts). */

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const summary = (page: Page) => page.locator('.regie-error-summary');
const PASSWORD = 'fietsen-langs-de-gooimeer';
let smtp: TestSmtp;

test.beforeAll(async () => {
  smtp = await startSmtp(E2E_SMTP_PORT);
});
test.afterAll(async () => smtp?.close());

test('a user asks for a link by e-mail, sets a new password with it and logs in', async ({ page, browser }) => {
  // A new colleague with a password, made by the beheerder.
  await login(page, DEMO.huizenBeheerder);
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner;
  const email = `vergeten.${unique()}@huizen.demo`;
  const added = await page.request.post(`/api/v1/organisations/${huizen.id}/members`, {
    headers: await csrfHeaders(page), data: { email, name: 'Vergeetachtige collega', role: 'bestuurder' },
  });
  expect(added.status()).toBe(201);
  const { link } = (await added.json()) as { link: { token: string } };
  const setFirst = await page.request.post('/api/v1/auth/password', {
    headers: await csrfHeaders(page), data: { token: link.token, password: 'eerste-wachtwoord-2026' },
  });
  expect(setFirst.status()).toBe(204);

  const context = await browser.newContext();
  const user = await context.newPage();
  await user.goto('/inloggen');
  await user.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(h1(user)).toHaveText('Wachtwoord vergeten');
  await expectAccessible(user);
  await user.getByRole('button', { name: 'Link versturen' }).click();
  await expect(summary(user)).toBeFocused();
  await expect(user.locator('#field-email-error')).toHaveText('Vul uw e-mailadres in');
  await expectAccessible(user);

  await user.getByLabel('E-mailadres').fill(email);
  await user.getByRole('button', { name: 'Link versturen' }).click();
  await expect(user.getByRole('heading', { name: 'Kijk in uw mailbox' })).toBeVisible();
  await expect(user.getByText(`Als ${email} bij een account in Regie hoort`)).toBeVisible();
  await expectAccessible(user);

  const [mail] = await smtp.mailsFor(email, 1);
  expect(mail.text).toContain('Beste Vergeetachtige collega');
  const url = passwordLinkIn(mail)!;
  await user.goto(url);
  await expect(h1(user)).toHaveText('Wachtwoord instellen');
  await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
  await user.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
  await user.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(h1(user)).toHaveText('Wachtwoord ingesteld');
  await user.getByRole('link', { name: 'Naar inloggen' }).click();
  await user.getByLabel('E-mailadres').fill(email);
  await user.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await user.getByRole('button', { name: 'Inloggen' }).click();
  await expect(user.getByRole('banner')).toContainText('Vergeetachtige collega');

  // The link worked once.
  await user.goto(url);
  await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill(`${PASSWORD}-2`);
  await user.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${PASSWORD}-2`);
  await user.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(summary(user)).toContainText('Deze link werkt niet (meer)');
  await context.close();
});
