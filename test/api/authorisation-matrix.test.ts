import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { createToken } from '../../src/server/accounts/tokens.ts';
import { saveSsoConfig } from '../../src/server/accounts/sso-config.ts';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { createRecord } from '../../src/server/core/write.ts';
import { addOccurrence } from '../../src/server/monitoring/progress.ts';
import { closeRound, openRound } from '../../src/server/monitoring/rounds.ts';
import { exportProgrammeXlsx } from '../../src/server/plans/excel/import.ts';
import { adoptVersion } from '../../src/server/documents/versions.ts';
import { ACCOUNT_RESOURCES } from '../../src/server/accounts/definitions.ts';
import { PLAN_RESOURCES } from '../../src/server/plans/resources.ts';
import type { ResourceDef } from '../../src/server/core/resource.ts';

const RESOURCES = [...ACCOUNT_RESOURCES, ...PLAN_RESOURCES];
import type { TRole } from '../../src/domain/permissions.ts';
import { Api, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { versionOf } from '../published-versions.ts';
import { publicStyleSheet } from '../../src/server/public-site/style-sheet.ts';
import { MELDPUNT_ROUTE } from './meldpunt-matrix/rule.ts';

/*
 * The authorisation matrix: every route of the server's route table, asked by anonymous, each role of Huizen, a
 * partner and an adviser of another municipality, against a draft programme of Huizen. A route without a rule here
 * fails the test, so no route escapes the rules. The platform administrator (no role in Huizen) is asked on the
 * routes of members, API tokens and single sign-on: it gives an organisation without a beheerder its first one, nothing
 * more (issue 11).
 */

const ctx = useApi();
const WHO = ['anoniem', 'beheerder', 'adviseur', 'bestuurder', 'raadslid', 'partner', 'andere gemeente'] as const;
const PLATFORM = 'platformbeheerder';
type Who = (typeof WHO)[number] | typeof PLATFORM;
type Row = readonly [number, number, number, number, number, number, number];

// Expected statuses, in the order of WHO. Drafts are for the organisation's own staff; only advisers write; a partner
// reads and updates the activities it is involved in; another municipality sees nothing of it.
const CONTENT = { get: [404, 200, 200, 200, 404, 404, 404], create: [404, 403, 201, 403, 404, 404, 404], update: [404, 403, 200, 403, 404, 404, 404], delete: [404, 403, 204, 403, 404, 404, 404], listed: [0, 1, 1, 1, 0, 0, 0] } as const;
// A partner changes only an activity's status (see 'beyond drafts'); the matrix changes its title.
const ACTIVITY = { get: [404, 200, 200, 200, 404, 200, 404], create: [404, 403, 201, 403, 404, 403, 404], update: [404, 403, 200, 403, 404, 403, 404], delete: [404, 403, 204, 403, 404, 403, 404], listed: [0, 1, 1, 1, 0, 1, 0] } as const;
const PEOPLE = { get: [404, 200, 200, 200, 404, 404, 404], create: [404, 201, 201, 403, 404, 404, 404], update: [404, 200, 200, 403, 404, 404, 404], delete: [404, 204, 204, 403, 404, 404, 404], listed: [0, 1, 1, 1, 0, 0, 0] } as const;
const TEAMS = { get: [200, 200, 200, 200, 200, 200, 200], create: [403, 201, 201, 403, 403, 403, 403], update: [403, 200, 200, 403, 403, 403, 403], delete: [403, 204, 204, 403, 403, 403, 403], listed: [1, 1, 1, 1, 1, 1, 1] } as const;
const PLAN_VIEW: Row = [404, 200, 200, 200, 404, 404, 404];
const AUDIT: Row = [401, 200, 403, 403, 403, 403, 403];
// An activity's progress: the staff read it, advisers and the partner involved write it; the council and the public not.
const PROGRESS = { get: [404, 200, 200, 200, 404, 200, 404], create: [404, 403, 201, 403, 404, 201, 404], delete: [404, 403, 204, 403, 404, 204, 404] } as const;
// Update rounds: run by the adviser, followed by the staff.
const ROUNDS = { get: [404, 200, 200, 200, 404, 404, 404], create: [404, 403, 201, 403, 404, 404, 404], update: [404, 403, 200, 403, 404, 404, 404] } as const;
/** Importing measurements writes plan content: advisers only. */
const IMPORT: Row = [404, 403, 200, 403, 404, 404, 404];
// Adopted versions: the council reads them (they are no drafts), advisers adopt and move them on; nobody else.
const VERSIONS = { get: [404, 200, 200, 200, 200, 404, 404], create: [404, 403, 201, 403, 404, 404, 404], update: [404, 403, 200, 403, 403, 404, 404] } as const;
// Account management: the beheerder's. The last column is the platform administrator (PLATFORM).
const MEMBERS = { get: [401, 200, 403, 403, 403, 403, 403, 403], create: [401, 201, 403, 403, 403, 403, 403, 403], update: [401, 200, 403, 403, 403, 403, 403, 403], delete: [401, 204, 403, 403, 403, 403, 403, 403] } as const;
/** What the platform administrator gets in a municipality without a beheerder: its first beheerder, nothing else. */
const FIRST_BEHEERDER = { beheerder: 201, otherRole: 403, secondBeheerder: 403, tokens: 403, read: 403 } as const;

const sessions = new Map<Who, Api>();
const ids: Record<string, string> = {};

/** A fresh record of an entity in Huizen's draft programme, made by the system. */
async function fresh(def: ResourceDef): Promise<{ id: string; version: number }> {
  return createRecord(ctx.db, def, bodyFor(def), SYSTEM_CONTEXT);
}

function bodyFor(def: ResourceDef): Record<string, unknown> {
  const title = `Matrix ${randomUUID().slice(0, 6)}`;
  switch (def.name) {
    case 'organisations': return { kind: 'team', name: title, parentId: ids.huizen };
    case 'people': return { name: title, role: 'adviser', organisationId: ids.huizen };
    case 'plans': return { kind: 'uvp', title, periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen };
    case 'themes': return { title, scope: 'local', planId: ids.plan };
    case 'goals': return { title, themeId: ids.theme };
    case 'indicators': return { name: title, planId: ids.plan };
    case 'measurements': return { periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 1, indicatorId: ids.indicator };
    case 'activities': return { title, themeId: ids.theme, stakeholderIds: [ids.police] };
    case 'budget-lines': return { title, planId: ids.plan };
    case 'spending-entries': return { budgetLineId: ids.budgetLine, year: 2023, amountCents: 12_500, spentOn: '2023-05-01', note: title };
    case 'regular-tasks': return { title, planId: ids.plan };
    case 'decisions': return { title, body: 'college', planId: ids.plan };
    default: throw new Error(`no body for ${def.name}`);
  }
}
const changeFor = (def: ResourceDef) => (def.name === 'measurements' ? { value: 2 } : def.name === 'spending-entries' ? { amountCents: 15_000 } : ['organisations', 'people', 'indicators'].includes(def.name) ? { name: 'Gewijzigd' } : { title: 'Gewijzigd' });
const listQuery: Record<string, string> = { themes: 'planId', indicators: 'planId', 'budget-lines': 'planId', 'spending-entries': 'budgetLineId', 'regular-tasks': 'planId', decisions: 'planId', goals: 'themeId', activities: 'themeId', measurements: 'indicatorId', people: 'organisationId', organisations: 'parentId' };
const parentOf = (field: string) => ({ planId: ids.plan, themeId: ids.theme, indicatorId: ids.indicator, budgetLineId: ids.budgetLine, organisationId: ids.huizen, parentId: ids.huizen })[field]!;
const rulesOf = (def: ResourceDef) => (def.name === 'activities' ? ACTIVITY : def.name === 'people' ? PEOPLE : def.name === 'organisations' ? TEAMS : CONTENT);

beforeAll(async () => {
  const make = (def: string, body: Record<string, unknown>) => createRecord(ctx.db, RESOURCES.find((r) => r.name === def)!, body, SYSTEM_CONTEXT);
  ids.huizen = (await make('organisations', { kind: 'municipality', name: 'Huizen (matrix)', cbsCode: 'GM8406' })).id;
  ids.laren = (await make('organisations', { kind: 'municipality', name: 'Laren (matrix)', cbsCode: 'GM8417' })).id;
  ids.police = (await make('organisations', { kind: 'partner', partnerKind: 'police', name: 'Politie (matrix)' })).id;
  ids.plan = (await make('plans', { kind: 'uvp', title: 'Concept-programma', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen })).id;
  ids.theme = (await make('themes', { title: 'Thema', scope: 'local', planId: ids.plan })).id;
  ids.indicator = (await make('indicators', { name: 'Indicator', planId: ids.plan })).id;
  ids.budgetLine = (await make('budget-lines', { title: 'Post', planId: ids.plan, amounts: [{ year: null, amountCents: 100_000 }] })).id;
  // The public site: a programme of its own (the draft above stays a draft), published in version 1, with version 2
  // adopted but not yet published.
  ids.sitePlan = (await make('plans', { kind: 'uvp', title: 'Gepubliceerd programma', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen })).id;
  await make('themes', { title: 'Thema', scope: 'local', planId: ids.sitePlan });
  ids.published = (await versionOf(ctx.db, ids.sitePlan)).id;
  ids.unpublished = (await versionOf(ctx.db, ids.sitePlan, { stage: 'adopted', title: 'Gewijzigd programma' })).id;

  const roles: [Who, TRole, string][] = [
    ['beheerder', 'beheerder', ids.huizen], ['adviseur', 'adviseur', ids.huizen], ['bestuurder', 'bestuurder', ids.huizen],
    ['raadslid', 'raadslid', ids.huizen], ['partner', 'partner', ids.police], ['andere gemeente', 'adviseur', ids.laren],
  ];
  sessions.set('anoniem', ctx.api.as(null));
  // The test's own client: a platform administrator; the matrix makes its organisations without it, so it has no role.
  sessions.set(PLATFORM, ctx.api.as(ctx.api.session));
  for (const [who, role, organisationId] of roles) {
    const email = `${role}-${randomUUID().slice(0, 6)}@matrix.test`;
    await createUser(ctx.db, { email, name: who, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
    sessions.set(who, ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD)));
  }
});

/** A fresh municipality without a beheerder (as Laren in the demo), made by the system. */
let townsWithoutBeheerder = 0;
async function withoutBeheerder(): Promise<string> {
  const cbsCode = `GM7${String(++townsWithoutBeheerder).padStart(3, '0')}`;
  const org = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'organisations')!, { kind: 'municipality', name: `Zonder beheerder ${randomUUID().slice(0, 6)}`, cbsCode }, SYSTEM_CONTEXT);
  return org.id;
}

/** What a route must answer for each actor; a route without a rule has none, and fails the test. */
function ruleFor(method: string, url: string): ((who: Who, n: number) => Promise<void>) | 'public' | undefined {
  // The meldpunt has its own actors (duties, partners a melding was forwarded to): test/api/meldpunt-matrix.test.ts.
  if (MELDPUNT_ROUTE.test(url)) return 'public';
  if (url === '/openbaar' || url.startsWith('/openbaar/')) {
    // The public site is the same for everyone, signed in or not: published versions only (ADR 0015).
    const site = '/openbaar/huizen-matrix';
    const pages: Record<string, [string, number][]> = {
      '/openbaar': [['/openbaar', 200]],
      '/openbaar/toegankelijkheid': [['/openbaar/toegankelijkheid', 200]],
      '/openbaar/stijl/:file': [[`/openbaar/stijl/${publicStyleSheet().name}`, 200], ['/openbaar/stijl/site.css', 404]],
      '/openbaar/:org': [[site, 200], ['/openbaar/laren-matrix', 404]],
      '/openbaar/:org/huisstijl.css': [[`${site}/huisstijl.css`, 200]],
      '/openbaar/:org/:version': [[`${site}/${ids.published}`, 200], [`${site}/${ids.unpublished}`, 404], [`${site}/${ids.sitePlan}`, 404]],
      '/openbaar/:org/:version/:file': [[`${site}/${ids.published}/document.pdf`, 200], [`${site}/${ids.unpublished}/document.pdf`, 404], [`${site}/${ids.unpublished}/open-data.json`, 404]],
      '/openbaar/*': [['/openbaar/iets/anders/nog/dieper', 404]],
    };
    const expected = pages[url];
    if (!expected) return undefined;
    return async (who) => {
      const session = sessions.get(who)!.session;
      for (const [path, status] of expected) {
        const res = await ctx.api.app.inject({ method: 'GET', url: path, headers: session ? { cookie: session.cookie } : {} });
        expect(res.statusCode, `${who} ${path}`).toBe(status);
      }
    };
  }
  if (url.startsWith('/api/v1/auth/') || url.startsWith('/api/v1/docs') || url === '/*' ||
      ['/api/v1/openapi.json', '/api/v1/health', '/api/v1/kernbeleid-themes', '/api/v1/regions'].includes(url)) return 'public';
  if (url === '/api/v1/indicators/:id/chart.svg') {
    return async (who, n) => {
      const indicator = await fresh(RESOURCES.find((r) => r.name === 'indicators')!);
      expect((await sessions.get(who)!.get(`/indicators/${indicator.id}/chart.svg`)).status, who).toBe(CONTENT.get[n]);
    };
  }
  if (url === '/api/v1/organisations/:id/dashboard') {
    // Anyone may ask; the draft programme is in it only for those who read the organisation's drafts.
    return async (who, n) => {
      const api = sessions.get(who)!;
      expect((await api.get(`/organisations/${ids.huizen}/dashboard`)).status, who).toBe(200);
      expect((await api.get(`/organisations/${ids.huizen}/dashboard?planId=${ids.plan}`)).status, who).toBe(PLAN_VIEW[n]);
    };
  }
  if (url === '/api/v1/plans/:id/status-chart.svg') {
    return async (who, n) => expect((await sessions.get(who)!.get(`/plans/${ids.plan}/status-chart.svg`)).status, who).toBe(PLAN_VIEW[n]);
  }
  if (url.startsWith('/api/v1/plans/:id/measurement-imports')) {
    const file = { fileName: 'matrix.csv', content: 'regio_code;indicator;periode;waarde\nGM8406;indicator;2023;5\n' };
    return async (who, n) => {
      const api = sessions.get(who)!;
      const preview = await api.post(`/plans/${ids.plan}/measurement-imports/preview`, file);
      const status = url.endsWith('/preview')
        ? preview.status
        : (await api.post(`/plans/${ids.plan}/measurement-imports`, { ...file, fingerprint: preview.body.fingerprint ?? '0'.repeat(64) })).status;
      expect(status, `${who} ${url}`).toBe(IMPORT[n]);
    };
  }
  if (url.startsWith('/api/v1/plans/:id/programme.xlsx/')) {
    // Importing an Excel workbook writes plan content: advisers only. The file is the programme's own export.
    return async (who, n) => {
      const api = sessions.get(who)!;
      const file = { fileName: 'programma.xlsx', content: (await exportProgrammeXlsx(ctx.db, ids.plan, SYSTEM_CONTEXT)).bytes.toString('base64') };
      const preview = await api.post(`/plans/${ids.plan}/programme.xlsx/preview`, file);
      const status = url.endsWith('/preview')
        ? preview.status
        : (await api.post(`/plans/${ids.plan}/programme.xlsx/commit`, { ...file, fingerprint: preview.body.fingerprint ?? '0'.repeat(64) })).status;
      expect(status, `${who} ${url}`).toBe(IMPORT[n]);
    };
  }
  if (url === '/api/v1/audit' || url === '/api/v1/audit.csv') {
    return async (who, n) => expect((await sessions.get(who)!.get(`${url.slice(7)}?organisationId=${ids.huizen}`)).status, who).toBe(AUDIT[n]);
  }
  if (url.startsWith('/api/v1/organisations/:id/tokens')) {
    const base = `/organisations/${ids.huizen}/tokens`;
    return async (who, n) => {
      const api = sessions.get(who)!;
      const fresh = async () => (await createToken(ctx.db, SYSTEM_CONTEXT, ids.huizen, { name: 'Koppeling', role: 'bestuurder', expiresInDays: 1 })).apiToken.id;
      const status =
        method === 'GET' ? (await api.get(base)).status
        : method === 'POST' ? (await api.post(base, { name: 'Koppeling', role: 'bestuurder' })).status
        : (await api.delete(`${base}/${await fresh()}`)).status;
      const rule = method === 'GET' ? MEMBERS.get : method === 'POST' ? MEMBERS.create : MEMBERS.delete;
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
      if (who !== PLATFORM) return;
      // Also where nobody manages the tokens yet: no token for the platform administrator.
      const town = await withoutBeheerder();
      const tokenOfTown = async () => (await createToken(ctx.db, SYSTEM_CONTEXT, town, { name: 'Koppeling', role: 'bestuurder', expiresInDays: 1 })).apiToken.id;
      const there =
        method === 'GET' ? (await api.get(`/organisations/${town}/tokens`)).status
        : method === 'POST' ? (await api.post(`/organisations/${town}/tokens`, { name: 'Koppeling', role: 'beheerder' })).status
        : (await api.delete(`/organisations/${town}/tokens/${await tokenOfTown()}`)).status;
      expect(there, `${who} ${method} ${url} without a beheerder`).toBe(FIRST_BEHEERDER.tokens);
    };
  }
  if (url === '/api/v1/organisations/:id/sso') {
    // Single sign-on is account management: the beheerder's. Each write is tried on a configuration it may replace.
    const base = `/organisations/${ids.huizen}/sso`;
    const body = { issuer: 'https://login.huizen.test', clientId: 'regie', clientSecret: 'geheim', displayName: 'Huizen-account' };
    const configure = () => saveSsoConfig(ctx.db, SYSTEM_CONTEXT, ids.huizen, { ...body, linkByEmail: false, isEnabled: true }, { allowHttpLocalhost: false, redirectUri: '', cipher: ctx.api.app.cipher })
      .catch(() => undefined);
    return async (who, n) => {
      const api = sessions.get(who)!;
      await ctx.db.query('delete from sso_configs where organisation_id = $1', [ids.huizen]);
      if (method !== 'PUT') await configure();
      const status = method === 'GET' ? (await api.get(base)).status
        : method === 'PUT' ? (await api.request('PUT', base, body)).status
        : (await api.delete(base)).status;
      const rule = method === 'GET' ? MEMBERS.get : method === 'PUT' ? MEMBERS.update : MEMBERS.delete;
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
    };
  }
  if (url.startsWith('/api/v1/organisations/:id/members')) {
    const member = async () => {
      const email = `lid-${randomUUID().slice(0, 8)}@matrix.test`;
      return (await createUser(ctx.db, { email, name: 'Lid', memberships: [{ organisationId: ids.huizen, role: 'raadslid' }] }, SYSTEM)).id;
    };
    const base = `/organisations/${ids.huizen}/members`;
    return async (who, n) => {
      const api = sessions.get(who)!;
      const status =
        method === 'GET' ? (await api.get(base)).status
        : method === 'POST' && url.endsWith('/members') ? (await api.post(base, { email: `nieuw-${randomUUID().slice(0, 8)}@matrix.test`, name: 'Nieuw', role: 'raadslid' })).status
        : method === 'POST' ? (await api.post(`${base}/${await member()}/password-link`, {})).status
        : method === 'PATCH' ? (await api.patch(`${base}/${await member()}`, { role: 'bestuurder' })).status
        : (await api.delete(`${base}/${await member()}`)).status;
      const rule = method === 'GET' ? MEMBERS.get : method === 'POST' ? MEMBERS.create : method === 'PATCH' ? MEMBERS.update : MEMBERS.delete;
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
      if (who !== PLATFORM) return;
      // Where there is no beheerder yet: the platform administrator gives the first one, and only that.
      const town = await withoutBeheerder();
      const members = `/organisations/${town}/members`;
      const newMember = (role: TRole) => ({ email: `nieuw-${randomUUID().slice(0, 8)}@matrix.test`, name: 'Nieuw', role });
      const memberOfTown = async () =>
        (await createUser(ctx.db, { email: `lid-${randomUUID().slice(0, 8)}@matrix.test`, name: 'Lid', memberships: [{ organisationId: town, role: 'raadslid' }] }, SYSTEM)).id;
      if (method === 'POST' && url.endsWith('/members')) {
        expect((await api.post(members, newMember('raadslid'))).status, `${who} another role`).toBe(FIRST_BEHEERDER.otherRole);
        expect((await api.post(members, newMember('beheerder'))).status, `${who} first beheerder`).toBe(FIRST_BEHEERDER.beheerder);
        expect((await api.post(members, newMember('beheerder'))).status, `${who} second beheerder`).toBe(FIRST_BEHEERDER.secondBeheerder);
        return;
      }
      const there =
        method === 'GET' ? (await api.get(members)).status
        : method === 'POST' ? (await api.post(`${members}/${await memberOfTown()}/password-link`, {})).status
        : method === 'PATCH' ? (await api.patch(`${members}/${await memberOfTown()}`, { role: 'beheerder' })).status
        : (await api.delete(`${members}/${await memberOfTown()}`)).status;
      expect(there, `${who} ${method} ${url} without a beheerder`).toBe(FIRST_BEHEERDER.read);
    };
  }
  if (url === '/api/v1/me/activities') {
    // Only the partner is involved in the matrix's activities; everyone gets 200 and only what they may read.
    return async (who) => {
      const target = await fresh(RESOURCES.find((r) => r.name === 'activities')!);
      const res = await sessions.get(who)!.get('/me/activities');
      expect(res.status, who).toBe(200);
      expect(res.body.some((a: { id: string }) => a.id === target.id), `${who} lists it`).toBe(who === 'partner');
    };
  }
  const progress = url.match(/^\/api\/v1\/activities\/:id\/(progress|occurrences)(\/:occurrenceId)?$/);
  if (progress) {
    return async (who, n) => {
      const activity = await fresh(RESOURCES.find((r) => r.name === 'activities')!);
      const api = sessions.get(who)!;
      const base = `/activities/${activity.id}`;
      const status =
        method === 'GET' ? (await api.get(`${base}/progress`)).status
        : progress[1] === 'progress' ? (await api.post(`${base}/progress`, { note: 'Eerste overleg gehouden' })).status
        : method === 'POST' ? (await api.post(`${base}/occurrences`, { occurredOn: '2024-03-12' })).status
        : (await api.delete(`${base}/occurrences/${(await addOccurrence(ctx.db, SYSTEM_CONTEXT, activity.id, { occurredOn: '2024-03-12' })).id}`)).status;
      const rule = method === 'GET' ? PROGRESS.get : method === 'POST' ? PROGRESS.create : PROGRESS.delete;
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
    };
  }
  // Adopting a report: advisers only; the round is the staff's (404 for the council), the plan here a draft.
  if (url === '/api/v1/rounds/:id/versions' || url === '/api/v1/plans/:id/evaluation/versions') {
    return async (who, n) => {
      const plan = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Rapport vaststellen', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      const adoption = { adoptedBy: 'college', adoptedOn: '2024-10-08' };
      let path = `/plans/${plan.id}/evaluation/versions`;
      if (url.startsWith('/api/v1/rounds/')) {
        const round = await openRound(ctx.db, SYSTEM_CONTEXT, plan.id, { quarter: '2024-Q3' });
        await closeRound(ctx.db, SYSTEM_CONTEXT, round.id, round.version);
        path = `/rounds/${round.id}/versions`;
      }
      expect((await sessions.get(who)!.post(path, adoption)).status, `${who} ${url}`).toBe(VERSIONS.create[n]);
    };
  }
  // Reports read like the rounds: the staff of the owner. The progress report is of a closed round.
  const report = url.match(/^\/api\/v1\/(rounds\/:id\/report|plans\/:id\/evaluation)\.(docx|pdf|html)$/);
  if (report) {
    return async (who, n) => {
      const api = sessions.get(who)!;
      if (report[1] === 'plans/:id/evaluation') return expect((await api.get(`/plans/${ids.plan}/evaluation.${report[2]}`)).status, who).toBe(ROUNDS.get[n]);
      const plan = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Rapportplan', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      const round = await openRound(ctx.db, SYSTEM_CONTEXT, plan.id, { quarter: '2024-Q3' });
      await closeRound(ctx.db, SYSTEM_CONTEXT, round.id, round.version);
      expect((await api.get(`/rounds/${round.id}/report.${report[2]}`)).status, who).toBe(ROUNDS.get[n]);
    };
  }
  if (url.startsWith('/api/v1/plans/:id/rounds') || url.startsWith('/api/v1/rounds/')) {
    return async (who, n) => {
      const plan = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Rondeplan', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      const round = async () => openRound(ctx.db, SYSTEM_CONTEXT, plan.id, { quarter: '2024-Q3' });
      const api = sessions.get(who)!;
      const status =
        url === '/api/v1/plans/:id/rounds' ? (method === 'GET' ? (await api.get(`/plans/${plan.id}/rounds`)).status : (await api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q3' })).status)
        : url === '/api/v1/rounds/:id' ? (await api.get(`/rounds/${(await round()).id}`)).status
        : url.endsWith('/close') ? (await api.post(`/rounds/${(await round()).id}/close`, { version: 1 })).status
        : (await api.post(`/rounds/${(await round()).id}/reminders`, {})).status;
      const rule = method === 'GET' ? ROUNDS.get : url === '/api/v1/plans/:id/rounds' ? ROUNDS.create : ROUNDS.update;
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
    };
  }
  if (url === '/api/v1/me/updates') {
    // Everyone gets 200 and only their own awaited updates: here the partner's, of an activity it is involved in.
    return async (who) => {
      const plan = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Rondeplan', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      const theme = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'themes')!, { title: 'Thema', scope: 'local', planId: plan.id }, SYSTEM_CONTEXT);
      await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'activities')!, { title: 'Controle', themeId: theme.id, stakeholderIds: [ids.police] }, SYSTEM_CONTEXT);
      const round = await openRound(ctx.db, SYSTEM_CONTEXT, plan.id, { quarter: '2024-Q3' });
      const res = await sessions.get(who)!.get('/me/updates');
      expect(res.status, who).toBe(200);
      expect(res.body.rounds.some((r: { roundId: string }) => r.roundId === round.id), `${who} is asked`).toBe(who === 'partner');
    };
  }
  if (url === '/api/v1/organisations/:id/versions') {
    // Everyone gets the list; an adopted (unpublished) version of Huizen is in it for those who may read it.
    return async (who, n) => {
      const p = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Lijst', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      const version = await adoptVersion(ctx.db, SYSTEM_CONTEXT, { document: 'plan', planId: p.id }, { adoptedBy: 'college', adoptedOn: '2023-03-07' });
      const res = await sessions.get(who)!.get(`/organisations/${ids.huizen}/versions`);
      expect(res.status, who).toBe(200);
      expect(res.body.some((v: { id: string }) => v.id === version.id), `${who} sees the adopted version`).toBe(VERSIONS.get[n] === 200);
    };
  }
  if (url.startsWith('/api/v1/versions/') || url === '/api/v1/plans/:id/versions' || url === '/api/v1/plans/:id/compare') {
    // Each check gets a fresh plan of Huizen with a theme, adopted (not published) by the system where the route needs a version.
    const plan = async () => {
      const p = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, { kind: 'uvp', title: 'Vast te stellen', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen }, SYSTEM_CONTEXT);
      await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'themes')!, { title: 'Thema', scope: 'local', planId: p.id }, SYSTEM_CONTEXT);
      return p.id;
    };
    const adopted = async () => {
      const planId = await plan();
      return { planId, version: await adoptVersion(ctx.db, SYSTEM_CONTEXT, { document: 'plan', planId }, { adoptedBy: 'college', adoptedOn: '2023-03-07' }) };
    };
    return async (who, n) => {
      const api = sessions.get(who)!;
      let status: number;
      let rule: Row;
      if (url === '/api/v1/plans/:id/versions' && method === 'POST') {
        status = (await api.post(`/plans/${await plan()}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' })).status;
        rule = VERSIONS.create;
      } else {
        const { planId, version } = await adopted();
        rule = url.endsWith('/council') || url.endsWith('/publish') ? VERSIONS.update : VERSIONS.get;
        status = url.endsWith('/council') ? (await api.post(`/versions/${version.id}/council`, { councilBody: 'raad', councilOn: '2023-04-01', version: version.version })).status
          : url.endsWith('/publish') ? (await api.post(`/versions/${version.id}/publish`, { version: version.version })).status
          : url.endsWith('/compare') ? (await api.get(`/plans/${planId}/compare?from=${version.id}&to=draft`)).status
          : url === '/api/v1/plans/:id/versions' ? (await api.get(`/plans/${planId}/versions`)).status
          : url === '/api/v1/versions/:id' ? (await api.get(`/versions/${version.id}`)).status
          : (await api.get(url.slice(7).replace(':id', version.id))).status;
      }
      expect(status, `${who} ${method} ${url}`).toBe(rule[n]);
    };
  }
  if (method === 'GET' && url === '/api/v1/plans') {
    return async (who, n) => {
      const res = await sessions.get(who)!.get('/plans');
      expect(res.status).toBe(200);
      expect(res.body.some((p: { id: string }) => p.id === ids.plan), who).toBe(CONTENT.listed[n] === 1);
    };
  }
  // A collegevoorstel: made from the plan's data by an adviser; its documents under the decision's read rules.
  if (url === '/api/v1/plans/:id/proposals') {
    return async (who, n) => expect((await sessions.get(who)!.post(`/plans/${ids.plan}/proposals`, { purpose: 'adopt_plan' })).status, who).toBe(CONTENT.create[n]);
  }
  // Nieuw programma op basis van …: the plan's adviser makes its successor (a new concept); others may not (ADR 0021).
  if (url === '/api/v1/plans/:id/successor') {
    return async (who, n) => expect((await sessions.get(who)!.post(`/plans/${ids.plan}/successor`, {})).status, who).toBe(CONTENT.create[n]);
  }
  if (url.startsWith('/api/v1/decisions/:id/document.')) {
    return async (who, n) => {
      const decision = await fresh(RESOURCES.find((r) => r.name === 'decisions')!);
      expect((await sessions.get(who)!.get(url.slice(7).replace(':id', decision.id))).status, `${who} ${url}`).toBe(CONTENT.get[n]);
    };
  }
  const view = url.match(/^\/api\/v1\/plans\/:id\/(export|budget|activities|roadmap|roadmap\.ics|document\.docx|document\.pdf|document\.html|programme\.xlsx)$/);
  if (view) return async (who, n) => expect((await sessions.get(who)!.get(`/plans/${ids.plan}/${view[1]}`)).status, who).toBe(PLAN_VIEW[n]);

  const m = url.match(/^\/api\/v1\/([a-z-]+)(\/:id)?$/);
  const def = m && RESOURCES.find((r) => r.name === m[1]);
  if (!def) return undefined;
  const rules = rulesOf(def);
  const api = (who: Who) => sessions.get(who)!;
  if (method === 'GET' && !m[2]) {
    return async (who, n) => {
      const target = await fresh(def);
      const filter = listQuery[def.name];
      const res = await api(who).get(`/${def.name}?${filter}=${parentOf(filter)}`);
      expect(res.status, who).toBe(200);
      expect(res.body.some((r: { id: string }) => r.id === target.id), `${who} lists it`).toBe(rules.listed[n] === 1);
    };
  }
  if (method === 'GET') return async (who, n) => expect((await api(who).get(`/${def.name}/${(await fresh(def)).id}`)).status, who).toBe(rules.get[n]);
  if (method === 'POST') return async (who, n) => expect((await api(who).post(`/${def.name}`, bodyFor(def))).status, who).toBe(rules.create[n]);
  if (method === 'PATCH') {
    return async (who, n) => {
      const target = await fresh(def);
      expect((await api(who).patch(`/${def.name}/${target.id}`, { ...changeFor(def), version: target.version })).status, who).toBe(rules.update[n]);
    };
  }
  if (method === 'DELETE') {
    return async (who, n) => {
      const target = await fresh(def);
      expect((await api(who).delete(`/${def.name}/${target.id}?version=${target.version}`)).status, who).toBe(rules.delete[n]);
    };
  }
  return undefined;
}

describe('authorisation matrix over the route table', () => {
  it('has a rule for every route', () => {
    const missing = ctx.api.app.routeTable.filter((r) => ruleFor(r.method, r.url) === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(ctx.api.app.routeTable.length).toBeGreaterThan(60);
  });

  it.each(WHO.map((w, n) => [w, n] as const))('%s gets what the rules allow on every route', async (who, n) => {
    for (const route of ctx.api.app.routeTable) {
      const rule = ruleFor(route.method, route.url);
      if (typeof rule === 'function') await rule(who, n);
    }
  });
});

describe('the platform administrator on account management', () => {
  it('gets what the rules allow on every route of members, API tokens and single sign-on', async () => {
    const routes = ctx.api.app.routeTable.filter((r) => /^\/api\/v1\/organisations\/:id\/(members|tokens|sso)/.test(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes) {
      const rule = ruleFor(route.method, route.url);
      if (typeof rule !== 'function') throw new Error(`no rule for ${route.method} ${route.url}`);
      await rule(PLATFORM, WHO.length);
    }
  });
});

describe('beyond drafts', () => {
  it('a raadslid reads what the college adopted, changes nothing; anonymous reads only what is published', async () => {
    const adopted = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, {
      kind: 'uvp', title: 'Vastgesteld programma', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen, status: 'adopted', adoptedBy: 'college',
    }, SYSTEM_CONTEXT);
    const council = sessions.get('raadslid')!;
    expect((await council.get(`/plans/${adopted.id}/export`)).status).toBe(200);
    expect((await council.patch(`/plans/${adopted.id}`, { title: 'Anders', version: adopted.version })).status).toBe(403);
    expect((await sessions.get('anoniem')!.get(`/plans/${adopted.id}`)).status).toBe(404);
    expect((await ctx.api.as(null).get('/plans')).body.map((p: { id: string }) => p.id)).not.toContain(adopted.id);
    const published = await createRecord(ctx.db, RESOURCES.find((r) => r.name === 'plans')!, {
      kind: 'uvp', title: 'Gepubliceerd programma', periodStart: '2023-Q2', periodEnd: '2024-Q4', ownerId: ids.huizen, status: 'published',
    }, SYSTEM_CONTEXT);
    expect((await sessions.get('anoniem')!.get(`/plans/${published.id}/export`)).status).toBe(200);
    expect((await sessions.get('anoniem')!.patch(`/plans/${published.id}`, { title: 'Anders', version: 1 })).status).toBe(403);
  });

  it('a partner cannot take itself off an activity, nor move into another organisation’s data', async () => {
    const activity = await fresh(RESOURCES.find((r) => r.name === 'activities')!);
    const partner = sessions.get('partner')!;
    expect((await partner.patch(`/activities/${activity.id}`, { stakeholderIds: [], version: activity.version })).status).toBe(403);
    expect((await partner.get(`/activities/${activity.id}`)).status).toBe(200);
  });

  it('a partner changes an activity’s status, not its texts', async () => {
    const activity = await fresh(RESOURCES.find((r) => r.name === 'activities')!);
    const partner = sessions.get('partner')!;
    const refused = await partner.patch(`/activities/${activity.id}`, { title: 'Anders', status: 'in_progress', version: activity.version });
    expect(refused.status).toBe(403);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['title']);
    const changed = await partner.patch(`/activities/${activity.id}`, { status: 'in_progress', version: activity.version });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('in_progress');
  });

  it('a partner’s working list gives each activity its plan and theme, though the plan itself stays closed', async () => {
    const activity = await fresh(RESOURCES.find((r) => r.name === 'activities')!);
    const partner = sessions.get('partner')!;
    const mine = (await partner.get('/me/activities')).body.find((a: { id: string }) => a.id === activity.id);
    expect(mine.theme).toMatchObject({ id: ids.theme, title: 'Thema' });
    expect(mine.plan).toEqual({ id: ids.plan, title: 'Concept-programma', ownerName: 'Huizen (matrix)' });
    expect((await partner.get(`/plans/${ids.plan}`)).status).toBe(404);
  });
});
