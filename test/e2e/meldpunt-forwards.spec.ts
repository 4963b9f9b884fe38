import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, login, unique } from './helpers.ts';

/*
 * The meldpunt's forwarding (issue 13, part 4): Huizen's behandelaar forwards a redacted summary of a melding to the
 * police, the police partner reads it in its inbox, and the beheerder's "Meldpunt instellen" page. Axe at the desktop
 * and the phone size on each new page. The melding is the demo's (meldpunt/demo-forwards.ts): the behandelaar's
 * notification of it gives its id.
 */

const BEHANDELAAR = 'behandelaar@huizen.demo';

/** Axe at 1366×768 and at 375×812. */
async function expectAccessibleBothSizes(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('the behandelaar forwards a redacted summary to the police, who read it in their inbox', async ({ page }) => {
  await login(page, BEHANDELAAR);
  const { items } = (await (await page.request.get('/api/v1/notifications')).json()) as { items: { kind: string; link: string }[] };
  const link = items.find((n) => n.kind === 'nieuwe_melding')!.link;

  await page.goto('/notificaties');
  await expect(page.getByRole('heading', { level: 1, name: 'Notificaties' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Notificaties \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Er is een nieuwe melding' }).first()).toBeVisible();

  await page.goto(`${link}/doorsturen`);
  await expect(page.getByRole('heading', { level: 1, name: /^Melding M-\d{4}-\d{4} doorsturen$/ })).toBeVisible();
  const summary = page.getByRole('textbox', { name: /Samenvatting voor de partner/ });
  // The draft holds the reporter's answers, never the contact details.
  await expect(summary).toHaveValue(/hennepgeur/);
  await expect(summary).not.toHaveValue(/Demo Melder|melder@voorbeeld/);
  await expectAccessibleBothSizes(page);

  // Without a partner, basis and summary: the error summary names the fields.
  await summary.fill('');
  await page.getByRole('button', { name: 'Doorsturen' }).click();
  await expect(page.getByRole('link', { name: 'Kies een partner' })).toBeVisible();

  const text = `Vermoeden van een hennepkwekerij in een loods, ${unique()}`;
  await page.getByRole('combobox', { name: 'Partner' }).selectOption({ label: 'Politie' });
  await summary.fill(text);
  await page.getByRole('textbox', { name: /Grondslag/ }).fill('Convenant RIEC, artikel 8');
  await page.getByRole('checkbox', { name: 'Contactgegevens van de melder meesturen' }).check();
  await page.getByRole('button', { name: 'Doorsturen' }).click();
  await expect(page.getByText('De samenvatting is doorgestuurd naar Politie.')).toBeVisible();

  await login(page, DEMO.politiePartner);
  await page.goto('/');
  await page.getByRole('link', { name: 'Doorgestuurde meldingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Doorgestuurde meldingen' })).toBeVisible();
  await expectAccessibleBothSizes(page);
  await page.getByRole('row').filter({ hasText: 'Nieuw' }).getByRole('link').first().click();
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText('Demo Melder (fictief)')).toBeVisible();
  await expect(page.getByText('Convenant RIEC, artikel 8')).toBeVisible();
  await expectAccessible(page);
});

test('the beheerder sets up the meldpunt: categories and behandelaars', async ({ page }) => {
  await login(page, DEMO.huizenBeheerder);
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { memberships: { organisationId: string }[] } };
  const huizen = me.user.memberships[0].organisationId;
  await page.goto(`/organisaties/${huizen}`);
  await page.getByRole('link', { name: 'Meldpunt instellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldpunt instellen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ondermijning', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: /Demo behandelaar/ }).getByRole('checkbox', { name: 'Alle categorieën' })).toBeChecked();
  await expectAccessibleBothSizes(page);

  await page.getByRole('button', { name: 'Bewerken: Jeugdoverlast' }).click();
  await page.getByRole('textbox', { name: /Reactietermijn/ }).fill('4');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Jeugdoverlast' }).getByRole('cell', { name: '4', exact: true })).toBeVisible();
});
