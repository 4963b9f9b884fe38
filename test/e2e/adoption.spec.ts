import { expect, test, type Page } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/** A small programme of Huizen, made by its adviser through the API: one theme with one activity. */
async function makeProgramme(page: Page) {
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner;
  const headers = await csrfHeaders(page);
  const post = async (path: string, data: Record<string, unknown>) => {
    const res = await page.request.post(`/api/v1${path}`, { headers, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
    return (await res.json()) as { id: string };
  };
  const title = `Uitvoeringsprogramma ${unique()}`;
  const plan = await post('/plans', { ownerId: huizen.id, kind: 'uvp', title, periodStart: '2019-Q1', periodEnd: '2020-Q4' });
  const theme = await post('/themes', { planId: plan.id, title: 'Ondermijning', scope: 'local', challenge: 'Weerbare ondernemers.' });
  const activity = await post('/activities', { themeId: theme.id, title: 'Integrale controles bedrijventerrein', timeframeText: 'Q1 2019' });
  return { planId: plan.id, title, activityId: activity.id };
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Versie \d/ });

test('an adviser adopts a programme, sends it to the council, publishes it, edits it and compares the versions', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const p = await makeProgramme(page);
  await page.goto(`/plannen/${p.planId}`);
  const documents = page.getByRole('region', { name: 'Documenten' });
  await expect(documents.getByRole('link', { name: /Word \(\.docx\)/ }).first()).toHaveAttribute('href', `/api/v1/plans/${p.planId}/document.docx`);
  await expect(documents).toContainText('Dit plan is nog niet vastgesteld');
  await expectAccessible(page);

  // Vaststellen: a missing date is said at the field, then the adoption with the keyboard.
  await page.getByRole('button', { name: 'Versie vaststellen' }).click();
  await expect(page.getByRole('link', { name: /Datum van het besluit/ })).toBeVisible();
  await page.getByLabel('Datum van het besluit').fill('2019-02-05');
  await page.getByLabel('Kenmerk van het besluit (optioneel)').fill('Z/25/0042');
  await page.getByLabel('Kenmerk van het besluit (optioneel)').press('Enter');
  await expect(status(page)).toHaveText('Versie 1 is vastgesteld.');
  await expect(documents).toContainText('Stadium: Vastgesteld');
  const versions = page.getByRole('table', { name: 'Vastgestelde versies, nieuwste eerst' });
  await expect(versions.getByRole('row', { name: /Versie 1/ })).toContainText('Z/25/0042');
  await expect(versions.getByRole('link', { name: 'Word (.docx) – Versie 1' })).toBeVisible();
  await expectAccessible(page);

  // Ter kennisname aan de commissie.
  await page.getByLabel('Raad of commissie').fill('commissie Algemene Bestuurlijke Middelen');
  await page.getByLabel('Datum van de vergadering').fill('2019-03-12');
  await page.getByRole('button', { name: 'Ter kennisname gezonden' }).click();
  await expect(status(page)).toHaveText('Versie 1 is ter kennisname aan de raad gezonden.');
  await expect(documents).toContainText('Stadium: Aan de raad gezonden');

  // Publiceren asks for a confirmation first.
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByRole('link', { name: /Bevestig dat de versie openbaar wordt/ })).toBeVisible();
  await page.getByLabel('Ik weet dat versie 1 hiermee openbaar wordt').check();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(status(page)).toHaveText('Versie 1 is gepubliceerd.');
  await expect(documents).toContainText('Stadium: Gepubliceerd');
  await expect(versions.getByRole('row', { name: /Versie 1/ })).toContainText('Gepubliceerd');
  await expectAccessible(page);

  // The published version is on the public site, read there by anyone: the adviser follows the link to it.
  await versions.getByRole('link', { name: 'Op de openbare site – Versie 1' }).click();
  await expect(page).toHaveURL(/\/openbaar\/huizen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.title);
  await expect(page.getByRole('cell', { name: 'Integrale controles bedrijventerrein', exact: true })).toBeVisible();
  await page.goBack();

  // An edit of the activity makes a new draft; version 1 stays as it was.
  await page.goto(`/plannen/${p.planId}/activiteiten/${p.activityId}/bewerken`);
  await page.getByLabel('Activiteit', { exact: true }).fill('Integrale controles bedrijventerrein en haven');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.goto(`/plannen/${p.planId}`);
  await expect(documents).toContainText('Stadium: Concept');
  await expect(documents).toContainText('Wijzigingen sinds versie 1');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Bekijk de wijzigingen sinds versie 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versies vergelijken');
  await expect(page.getByText('0 toegevoegd, 1 gewijzigd, 0 verwijderd.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thema: Ondermijning' })).toBeVisible();
  const change = page.getByRole('listitem').filter({ hasText: 'Gewijzigd: Integrale controles bedrijventerrein en haven' });
  const row = change.getByRole('row', { name: /Titel/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Integrale controles bedrijventerrein');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Integrale controles bedrijventerrein en haven');
  await expectAccessible(page);

  // The version's stored HTML still has the adopted title.
  const frozen = await page.request.get(`/api/v1/versions/${new URL(page.url()).searchParams.get('van')}/document.html`);
  expect(await frozen.text()).toContain('Integrale controles bedrijventerrein</td>');

  // The plan is a draft again, which the council does not read: it reads the adopted version (ADR 0020), and finds
  // what was adopted on Huizen's page.
  const huizen = (await findPlan(page.request, 'Huizen', 'uvp')).owner;
  await login(page, DEMO.huizenRaadslid);
  const served = await page.request.get(`/api/v1/plans/${p.planId}`);
  expect(served.status()).toBe(200);
  expect((await served.json()).servedVersion).toMatchObject({ number: 1 });
  await page.goto(`/organisaties/${huizen.id}`);
  const adopted = page.getByRole('region', { name: 'Vastgestelde documenten' });
  const ofPlan = adopted.getByRole('region', { name: p.title });
  await expect(ofPlan.getByRole('row', { name: /Versie 1/ })).toContainText('Gepubliceerd');
  await expect(ofPlan.getByRole('link', { name: 'PDF – Versie 1' })).toBeVisible();
  await expectAccessible(page);
});

test('the council document as HTML is accessible on its own', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const uvp = await findPlan(page.request, 'Huizen', 'uvp');
  const res = await page.request.get(`/api/v1/plans/${uvp.id}/document.html`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-security-policy']).toContain("default-src 'none'");
  // Served as a download; here it is opened as a page, as a browser does with the saved file.
  await page.setContent(await res.text());
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uvp.title);
  await expectAccessible(page);
});
