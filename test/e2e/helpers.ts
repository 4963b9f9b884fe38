import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Cookie, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.ts';

export { DEMO } from './accounts.ts';

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
/** The titles of the demo's plans, from the seed documents: specs add plans of their own to the same organisations. */
const DEMO_PLAN_TITLES = new Set(readdirSync('data/seeds').filter((f) => f !== 'organisations.json' && f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`data/seeds/${f}`, 'utf8')) as { plans: { title: string }[] }).plans.map((p) => p.title)));

export async function findPlan(request: APIRequestContext, ownerName: string, kind: 'ivp' | 'uvp'): Promise<PlanSummary> {
  const plans = (await (await request.get('/api/v1/plans')).json()) as PlanSummary[];
  const plan = plans.find((p) => p.owner.name === ownerName && p.kind === kind && DEMO_PLAN_TITLES.has(p.title));
  if (!plan) throw new Error(`No ${kind} of ${ownerName} in the demo data`);
  return plan;
}

/**
 * The college adopts what changed in a plan since its newest version, when anything did – as the signed-in adviser –
 * so the council reads the current text. The demo server published Huizen's programme at its first start; an earlier
 * spec's edit of it made it a draft again (ADR 0014), which the council does not read.
 */
export async function adoptChanges(page: Page, planId: string): Promise<void> {
  const versions = (await (await page.request.get(`/api/v1/plans/${planId}/versions`)).json()) as { hasChanges: boolean | null };
  if (!versions.hasChanges) return;
  const adoptedOn = new Date().toISOString().slice(0, 10);
  const res = await page.request.post(`/api/v1/plans/${planId}/versions`, { headers: await csrfHeaders(page), data: { adoptedBy: 'college', adoptedOn } });
  expect(res.status(), await res.text()).toBe(201);
}

/** Numbers in the count line ("12 activiteiten"). */
export async function readCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /\d+ activiteit/ });
  await expect(status).toBeVisible();
  return Number((await status.textContent())!.match(/(\d+) activiteit/)![1]);
}

/** Presses Tab until the element is focused: what a keyboard user does. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 150): Promise<void> {
  for (let n = 0; n < max; n++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable with Tab');
}

/** A suffix that makes the names a test creates unique, so the tests can run again against the same data. */
export const unique = () => Date.now().toString(36).slice(-5);

/*
 * Sessions of the demo users, kept for the whole run (also across worker restarts, in a file): the server limits
 * logins per minute, and logging in through the form once per user is enough to test it. The web server's start
 * removes the file, as its sessions died with the old data.
 */
const SESSIONS_FILE = '.tmp/e2e-sessions.json';

function readSessions(): Record<string, Cookie[]> {
  try {
    return JSON.parse(readFileSync(SESSIONS_FILE, 'utf8')) as Record<string, Cookie[]>;
  } catch {
    return {};
  }
}

function writeSessions(sessions: Record<string, Cookie[]>) {
  mkdirSync(dirname(SESSIONS_FILE), { recursive: true });
  writeFileSync(SESSIONS_FILE, JSON.stringify(sessions));
}

async function signedInAs(page: Page): Promise<string | null> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { email: string } | null };
  return me.user?.email.toLowerCase() ?? null;
}

/**
 * Signs the page in as a demo user (and out of any other account): through the login page the first time, later
 * with the session kept from then. The page is left wherever it was; go to the page to test next.
 */
export async function login(page: Page, email: string): Promise<void> {
  const context = page.context();
  await context.clearCookies();
  const cached = readSessions()[email];
  if (cached) {
    await context.addCookies(cached);
    if ((await signedInAs(page)) === email.toLowerCase()) return;
    await context.clearCookies();
  }
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  const cookies = (await context.cookies()).filter((c) => c.name === 'regie_session');
  writeSessions({ ...readSessions(), [email]: cookies });
}

/** After a test logged a user out: their kept session no longer works. */
export function forgetSession(email: string): void {
  const { [email]: _gone, ...rest } = readSessions();
  writeSessions(rest);
}

/** The header a cookie-authenticated write needs: the session's CSRF token. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string | null };
  if (!me.csrfToken) throw new Error('not signed in');
  return { 'x-csrf-token': me.csrfToken };
}
