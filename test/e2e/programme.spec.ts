import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, findPlan, login, readCount } from './helpers.ts';

test('the programme table filters by theme and by text, and the URL keeps the view', async ({ page }) => {
  await login(page, DEMO.heuvelrugAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Utrechtse Heuvelrug', 'uvp');
  await page.goto(`/plannen/${plan.id}`);
  await page.getByRole('navigation', { name: /^Menu van/ }).getByRole('link', { name: 'Activiteiten', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activiteitentabel');
  const all = await readCount(page);
  const api = (await (await request.get(`/api/v1/plans/${plan.id}/activities`)).json()) as unknown[];
  expect(all).toBe(api.length);
  await expectAccessible(page);

  await page.getByLabel('Thema').selectOption({ label: '2.1 Ondermijning' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/themeId=/);
  await expect.poll(() => readCount(page)).toBeLessThan(all);
  const inTheme = await readCount(page);
  await expect(page.getByRole('table', { name: 'Activiteitentabel' }).locator('tbody tr')).toHaveCount(inTheme);

  await page.getByLabel('Zoeken').fill('weerbaarheid');
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/q=weerbaarheid/);
  await expect.poll(() => readCount(page)).toBeLessThan(inTheme);
  const found = await readCount(page);
  expect(found).toBeGreaterThan(0);

  // A shared link shows the same view.
  await page.reload();
  await expect(page.getByLabel('Zoeken')).toHaveValue('weerbaarheid');
  await expect(page.getByLabel('Thema')).toHaveValue(/.+/);
  expect(await readCount(page)).toBe(found);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Filters wissen' }).click();
  await expect.poll(() => readCount(page)).toBe(all);
});

test('the quarter and scope filters', async ({ page }) => {
  await login(page, DEMO.huizenAdviseur);
  const request = page.request;
  const plan = await findPlan(request, 'Huizen', 'uvp');
  await page.goto(`/plannen/${plan.id}/activiteiten?scope=joint`);
  const joint = await readCount(page);
  const api = (await (await request.get(`/api/v1/plans/${plan.id}/activities?scope=joint`)).json()) as unknown[];
  expect(joint).toBe(api.length);
  await page.getByLabel('Kwartaal').selectOption({ label: 'Q4 2023' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/quarter=2023-Q4/);
  await expect(page).toHaveURL(/scope=joint/);
  const q4 = (await (await request.get(`/api/v1/plans/${plan.id}/activities?scope=joint&quarter=2023-Q4`)).json()) as unknown[];
  await expect.poll(() => readCount(page)).toBe(q4.length);
});
