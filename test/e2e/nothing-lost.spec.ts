import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO, expectAccessible, findPlan, login, tabTo, unique } from './helpers.ts';

/* Issue 12 (review D3, D12): nothing typed is lost, and forms that beat Word and Excel. */

async function firstActivity(page: Page, owner: string): Promise<{ planId: string; id: string }> {
  const plan = await findPlan(page.request, owner, 'uvp');
  const rows = (await (await page.request.get(`/api/v1/plans/${plan.id}/activities`)).json()) as { id: string }[];
  return { planId: plan.id, id: rows[0].id };
}

test('a progress note survives a reload, and a save after the session ended logs in again and keeps the text', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, DEMO.huizenAdviseur);
  const { id } = await firstActivity(page, 'Huizen');
  await page.goto(`/activiteiten/${id}`);
  const note = `Overleg met de wijkagent gevoerd ${unique()}`;
  const field = page.getByRole('textbox', { name: /Toelichting/ });
  await field.fill(note);

  // A reload (or a crash): the draft comes back, and says so.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByText(/^Concept hersteld van /)).toBeVisible();
  await expect(field).toHaveValue(note);
  await expectAccessible(page);

  // The session ends (as after 30 idle minutes): the save asks to log in again, in a dialog over the page.
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uw sessie is verlopen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('E-mailadres')).toHaveValue(DEMO.huizenAdviseur);
  await expect(dialog.getByLabel('Wachtwoord')).toBeFocused();
  await expectAccessible(page);
  await dialog.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Inloggen' }).click();

  // The same save, sent again: the note is in the history, and the draft is gone.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'De voortgang is opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Geschiedenis' })).toContainText(note);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Geschiedenis' })).toContainText(note);
  await expect(page.getByText(/^Concept hersteld van /)).toHaveCount(0);
});

test('on a phone: a wrong tijdpad gets a suggestion, and organisations are chosen as chips by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await login(page, DEMO.heuvelrugAdviseur);
  const { planId, id } = await firstActivity(page, 'Utrechtse Heuvelrug');
  await page.goto(`/plannen/${planId}/activiteiten/${id}/bewerken`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activiteit bewerken');

  const tijdpad = page.getByLabel('Tijdpad');
  await tijdpad.fill('Q5 2023');
  await expect(tijdpad).toHaveAccessibleDescription(/Niet herkend – bedoelt u Q1–Q4 2023\?/);

  const combobox = page.getByRole('combobox', { name: /Betrokken organisaties/ });
  await combobox.focus();
  await page.keyboard.type('politie');
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  const first = page.getByRole('listbox', { name: /Betrokken organisaties/ }).getByRole('option').first();
  const name = (await first.textContent())!;
  expect(name).toMatch(/politie/i);
  await page.keyboard.press('Enter');
  const remove = page.getByRole('button', { name: `Verwijder ${name}` });
  await expect(remove).toBeVisible();
  await expect(combobox).toHaveValue('');
  await expect(combobox).toBeFocused();
  await expectAccessible(page);

  // Escape closes the list; Tab reaches the chip's remove button; Enter removes it and focus returns to the search.
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await tabTo(page, remove, 40);
  await page.keyboard.press('Enter');
  await expect(remove).toHaveCount(0);
  await expect(combobox).toBeFocused();
});
