import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA: no violations on any page the tests visit. Also no style attributes or inline scripts (CSP). */
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  expect(results.passes.length, 'axe checked something').toBeGreaterThan(0);
  await expect(page.locator('[style]'), 'style attributes break a strict Content-Security-Policy').toHaveCount(0);
  await expect(page.locator('script:not([src])'), 'inline scripts break a strict Content-Security-Policy').toHaveCount(0);
}

export interface PlanSummary {
  id: string;
  kind: 'ivp' | 'uvp';
  title: string;
  jointPlanId: string | null;
  owner: { id: string; name: string };
}

/** A plan from the demo data, by its owner's name and kind. */
export async function findPlan(request: APIRequestContext, ownerName: string, kind: 'ivp' | 'uvp'): Promise<PlanSummary> {
  const plans = (await (await request.get('/api/v1/plans')).json()) as PlanSummary[];
  const plan = plans.find((p) => p.owner.name === ownerName && p.kind === kind);
  if (!plan) throw new Error(`No ${kind} of ${ownerName} in the demo data`);
  return plan;
}

/** Numbers in the count line ("12 activiteiten"). */
export async function readCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /\d+ activiteit/ });
  await expect(status).toBeVisible();
  return Number((await status.textContent())!.match(/(\d+) activiteit/)![1]);
}

/** A suffix that makes the names a test creates unique, so the tests can run again against the same data. */
export const unique = () => Date.now().toString(36).slice(-5);
