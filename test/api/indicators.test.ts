import { beforeAll, describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

/*
 * Monitoring an indicator through the API: its status in the plan's answer, reference areas by CBS code, the import
 * key, the CBS regions, and the server-rendered chart.
 */

const ctx = useApi();
const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.laren = (await make.municipality(ctx.api, { name: 'Laren', cbsCode: 'GM0417' })).id;
  ids.plan = (await make.plan(ctx.api, { ownerId: ids.laren, kind: 'ivp', periodStart: '2019-Q1', periodEnd: '2022-Q4', referenceAreaCodes: ['RE03', 'NL01'] })).id;
});

describe('CBS regions', () => {
  it('lists the Netherlands, 12 provinces, 10 police units and 342 municipalities, with StatLine’s names', async () => {
    const res = await ctx.api.as(null).get('/regions');
    expect(res.status).toBe(200);
    const count = (kind: string) => res.body.filter((r: { kind: string }) => r.kind === kind).length;
    expect([count('country'), count('province'), count('police_unit'), count('municipality')]).toEqual([1, 12, 10, 342]);
    expect(res.body.find((r: { code: string }) => r.code === 'GM0417')).toEqual({ code: 'GM0417', name: 'Laren (NH.)', kind: 'municipality', provinceCode: 'PV27' });
  });

  it('checks a plan’s reference areas and a measurement’s area against them', async () => {
    const bad = await ctx.api.post('/plans', { kind: 'ivp', title: 'X', periodStart: '2019-Q1', periodEnd: '2022-Q4', ownerId: ids.laren, referenceAreaCodes: ['PV99'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: 'referenceAreaCodes', message: 'Onbekende CBS-regiocode' }]);
    const malformed = await ctx.api.post('/plans', { kind: 'ivp', title: 'X', periodStart: '2019-Q1', periodEnd: '2022-Q4', ownerId: ids.laren, referenceAreaCodes: ['Gooi'] });
    expect(malformed.status).toBe(422);
    const indicator = await make.indicator(ctx.api, { planId: ids.plan });
    const unknown = await ctx.api.post('/measurements', { indicatorId: indicator.id, periodLabel: '2020', periodStart: '2020-01-01', periodEnd: '2020-12-31', value: 1, areaCode: 'GM0001' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'areaCode', message: 'Onbekende CBS-regiocode' }]);
  });
});

describe('import keys', () => {
  it('are unique within a plan, not across plans', async () => {
    await make.indicator(ctx.api, { planId: ids.plan, importKey: 'woninginbraken' });
    const twice = await ctx.api.post('/indicators', { planId: ids.plan, name: 'Ook woninginbraken', importKey: 'woninginbraken' });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ path: 'importKey', message: 'Een andere indicator van dit plan heeft deze sleutel al' }]);
    const elsewhere = await ctx.api.post('/indicators', { planId: (await make.plan(ctx.api)).id, name: 'Woninginbraken', importKey: 'woninginbraken' });
    expect(elsewhere.status).toBe(201);
    const spaced = await ctx.api.post('/indicators', { planId: ids.plan, name: 'X', importKey: 'Woning inbraken' });
    expect(spaced.body.errors[0]).toEqual({ path: 'importKey', message: 'Alleen kleine letters, cijfers en _, bijvoorbeeld geregistreerde_misdrijven' });
  });

  it('keeps its own key when the indicator is edited', async () => {
    const i = await make.indicator(ctx.api, { planId: ids.plan, importKey: 'fietsdiefstal' });
    const res = await ctx.api.patch(`/indicators/${i.id}`, { name: 'Fietsdiefstallen', version: i.version });
    expect(res.status).toBe(200);
  });
});

describe('status in the plan’s answer', () => {
  it('gives every indicator its status, computed from its own final values only', async () => {
    const i = await make.indicator(ctx.api, {
      planId: ids.plan, name: 'Rapportcijfer veiligheid', direction: 'higher_is_better', baselineValue: 7.3, baselineYear: 2017,
      targetKind: 'absolute', targetValue: 7.5, targetYear: 2021,
    });
    const add = (over: Record<string, unknown>) => make.measurement(ctx.api, { indicatorId: i.id, ...over });
    await add({ periodLabel: '2019', periodStart: '2019-01-01', periodEnd: '2019-12-31', value: 7.4 });
    await add({ periodLabel: '2019', periodStart: '2019-01-01', periodEnd: '2019-12-31', value: 6.9, area: 'Midden-Nederland (RE)', areaCode: 'RE03' });
    await add({ periodLabel: '2020', periodStart: '2020-01-01', periodEnd: '2020-12-31', value: 7.6, isProvisional: true });
    const plan = (await ctx.api.get(`/plans/${ids.plan}/export`)).body;
    const found = plan.indicators.find((x: { id: string }) => x.id === i.id);
    expect(found.status).toMatchObject({
      status: 'on_track', rule: 'on_path', expected: 7.4, target: 7.5, comparison: 'at_least',
      measurement: { periodLabel: '2019', value: 7.4, isProvisional: false }, newerProvisional: { periodLabel: '2020', value: 7.6 },
    });
  });

  it('flags a contradictory target instead of computing it', async () => {
    const i = await make.indicator(ctx.api, {
      planId: ids.plan, name: 'Aantal pogingen woninginbraken', direction: 'lower_is_better', baselineValue: 20, baselineYear: 2017,
      targetKind: 'relative', targetChangePercent: -25, targetValue: 60, targetYear: 2021,
    });
    await make.measurement(ctx.api, { indicatorId: i.id, periodLabel: '2019', periodStart: '2019-01-01', periodEnd: '2019-12-31', value: 18 });
    const plan = (await ctx.api.get(`/plans/${ids.plan}/export`)).body;
    expect(plan.indicators.find((x: { id: string }) => x.id === i.id).status).toMatchObject({
      status: 'contradictory', problems: [{ code: 'relative_mismatch', expected: 15 }, { code: 'direction_mismatch' }],
    });
  });
});

describe('the chart', () => {
  it('is an accessible SVG with Dutch numbers and its own values, and a strict policy of its own', async () => {
    const i = await make.indicator(ctx.api, {
      planId: ids.plan, name: 'Geregistreerde misdrijven', unit: 'aantal', direction: 'lower_is_better', baselineValue: 1200, baselineYear: 2021,
      targetKind: 'absolute', targetValue: 1000, targetYear: 2024,
    });
    const add = (year: number, value: number, over: Record<string, unknown> = {}) =>
      make.measurement(ctx.api, { indicatorId: i.id, periodLabel: String(year), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value, ...over });
    await add(2022, 1143);
    await add(2023, 1057.5);
    await add(2023, 87518, { areaCode: 'RE03' });
    const res = await ctx.api.get(`/indicators/${i.id}/chart.svg`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    const svg = String(res.body);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">Geregistreerde misdrijven<\/title>/);
    const desc = /<desc id="chart-desc">([^<]*)<\/desc>/.exec(svg)![1];
    expect(desc).toBe(
      'Lijngrafiek van Geregistreerde misdrijven. Laren: 2 metingen van 2022 tot en met 2023, laatste 1.057,5. ' +
      'Nulmeting 1.200 in 2021. Doel 1.000 in 2024. ' +
      // A police unit's count would flatten Laren's line: it is in the table, not in the chart.
      'Niet getekend, want van een andere orde van grootte: Midden-Nederland (RE). De tabel bij de grafiek geeft alle waarden.',
    );
    // Axis labels in Dutch: thousands with a point; years without.
    expect(svg).toContain('>1.200<');
    expect(svg).toContain('>2022<');
    expect(svg).not.toMatch(/>2\.022</);
    expect(svg).toContain('>Koers naar het doel<');
  });

  it('draws reference areas of the same order, such as figures per inhabitant', async () => {
    const i = await make.indicator(ctx.api, { planId: ids.plan, name: 'Misdrijven per 1.000 inwoners', unit: 'per 1.000 inwoners', targetKind: null, targetValue: null, baselineValue: null, baselineYear: null, targetYear: null });
    const add = (value: number, over: Record<string, unknown> = {}) =>
      make.measurement(ctx.api, { indicatorId: i.id, periodLabel: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value, ...over });
    await add(42);
    await add(44.9, { areaCode: 'NL01' });
    const svg = String((await ctx.api.get(`/indicators/${i.id}/chart.svg`)).body);
    expect(svg).toContain('Nederland: 1 meting, 2023 44,9 per 1.000 inwoners.');
    expect(svg).toContain('>Nederland<');
  });

  it('escapes what users wrote', async () => {
    const i = await make.indicator(ctx.api, { planId: ids.plan, name: 'Overlast <script>alert(1)</script> & "meer"', unit: '<b>%</b>' });
    await make.measurement(ctx.api, { indicatorId: i.id, periodLabel: '<2023>', value: 5, area: '<i>Buren</i>' });
    const svg = String((await ctx.api.get(`/indicators/${i.id}/chart.svg`)).body);
    expect(svg).not.toMatch(/<script|<b>|<i>|<2023>/);
    expect(svg).toContain('<title id="chart-title">Overlast &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;meer&#34;</title>');
  });

  it('is not drawn for whoever may not read the indicator', async () => {
    const i = await make.indicator(ctx.api, { planId: ids.plan });
    expect((await ctx.api.as(null).get(`/indicators/${i.id}/chart.svg`)).status).toBe(404);
    expect((await ctx.api.get('/indicators/00000000-0000-4000-8000-000000000000/chart.svg')).status).toBe(404);
  });
});
