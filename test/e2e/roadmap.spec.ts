import { expect, test } from '@playwright/test';
import { csrfHeaders, DEMO, expectAccessible, findPlan, login, unique } from './helpers.ts';

/** Today's quarter as the app writes it ("Q4 2026"), and the one before. */
function quarters() {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3) + 1;
  const year = now.getFullYear();
  return { current: `Q${q} ${year}`, previous: q === 1 ? `Q4 ${year - 1}` : `Q${q - 1} ${year}`, year };
}

test('Huizen’s programme per quarter: overdue work, the timeline, filters in the URL and the calendar', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const plan = await findPlan(page.request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('navigation', { name: /^Menu van/ }).getByRole('link', { name: 'Planning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planning per kwartaal');
  // The programme ran from Q2 2023 to Q4 2024, before today.
  await expect(page.getByText(`Huidig kwartaal: ${quarters().current}.`)).toBeVisible();
  await expect(page.getByText('Dat valt buiten de programmaperiode (Q2 2023 t/m Q4 2024).')).toBeVisible();

  const timeline = page.getByRole('table', { name: /Tijdlijn/ });
  const headers = timeline.locator('thead th');
  await expect(headers).toHaveText(['Activiteit', 'Q2 2023', 'Q3 2023', 'Q4 2023', 'Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024']);
  const hackshield = timeline.getByRole('row', { name: /^Game Hackshield/ });
  await expect(hackshield.locator('td')).toHaveText(['', '', 'gepland', '', '', '', '']);
  await expect(hackshield).toContainText('over tijd');
  const jaarwisseling = timeline.getByRole('row', { name: /^Voorbereiding jaarwisseling/ });
  await expect(jaarwisseling.locator('td').nth(3)).toHaveText('evaluatie');
  await expect(page.getByRole('region', { name: 'Achter op planning' }).getByRole('link', { name: 'Game Hackshield' })).toBeVisible();
  await expectAccessible(page);

  // Filter on the theme: the URL keeps the view, a reload shows it again.
  await page.getByLabel('Thema').selectOption({ label: '6 Jeugd & Veiligheid' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/themeId=/);
  await expect(timeline.getByRole('row', { name: /^Game Hackshield/ })).toHaveCount(0);
  await expect(timeline.getByRole('row', { name: /^Voorbereiding jaarwisseling/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Thema')).toHaveValue(/.+/);
  await expect(timeline.getByRole('row', { name: /^Voorbereiding jaarwisseling/ })).toBeVisible();
  await expectAccessible(page);

  // The calendar download takes the same filters.
  const link = page.getByRole('link', { name: 'Agenda downloaden (.ics)' });
  await expect(link).toHaveAttribute('href', /roadmap\.ics\?themeId=/);
  const ics = await page.request.get((await link.getAttribute('href'))!);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const body = await ics.text();
  expect(body).toContain('SUMMARY:Voorbereiding jaarwisseling – evaluatie');
  expect(body).not.toContain('Game Hackshield');
});

test('the current quarter is marked in the timeline, with what is due in it', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const huizen = await findPlan(page.request, 'Huizen', 'uvp');
  const headers = await csrfHeaders(page);
  const { current, previous, year } = quarters();
  const created = await page.request.post('/api/v1/plans', {
    headers, data: { kind: 'uvp', title: `Uitvoeringsprogramma ${year}–${year + 1} ${unique()}`, periodStart: `${year - 1}-Q1`, periodEnd: `${year + 1}-Q4`, ownerId: huizen.owner.id },
  });
  expect(created.status()).toBe(201);
  const plan = await created.json();
  try {
    const theme = await (await page.request.post('/api/v1/themes', { headers, data: { planId: plan.id, title: 'Veilig uitgaan', scope: 'local' } })).json();
    for (const [title, timeframeText] of [['Horecaconvenant vernieuwen', current], ['Evaluatie cameratoezicht', previous]]) {
      expect((await page.request.post('/api/v1/activities', { headers, data: { themeId: theme.id, title, timeframeText } })).status()).toBe(201);
    }
    await page.goto(`/plannen/${plan.id}/planning`);
    const timeline = page.getByRole('table', { name: /Tijdlijn/ });
    const now = timeline.locator('thead th.regie-roadmap-current');
    await expect(now).toHaveCount(1);
    await expect(now).toHaveText(`${current}huidig kwartaal`);
    await expect(page.getByRole('region', { name: `Dit kwartaal af te ronden (${current})` }).getByRole('link', { name: 'Horecaconvenant vernieuwen' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Achter op planning' }).getByRole('link', { name: 'Evaluatie cameratoezicht' })).toBeVisible();
    await expect(timeline.getByRole('row', { name: /^Horecaconvenant vernieuwen/ }).locator('td.regie-roadmap-current')).toHaveText('gepland');
    await expectAccessible(page);
  } finally {
    await page.request.delete(`/api/v1/plans/${plan.id}`, { headers });
  }
});

test('activities without a readable tijdpad are listed apart, the joint programme’s included', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const plan = await findPlan(page.request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}/planning`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planning per kwartaal');
  const unplaced = page.getByRole('region', { name: 'Tijdpad niet herkend' });
  const roadmap = await (await page.request.get(`/api/v1/plans/${plan.id}/roadmap`)).json();
  expect(roadmap.unplaced.length).toBeGreaterThan(0);
  await expect(unplaced.getByRole('listitem')).toHaveCount(roadmap.unplaced.length);
  // The basisteam's joint themes come along with the local part.
  await expect(unplaced.getByText(/Ondermijning · geen tijdpad/).first()).toBeVisible();
  await expectAccessible(page);
});
