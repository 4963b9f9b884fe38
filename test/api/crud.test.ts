import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { make, useApi, type Api } from '../api.ts';

const ctx = useApi();
const long = 'x'.repeat(60_000);

/** Per entity: how to make one, a valid change, and inputs that must be refused with the failing field. */
interface Case {
  path: string;
  make: (api: Api) => Promise<any>;
  /** A valid body for POST, built on fresh parents. */
  body: (api: Api) => Promise<Record<string, unknown>>;
  change: Record<string, unknown>;
  bad: [string, (body: Record<string, unknown>) => Record<string, unknown>, string][];
}

const cases: Case[] = [
  {
    path: '/organisations', make: (api) => make.municipality(api),
    body: async () => ({ kind: 'partner', partnerKind: 'police', name: 'Politie basisteam' }),
    change: { name: 'Politie eenheid Midden-Nederland' },
    bad: [
      ['invalid CBS code', (b) => ({ ...b, kind: 'municipality', cbsCode: 'GM12' }), 'cbsCode'],
      ['municipality without CBS code', (b) => ({ ...b, kind: 'municipality', partnerKind: null }), 'cbsCode'],
      ['missing name', ({ name: _, ...b }) => b, 'name'],
      ['unknown parent', (b) => ({ ...b, parentId: randomUUID() }), 'parentId'],
      ['wrong type', (b) => ({ ...b, name: 42 }), 'name'],
    ],
  },
  {
    path: '/people', make: (api) => make.person(api),
    body: async (api) => ({ name: 'Niek Meijer', role: 'mayor', organisationId: (await make.municipality(api)).id }),
    change: { functionTitle: 'Burgemeester' },
    bad: [
      ['unknown organisation', (b) => ({ ...b, organisationId: randomUUID() }), 'organisationId'],
      ['unknown role', (b) => ({ ...b, role: 'koning' }), 'role'],
      ['invalid e-mail', (b) => ({ ...b, email: 'geen-adres' }), 'email'],
      ['oversized name', (b) => ({ ...b, name: long }), 'name'],
    ],
  },
  {
    path: '/plans', make: (api) => make.plan(api),
    body: async (api) => ({ kind: 'ivp', title: 'Integraal Veiligheidsplan', periodStart: '2023-Q1', periodEnd: '2026-Q4', ownerId: (await make.municipality(api)).id }),
    change: { subtitle: 'Veiligheid voorop!', availableBudgetCents: 1_250_000 },
    bad: [
      ['period end before start', (b) => ({ ...b, periodEnd: '2022-Q4' }), 'periodEnd'],
      ['malformed period', (b) => ({ ...b, periodStart: '2023 Q1' }), 'periodStart'],
      ['unknown owner', (b) => ({ ...b, ownerId: randomUUID() }), 'ownerId'],
      ['missing title', ({ title: _, ...b }) => b, 'title'],
      ['wrong kind', (b) => ({ ...b, kind: 'begroting' }), 'kind'],
      ['money not in cents', (b) => ({ ...b, availableBudgetCents: 12.5 }), 'availableBudgetCents'],
    ],
  },
  {
    path: '/themes', make: (api) => make.theme(api),
    body: async (api) => ({ title: 'Digitale veiligheid', scope: 'joint', kernbeleidCodes: ['X.1'], planId: (await make.plan(api)).id }),
    change: { title: 'Digitale veiligheid en cybercrime', challenge: 'Slachtofferschap beperken' },
    bad: [
      ['unknown plan', (b) => ({ ...b, planId: randomUUID() }), 'planId'],
      ['invalid Kernbeleid code', (b) => ({ ...b, kernbeleidCodes: ['ondermijning'] }), 'kernbeleidCodes.0'],
      ['unknown portefeuillehouder', (b) => ({ ...b, portfolioHolderIds: [randomUUID()] }), 'portfolioHolderIds'],
      ['empty title', (b) => ({ ...b, title: '  ' }), 'title'],
      ['wrong scope', (b) => ({ ...b, scope: 'landelijk' }), 'scope'],
    ],
  },
  {
    path: '/goals', make: (api) => make.goal(api),
    body: async (api) => ({ title: 'Weerbaarheid van inwoners verstevigen', themeId: (await make.theme(api)).id }),
    change: { description: 'Jongeren, ouderen en ondernemers' },
    bad: [
      ['unknown theme', (b) => ({ ...b, themeId: randomUUID() }), 'themeId'],
      ['not a uuid', (b) => ({ ...b, themeId: 'thema-1' }), 'themeId'],
      ['oversized title', (b) => ({ ...b, title: long }), 'title'],
    ],
  },
  {
    path: '/indicators', make: (api) => make.indicator(api),
    body: async (api) => ({ name: 'Veiligheidsgevoel', unit: '%', baselineValue: 83, baselineYear: 2022, targetKind: 'absolute', targetValue: 85, targetYear: 2026, planId: (await make.plan(api)).id }),
    change: { source: 'Veiligheidsmonitor' },
    bad: [
      ['relative target without percentage', (b) => ({ ...b, targetKind: 'relative', targetValue: null }), 'targetChangePercent'],
      ['theme of another plan', (b) => b, 'themeId'],
      ['text as number', (b) => ({ ...b, baselineValue: '83' }), 'baselineValue'],
    ],
  },
  {
    path: '/measurements', make: (api) => make.measurement(api),
    body: async (api) => ({ periodLabel: 'jan-jun 2018', periodStart: '2018-01-01', periodEnd: '2018-06-30', value: 26, indicatorId: (await make.indicator(api)).id }),
    change: { isProvisional: true },
    bad: [
      ['period end before start', (b) => ({ ...b, periodEnd: '2017-12-31' }), 'periodEnd'],
      ['invalid date', (b) => ({ ...b, periodStart: '31-12-2018' }), 'periodStart'],
      ['missing value', ({ value: _, ...b }) => b, 'value'],
      ['unknown indicator', (b) => ({ ...b, indicatorId: randomUUID() }), 'indicatorId'],
    ],
  },
  {
    path: '/activities', make: (api) => make.activity(api),
    body: async (api) => ({ title: 'Game Hackshield', timeframeText: 'Q2 2023', frequencyText: 'Onderdeel van jaaragenda', themeId: (await make.theme(api)).id }),
    change: { timeframeText: 'Q4 2023/Q1 2024', status: 'in_progress' },
    bad: [
      ['unknown theme', (b) => ({ ...b, themeId: randomUUID() }), 'themeId'],
      ['unknown betrokkene', (b) => ({ ...b, stakeholderIds: [randomUUID()] }), 'stakeholderIds'],
      ['unknown status', (b) => ({ ...b, status: 'klaar' }), 'status'],
      ['empty title', (b) => ({ ...b, title: '' }), 'title'],
      ['oversized tijdpad', (b) => ({ ...b, timeframeText: long }), 'timeframeText'],
    ],
  },
  {
    path: '/budget-lines', make: (api) => make.budgetLine(api),
    body: async (api) => ({ title: 'Publiekscommunicatie', nature: 'structural', amounts: [{ year: null, amountCents: 500_000 }], planId: (await make.plan(api)).id }),
    change: { amounts: [{ year: 2023, amountCents: 450_000 }, { year: 2024, amountCents: 550_000 }] },
    bad: [
      ['PM with an amount', (b) => ({ ...b, isPm: true }), 'amounts'],
      ['euros instead of cents', (b) => ({ ...b, amounts: [{ year: null, amountCents: 5000.5 }] }), 'amounts.0.amountCents'],
      ['a year twice', (b) => ({ ...b, amounts: [{ year: 2023, amountCents: 1 }, { year: 2023, amountCents: 2 }] }), 'amounts'],
      ['unknown parent line', (b) => ({ ...b, parentId: randomUUID() }), 'parentId'],
      ['funder on own budget', (b) => ({ ...b, funderName: 'Provincie' }), 'funderName'],
      ['subsidy terms on own budget', (b) => ({ ...b, conditions: 'Op declaratiebasis' }), 'conditions'],
      ['accountability before the end', (b) => ({ ...b, funding: 'subsidy', endDate: '2024-12-31', accountabilityDate: '2024-06-30' }), 'accountabilityDate'],
      ['theme of another plan', (b) => b, 'themeId'],
    ],
  },
  {
    path: '/spending-entries', make: (api) => make.spendingEntry(api),
    body: async (api) => ({ year: 2024, amountCents: 45_000, spentOn: '2024-02-01', note: 'Factuur drukwerk, campagne “Doe de lichten uit”', budgetLineId: (await make.budgetLine(api)).id }),
    change: { amountCents: 47_500, note: 'Factuur drukwerk, met verzendkosten' },
    bad: [
      ['zero amount', (b) => ({ ...b, amountCents: 0 }), 'amountCents'],
      ['euros instead of cents', (b) => ({ ...b, amountCents: 450.5 }), 'amountCents'],
      ['a year outside the plan period', (b) => ({ ...b, year: 2025 }), 'year'],
      ['invalid date', (b) => ({ ...b, spentOn: '1-2-2024' }), 'spentOn'],
      ['unknown budget line', (b) => ({ ...b, budgetLineId: randomUUID() }), 'budgetLineId'],
    ],
  },
  {
    path: '/regular-tasks', make: (api) => make.regularTask(api),
    body: async (api) => ({ title: 'Coördineren van het interventieteam', frequencyText: '1x per 2 weken', planId: (await make.plan(api)).id }),
    change: { description: 'Met partners uit zorg en veiligheid' },
    bad: [
      ['unknown plan', (b) => ({ ...b, planId: randomUUID() }), 'planId'],
      ['missing title', ({ title: _, ...b }) => b, 'title'],
    ],
  },
  {
    path: '/decisions', make: (api) => make.decision(api),
    body: async (api) => ({ title: 'Uitvoeringsprogramma Veiligheid 2023-2024', body: 'college', decisionPoints: ['Instemmen'], planId: (await make.plan(api)).id }),
    change: { isDecided: true, decidedOn: '2023-06-13' },
    bad: [
      ['unknown body', (b) => ({ ...b, body: 'koning' }), 'body'],
      ['follow-up without description', (b) => ({ ...b, followUps: [{ kind: 'evaluate' }] }), 'followUps.0.description'],
    ],
  },
];

async function count(api: Api, path: string) {
  return (await api.get(path)).body.length as number;
}

describe.each(cases)('$path', (c) => {
  it('creates, reads, lists, updates and deletes', async () => {
    const { api } = ctx;
    const body = await c.body(api);
    const created = await api.create(c.path, body);
    expect(created).toMatchObject({ version: 1 });
    for (const [k, v] of Object.entries(body)) expect(created[k]).toEqual(v);

    expect((await api.get(`${c.path}/${created.id}`)).body).toEqual(created);
    expect((await api.get(c.path)).body.map((r: any) => r.id)).toContain(created.id);

    const updated = await api.patch(`${c.path}/${created.id}`, { ...c.change, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...c.change, version: 2 });
    expect((await api.get(`${c.path}/${created.id}`)).body).toEqual(updated.body);

    expect((await api.delete(`${c.path}/${created.id}?version=2`)).status).toBe(204);
    expect((await api.get(`${c.path}/${created.id}`)).status).toBe(404);
  });

  it('refuses a stale update with 409 and keeps the newer change', async () => {
    const { api } = ctx;
    const rec = await c.make(api);
    const first = await api.patch(`${c.path}/${rec.id}`, { ...c.change, version: rec.version });
    expect(first.status).toBe(200);
    const stale = await api.patch(`${c.path}/${rec.id}`, { ...c.change, version: rec.version });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await api.get(`${c.path}/${rec.id}`)).body).toEqual(first.body);
    expect((await api.delete(`${c.path}/${rec.id}?version=${rec.version}`)).status).toBe(409);
  });

  it('answers 404 for unknown ids', async () => {
    const { api } = ctx;
    for (const id of [randomUUID(), 'niet-een-id']) {
      expect((await api.get(`${c.path}/${id}`)).status).toBe(404);
      expect((await api.patch(`${c.path}/${id}`, { ...c.change, version: 1 })).status).toBe(404);
      expect((await api.delete(`${c.path}/${id}`)).status).toBe(404);
    }
  });

  it.each(c.bad)('refuses %s with a problem naming the field, and writes nothing', async (_, mutate, field) => {
    const { api } = ctx;
    let body = mutate(await c.body(api));
    if (['/indicators', '/budget-lines'].includes(c.path) && field === 'themeId') body = { ...body, themeId: (await make.theme(api)).id };
    const before = await count(api, c.path);
    const res = await api.post(c.path, body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
    expect(await count(api, c.path)).toBe(before);
  });

  it('refuses each invalid update and leaves the record as it was', async () => {
    const { api } = ctx;
    const rec = await c.make(api);
    // Cases that remove a field are no change in a PATCH (absent means unchanged); the others must be refused.
    const patches = c.bad
      .filter(([, , field]) => !(['/indicators', '/budget-lines'].includes(c.path) && field === 'themeId'))
      .map(([name, mutate, field]) => [name, mutate({ ...c.change }), field] as const)
      .filter(([, patch]) => {
        const unchanged: Record<string, unknown> = { ...rec, ...c.change };
        return Object.keys(patch).some((k) => JSON.stringify(patch[k]) !== JSON.stringify(unchanged[k] ?? null));
      });
    expect(patches.length).toBeGreaterThan(0);
    for (const [name, patch, field] of patches) {
      const res = await api.patch(`${c.path}/${rec.id}`, { ...patch, version: rec.version });
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(res.body.errors.map((e: any) => e.path), name).toContain(field);
    }
    expect((await api.get(`${c.path}/${rec.id}`)).body).toEqual(rec);
  });
});
