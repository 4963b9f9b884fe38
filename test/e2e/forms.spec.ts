import { expect, test } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

test('an activity without a title is not saved and the field says why', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('table', { name: 'Thema’s' }).getByRole('link', { name: 'Zorg & veiligheid' }).click();
  await page.getByRole('table', { name: /Activiteiten/ }).locator('tbody tr').first().getByRole('link', { name: /Bewerken/ }).click();
  // The app routes on the client: wait until the address is the form's before reading it.
  await page.waitForURL(/\/activiteiten\/[^/]+\/bewerken/);
  const editUrl = page.url();
  const id = editUrl.match(/activiteiten\/([^/]+)\/bewerken/)![1];
  const before = await (await request.get(`/api/v1/activities/${id}`)).json();

  const field = page.getByRole('textbox', { name: 'Activiteit' });
  await field.fill('   ');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.locator('#field-title-error')).toHaveText('Vul de naam van de activiteit in');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Vul de naam van de activiteit in/);
  const summary = page.locator('.regie-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Er is 1 fout in het formulier');
  await expectAccessible(page);

  // The summary links to the field.
  await summary.getByRole('link', { name: /Activiteit: Vul de naam van de activiteit in/ }).click();
  await expect(field).toBeFocused();
  await expect(page).toHaveURL(editUrl);
  const after = await (await request.get(`/api/v1/activities/${id}`)).json();
  expect(after.version).toBe(before.version);
  expect(after.title).toBe(before.title);
});

test('a theme without a title is not created', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Laren', 'ivp');
  const count = async () => ((await (await request.get(`/api/v1/themes?planId=${plan.id}`)).json()) as unknown[]).length;
  const before = await count();
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('link', { name: 'Thema toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw thema');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#field-title-error')).toHaveText('Vul de naam van het thema in');
  await expectAccessible(page);
  expect(await count()).toBe(before);

  // Filled in, it is saved and the plan page it was started from lists it.
  const title = `Cybercrime en online fraude ${unique()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Lokaal').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  await expect(page.getByRole('table', { name: 'Thema’s' }).getByRole('link', { name: title })).toBeVisible();
  expect(await count()).toBe(before + 1);
});

test('someone else’s change in between: a clear 409 message and the newest version on request', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Laren', 'ivp');
  const themes = await (await request.get(`/api/v1/themes?planId=${plan.id}`)).json();
  const goal = (await (await request.get(`/api/v1/goals?themeId=${themes[0].id}`)).json())[0];
  await page.goto(`/plannen/${plan.id}/doelen/${goal.id}/bewerken`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doel bewerken');

  const changed = await request.patch(`/api/v1/goals/${goal.id}`, {
    headers: await csrfHeaders(page), data: { description: 'Door een collega aangevuld.', version: goal.version },
  });
  expect(changed.status()).toBe(200);

  await page.getByLabel('Toelichting').fill('Mijn eigen toelichting');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Iemand anders heeft dit intussen gewijzigd')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
  await expect(page.getByLabel('Toelichting')).toHaveValue('Door een collega aangevuld.');
});

test('a budget line: amounts typed in euros are stored in cents', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Laren', 'ivp');
  await page.goto(`/plannen/${plan.id}/begroting`);
  await page.getByRole('link', { name: 'Post toevoegen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe begrotingspost');
  const title = `Training buurtpreventie ${unique()}`;
  await page.getByLabel('Post', { exact: true }).fill(title);
  await page.getByLabel('Aard').selectOption({ label: 'Incidenteel' });
  await page.getByLabel('Subsidie', { exact: true }).check();
  await page.getByLabel('Subsidiegever').fill('Provincie Noord-Holland');
  await page.getByLabel('Voorwaarden').fill('Op declaratiebasis; eindverslag aan de provincie');
  await page.getByLabel('Einddatum subsidie').fill('2021-12-31');
  await page.getByLabel('Bedrag 2020 (euro)').fill('1.234,56');
  await page.getByLabel('Bedrag 2021 (euro)').fill('twaalf');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#field-amount-2021-error')).toContainText('Vul een bedrag in euro’s in');
  await expectAccessible(page);

  await page.getByLabel('Bedrag 2021 (euro)').fill('€ 500,-');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begroting');
  const row = page.getByRole('table', { name: 'Begroting', exact: true }).getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('€ 1.234,56');
  await expect(row).toContainText('€ 500,00');
  await expect(row).toContainText('Provincie Noord-Holland');
  const lines = await (await request.get(`/api/v1/budget-lines?planId=${plan.id}`)).json();
  const line = lines.find((l: { title: string }) => l.title === title);
  expect(line.amounts).toEqual([{ year: 2020, amountCents: 123456 }, { year: 2021, amountCents: 50000 }]);
  expect(line.funding).toBe('subsidy');
  expect(line).toMatchObject({ conditions: 'Op declaratiebasis; eindverslag aan de provincie', endDate: '2021-12-31' });
});

test('the server’s field errors appear next to their fields', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Laren', 'ivp');
  const themes = await (await request.get(`/api/v1/themes?planId=${plan.id}`)).json();
  await page.goto(`/plannen/${plan.id}/themas/${themes[0].id}/bewerken`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thema bewerken');
  // A rule only the server knows (the client's schema passed): answered as problem+json with field errors.
  await page.route('**/api/v1/themes/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 422,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'https://regie.example/problems/validation', title: 'De invoer is niet geldig', status: 422,
            code: 'validation', errors: [{ path: 'number', message: 'Dit nummer is al in gebruik' }],
          }),
        })
      : route.continue(),
  );
  await page.getByLabel('Nummer').fill('4.2');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.locator('#field-number-error')).toHaveText('Dit nummer is al in gebruik');
  await expect(page.locator('.regie-error-summary')).toContainText('De invoer is niet geldig');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thema bewerken');
});

test('an indicator’s contradicting target is flagged while editing and gone once fixed', async ({ page }) => {
  await login(page, DEMO.larenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Laren', 'ivp');
  // A copy of Laren's "20 → 60 (-25%)", so the demo data stay as the document prints them.
  const name = `Pogingen woninginbraken (kopie ${unique()})`;
  const created = await request.post('/api/v1/indicators', {
    headers: await csrfHeaders(page),
    data: {
      planId: plan.id, name, baselineValue: 20, baselineYear: 2017, targetKind: 'relative', targetChangePercent: -25,
      targetValue: 60, targetYear: 2021, targetText: '60 (-25%)', direction: 'lower_is_better', position: 999,
    },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/plannen/${plan.id}`);
  const card = () => page.getByRole('article').filter({ has: page.getByRole('heading', { name }) });
  // The plan page warns.
  await expect(card()).toContainText('Het doel spreekt de nulmeting tegen');
  await expect(card()).toContainText('60 (-25%)');
  await expectAccessible(page);
  await card().getByRole('link', { name: /Bewerken/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indicator bewerken');
  await expect(page.getByText(/Het doel spreekt de nulmeting tegen/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Doelwaarde').fill('15');
  await page.getByLabel('Doel zoals in het document').fill('15 (-25%)');
  await expect(page.getByText(/Het doel spreekt de nulmeting tegen/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Laren/);
  await expect(card()).toContainText('15 (-25%)');
  await expect(card()).not.toContainText('Het doel spreekt de nulmeting tegen');
});
