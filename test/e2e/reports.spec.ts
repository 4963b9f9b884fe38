import { expect, test, type Page } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/**
 * Opens a downloaded HTML document in the browser as a page: the server sends it as an attachment (a download), so
 * the test serves the same response – with its own Content-Security-Policy – without the attachment header.
 */
async function openDocument(page: Page, url: string): Promise<void> {
  await page.route(`**${url}`, async (route) => {
    const response = await route.fetch();
    const { 'content-disposition': _attachment, ...headers } = response.headers();
    await route.fulfill({ response, headers });
  });
  await page.goto(url);
}

/** Every download link of a section answers with a file of its format. */
async function expectDownloads(page: Page, section: string): Promise<string[]> {
  const links = page.getByRole('region', { name: section, exact: true }).getByRole('link');
  await expect(links).toHaveCount(3);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const types = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', html: 'text/html; charset=utf-8' };
  for (const href of hrefs) {
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type'], href).toBe(types[href.split('.').pop() as keyof typeof types]);
  }
  return hrefs;
}

/** As Huizen's adviser: a way to post to the API, and a programme of Huizen's own with one theme (so the demo's round stays open). */
async function ownProgramme(page: Page) {
  await login(page, DEMO.huizenAdviseur);
  const huizen = await findPlan(page.request, 'Huizen', 'uvp');
  const headers = await csrfHeaders(page);
  const post = async (url: string, data: unknown) => {
    const res = await page.request.post(`/api/v1${url}`, { headers, data });
    expect(res.status(), url).toBeLessThan(300);
    return res.json();
  };
  const plan = await post('/plans', { kind: 'uvp', title: `Rapportageprogramma ${unique()}`, periodStart: '2023-Q1', periodEnd: '2024-Q4', ownerId: huizen.owner.id });
  const theme = await post('/themes', { planId: plan.id, number: '1', title: 'Woninginbraken', scope: 'local' });
  return { post, plan, theme };
}

test('an adviser closes a round and takes its progress report – Word, PDF or an accessible web page – to the council', async ({ page }) => {
  const { post, plan, theme } = await ownProgramme(page);
  const activity = await post('/activities', { themeId: theme.id, title: 'Inbraakpreventie-avond in Oost', timeframeText: 'Q1-Q4 2024', frequencyText: 'Eenmalig' });
  const indicator = await post('/indicators', {
    planId: plan.id, themeId: theme.id, name: 'Aantal woninginbraken', unit: 'aantal', direction: 'lower_is_better',
    baselineValue: 120, baselineYear: 2022, targetKind: 'absolute', targetValue: 90, targetYear: 2025,
  });
  await post('/measurements', { indicatorId: indicator.id, periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 110 });
  const round = await post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q3' });
  await post(`/activities/${activity.id}/progress`, { status: 'done', note: 'Avond gehouden met 80 bewoners', version: activity.version });

  // Open, the round has no report yet; closed, it has.
  await page.goto(`/rondes/${round.id}`);
  await expect(page.getByRole('button', { name: 'Ronde sluiten' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voortgangsrapportage' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ronde sluiten' }).click();
  await page.getByRole('button', { name: 'Ja, ronde sluiten' }).click();
  await expect(page.getByText(/Deze cijfers zijn vastgelegd/)).toBeVisible();
  const hrefs = await expectDownloads(page, 'Voortgangsrapportage');
  await expect(page.getByRole('link', { name: 'Word (.docx) – Voortgangsrapportage' })).toBeVisible();
  await expectAccessible(page);

  // The report as a web page: accessible, with the chart named for screen readers and its table.
  await openDocument(page, hrefs.find((h) => h.endsWith('.html'))!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Voortgangsrapportage ${plan.title} Q3 2024`);
  await expect(page.getByRole('img', { name: 'Aantal woninginbraken' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Waarden van Aantal woninginbraken per periode' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Afgeronde activiteiten – Thema 1: Woninginbraken' })).toContainText('Avond gehouden met 80 bewoners');
  await expectAccessible(page);
});

test('the programme page offers the evaluation report, an accessible web page with charts and tables', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const huizen = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${huizen.id}`);
  const hrefs = await expectDownloads(page, 'Evaluatierapport');
  await expectAccessible(page);
  await openDocument(page, hrefs.find((h) => h.endsWith('.html'))!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Evaluatierapport ${huizen.title}`);
  await expect(page.getByRole('img', { name: 'Activiteiten per thema en status' }).first()).toBeVisible();
  await expectAccessible(page);

  // Not for the council: it reads the adopted versions.
  await login(page, DEMO.huizenRaadslid);
  await page.goto(`/plannen/${huizen.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Evaluatierapport', exact: true })).toHaveCount(0);
});

test('an adviser adopts a progress report, sends it to the council and publishes it; the council reads it', async ({ page }) => {
  // Adopted (so the council reads its page), with a closed round.
  const { post, plan, theme } = await ownProgramme(page);
  const activity = await post('/activities', { themeId: theme.id, title: 'Buurtpreventie-app uitrollen', timeframeText: 'Q1-Q4 2024', frequencyText: 'Eenmalig' });
  await post(`/plans/${plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2024-01-16' });
  const round = await post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q3' });
  await post(`/activities/${activity.id}/progress`, { status: 'delayed', note: 'Leverancier failliet; nieuwe aanbesteding', version: activity.version });
  await post(`/rounds/${round.id}/close`, { version: round.version });

  await page.goto(`/rondes/${round.id}`);
  const report = page.getByRole('region', { name: 'Voortgangsrapportage', exact: true });
  await expect(report).toContainText('Deze voortgangsrapportage is nog niet vastgesteld');
  await expect(report).toContainText('Er is nog geen versie vastgesteld.');
  await expectAccessible(page);

  // Vaststellen: the date is required, then the college's decision.
  await report.getByRole('button', { name: 'Versie vaststellen' }).click();
  await expect(page.getByRole('link', { name: /Datum van het besluit/ })).toBeVisible();
  await page.getByLabel('Datum van het besluit').fill('2024-10-08');
  await page.getByLabel('Kenmerk van het besluit (optioneel)').fill('Z/24/0815');
  await report.getByRole('button', { name: 'Versie vaststellen' }).click();
  const status = report.getByRole('status').filter({ hasText: /Versie \d/ });
  await expect(status).toHaveText('Versie 1 is vastgesteld.');
  await expect(report).toContainText('Stadium: Vastgesteld');
  const versions = report.getByRole('table', { name: 'Vastgestelde versies, nieuwste eerst' });
  await expect(versions.getByRole('row', { name: /Versie 1/ })).toContainText('Z/24/0815');
  await expect(report.getByRole('button', { name: 'Versie vaststellen' })).toHaveCount(0);
  await expectAccessible(page);

  // Ter kennisname aan de raad.
  await page.getByLabel('Raad of commissie').fill('gemeenteraad');
  await page.getByLabel('Datum van de vergadering').fill('2024-11-05');
  await page.getByRole('button', { name: 'Ter kennisname gezonden' }).click();
  await expect(status).toHaveText('Versie 1 is ter kennisname aan de raad gezonden.');
  await expect(report).toContainText('Stadium: Ter kennisname aan de raad');
  await expectAccessible(page);

  // Publiceren, after a confirmation.
  await page.getByLabel('Ik weet dat versie 1 hiermee openbaar wordt').check();
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(status).toHaveText('Versie 1 is gepubliceerd.');
  await expect(versions.getByRole('row', { name: /Versie 1/ })).toContainText('Gepubliceerd');
  await expectAccessible(page);

  // The plan itself is still adopted, not published: a report is not the plan.
  expect((await (await page.request.get(`/api/v1/plans/${plan.id}`)).json()).status).toBe('adopted');

  // The evaluation report is adopted on the programme's page, its form behind a summary (it is for the end).
  await page.goto(`/plannen/${plan.id}`);
  const evaluation = page.getByRole('region', { name: 'Evaluatierapport', exact: true });
  await expect(evaluation).toContainText('Het evaluatierapport is nog niet vastgesteld');
  await evaluation.locator('summary').click();
  await evaluation.getByLabel('Datum van het besluit').fill('2024-12-17');
  await evaluation.getByRole('button', { name: 'Versie vaststellen' }).click();
  await expect(evaluation.getByRole('status')).toHaveText('Versie 1 is vastgesteld.');
  await expect(page.getByRole('table', { name: 'Vastgestelde versies, nieuwste eerst' }).getByRole('row', { name: /Evaluatie/ })).toContainText('Vastgesteld');
  await expectAccessible(page);

  // The council reads the adopted report on the programme's page, with its files.
  await login(page, DEMO.huizenRaadslid);
  await page.goto(`/plannen/${plan.id}`);
  const list = page.getByRole('table', { name: 'Vastgestelde versies, nieuwste eerst' });
  await expect(list.getByRole('row', { name: /Versie 1/ }).filter({ hasText: 'Voortgangsrapportage Q3 2024' })).toContainText('gemeenteraad');
  const word = list.getByRole('link', { name: 'Word (.docx) – Voortgangsrapportage Q3 2024, versie 1' });
  const res = await page.request.get((await word.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  const html = await page.request.get((await list.getByRole('link', { name: 'Webpagina (HTML) – Voortgangsrapportage Q3 2024, versie 1' }).getAttribute('href'))!);
  expect(await html.text()).toContain('Leverancier failliet; nieuwe aanbesteding');
  await expect(page.getByRole('region', { name: 'Evaluatierapport', exact: true })).toHaveCount(0);
  await expectAccessible(page);
});
