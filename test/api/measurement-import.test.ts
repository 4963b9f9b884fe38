import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

/*
 * Importing measurements from the real open-data files in data/open-data/ (Politie StatLine exports and a plain
 * table derived from them) into Huizen's indicators: counts, values and region matching, the preview that writes
 * nothing, all-or-nothing commits, re-imports that change nothing, and line-numbered errors for invalid files.
 */

const ctx = useApi();
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../data/open-data', name), 'utf8');
const STATLINE_2022_2023 = fixture('politie_misdrijven_gemeente_2022_2023_statline.csv');
const STATLINE_2024 = fixture('politie_misdrijven_gemeente_2024_statline.csv');
const TABLE = fixture('derived_misdrijven_gemeente_totaal_2022_2024.csv');

const ids: Record<string, string> = {};

beforeAll(async () => {
  const { api } = ctx;
  ids.huizen = (await make.municipality(api, { name: 'Huizen', cbsCode: 'GM0406' })).id;
  // Huizen compares itself with the Netherlands, its police unit and two neighbours of the same district.
  ids.plan = (await make.plan(api, { ownerId: ids.huizen, kind: 'ivp', referenceAreaCodes: ['NL01', 'RE03', 'GM1942', 'GM0417'] })).id;
  ids.crimes = (await make.indicator(api, {
    planId: ids.plan, name: 'Geregistreerde misdrijven', unit: 'aantal', importKey: 'geregistreerde_misdrijven',
    direction: 'lower_is_better', baselineValue: 1143, baselineYear: 2022, targetKind: 'relative', targetChangePercent: -10, targetValue: null, targetYear: 2026,
  })).id;
  ids.rate = (await make.indicator(api, { planId: ids.plan, name: 'Misdrijven per 1.000 inwoners', unit: 'per 1.000 inwoners', direction: 'lower_is_better', targetKind: null, targetValue: null, baselineValue: null, baselineYear: null, targetYear: null })).id;
});

const preview = (content: string, over: Record<string, unknown> = {}, planId = ids.plan) =>
  ctx.api.post(`/plans/${planId}/measurement-imports/preview`, { fileName: 'misdrijven.csv', content, ...over });

async function commit(content: string, over: Record<string, unknown> = {}) {
  const p = await preview(content, over);
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  return ctx.api.post(`/plans/${ids.plan}/measurement-imports`, { fileName: 'misdrijven.csv', content, fingerprint: p.body.fingerprint, ...over });
}

const measurementsOf = async (indicatorId: string) => (await ctx.api.get(`/measurements?indicatorId=${indicatorId}`)).body as {
  periodLabel: string; value: number; area: string | null; areaCode: string | null; isProvisional: boolean; source: string | null; version: number;
}[];
const importEvents = async () =>
  ctx.db.query<{ after: Record<string, unknown> }>(`select after from audit_events where action = 'import' and organisation_id = $1`, [ids.huizen]);

describe('importing a StatLine export (names, semicolons, a title block)', () => {
  it('previews the 2022–2023 file: its series, regions matched by name, and what it would write – writing nothing', async () => {
    const res = await preview(STATLINE_2022_2023);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      format: 'statline', title: 'Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026', source: 'Politie', lineCount: 363, isValid: true, errorCount: 0,
    });
    expect(p.series).toEqual([{
      key: 'geregistreerde_misdrijven', label: 'Geregistreerde misdrijven', description: 'Soort misdrijf: Totaal misdrijven', unit: 'aantal',
      periods: ['2022', '2023'], indicatorId: ids.crimes, matchedBy: 'import_key',
    }]);
    expect(p.areas.own).toEqual({ code: 'GM0406', name: 'Huizen', isInFile: true });
    expect(p.areas.references.map((a: { name: string; isInFile: boolean }) => [a.name, a.isInFile])).toEqual([
      ['Nederland', true], ['Midden-Nederland (RE)', true], ['Gooise Meren', true], ['Laren (NH.)', true],
    ]);
    // The Netherlands, 342 municipalities and 10 police units, less the five Huizen uses; three rows name no region.
    expect(p.areas.otherCount).toBe(1 + 342 + 10 - 5);
    expect(p.areas.unknown).toEqual([
      { text: 'Buitenland', line: 350 }, { text: 'Gemeenten; niet in te delen', line: 351 }, { text: 'Niet in te delen (RE)', line: 362 },
    ]);
    expect(p.counts).toEqual({ new: 10, changed: 0, unchanged: 0, missing: 0 });
    const value = (area: string | null, period: string) =>
      p.changes.find((c: { areaCode: string | null; periodLabel: string }) => c.areaCode === area && c.periodLabel === period);
    expect(value(null, '2022')).toMatchObject({ line: 149, value: 1143, areaName: 'Huizen', change: 'new', isProvisional: false });
    expect(value(null, '2023')).toMatchObject({ value: 1057 });
    expect(value('NL01', '2023')).toMatchObject({ line: 7, value: 805590, areaName: 'Nederland' });
    expect(value('RE03', '2022')).toMatchObject({ line: 354, value: 84800 });
    expect(value('GM0417', '2023')).toMatchObject({ line: 165, value: 480, areaName: 'Laren (NH.)' });
    expect(await measurementsOf(ids.crimes)).toEqual([]);
    expect(await importEvents()).toEqual([]);
  });

  it('writes exactly what the preview showed, audited as one import', async () => {
    const res = await commit(STATLINE_2022_2023);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 10, updated: 0, unchanged: 0 });
    const stored = await measurementsOf(ids.crimes);
    expect(stored).toHaveLength(10);
    expect(stored.filter((m) => !m.area).map((m) => [m.periodLabel, m.value])).toEqual([['2022', 1143], ['2023', 1057]]);
    expect(stored.find((m) => m.areaCode === 'GM1942' && m.periodLabel === '2023')).toMatchObject({ value: 2658, area: 'Gooise Meren' });
    expect(stored[0].source).toBe('Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026 (bron: Politie)');
    const events = await importEvents();
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ fileName: 'misdrijven.csv', format: 'statline', created: 10, updated: 0 });
    expect((events[0].after.measurements as unknown[]).length).toBe(10);
  });

  it('changes nothing when the same file is imported again', async () => {
    const res = await commit(STATLINE_2022_2023);
    expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 10 });
    expect((await measurementsOf(ids.crimes)).every((m) => m.version === 1)).toBe(true);
    expect(await importEvents()).toHaveLength(1);
  });

  it('adds the next year from the 2024 file', async () => {
    const res = await commit(STATLINE_2024);
    expect(res.body).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect((await measurementsOf(ids.crimes)).filter((m) => !m.area).map((m) => m.value)).toEqual([1143, 1057, 1129]);
  });

  it('shows the imported figures in the indicator’s status: 1129 in 2024 is behind the line from 1143 towards 1029', async () => {
    const plan = (await ctx.api.get(`/plans/${ids.plan}/export`)).body;
    const indicator = plan.indicators.find((i: { id: string }) => i.id === ids.crimes);
    expect(indicator.status).toMatchObject({ status: 'at_risk', rule: 'behind_path', measurement: { periodLabel: '2024', value: 1129 } });
    expect(indicator.status.expected).toBeCloseTo(1143 - 114.3 / 2, 5);
  });
});

describe('importing a plain table (region code, period, one column per indicator)', () => {
  it('matches regions on their codes and finds the same figures the StatLine files gave', async () => {
    const p = (await preview(TABLE, { mapping: { misdrijven_per_1000_inwoners_afgeleid: ids.rate } })).body;
    expect(p).toMatchObject({ format: 'table', isValid: true, lineCount: 1066 });
    expect(p.series.map((s: { key: string; indicatorId: string | null; matchedBy: string }) => [s.key, s.indicatorId, s.matchedBy])).toEqual([
      ['geregistreerde_misdrijven', ids.crimes, 'import_key'],
      ['inwoners_einde_jaar_37230ned', null, 'none'],
      ['misdrijven_per_1000_inwoners_afgeleid', ids.rate, 'mapping'],
    ]);
    // 15 crime counts already stored from the StatLine files; 9 rates new (the Netherlands and police units have none).
    expect(p.counts).toEqual({ new: 9, changed: 0, unchanged: 15, missing: 6 });
    // The table's own rows for what StatLine calls "Gemeenten; niet in te delen" and "Niet in te delen (RE)".
    expect(p.areas.unknown).toEqual([{ text: 'GM0999', line: 764 }, { text: 'RE99', line: 1064 }]);
    const res = await commit(TABLE, { mapping: { misdrijven_per_1000_inwoners_afgeleid: ids.rate } });
    expect(res.body).toEqual({ created: 9, updated: 0, unchanged: 15 });
    const rates = await measurementsOf(ids.rate);
    expect(rates.filter((m) => !m.area).map((m) => [m.periodLabel, m.value])).toEqual([['2022', 27.7], ['2023', 25.7], ['2024', 27.4]]);
    expect(rates.filter((m) => m.areaCode === 'GM0417').map((m) => m.value)).toEqual([41.2, 42, 40.7]);
    expect(rates.some((m) => m.areaCode === 'NL01')).toBe(false);
  });

  it('takes the plain long format: region code, indicator, period, value; a provisional figure, then the final one', async () => {
    const provisional = 'regio_code;indicator;periode;waarde\nGM0406  ;geregistreerde_misdrijven;2025*;1.101\nNL01;geregistreerde_misdrijven;2025*;790000\n';
    const p = (await preview(provisional)).body;
    expect(p.changes.map((c: { areaCode: string | null; value: number; isProvisional: boolean; periodLabel: string }) => [c.areaCode, c.periodLabel, c.value, c.isProvisional])).toEqual([
      [null, '2025', 1101, true], ['NL01', '2025', 790000, true],
    ]);
    expect((await commit(provisional)).body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const final = 'regio_code;indicator;periode;waarde\nGM0406;geregistreerde_misdrijven;2025;1101\nNL01;geregistreerde_misdrijven;2025;790123\n';
    const q = (await preview(final)).body;
    expect(q.counts).toEqual({ new: 0, changed: 2, unchanged: 0, missing: 0 });
    expect(q.changes.find((c: { areaCode: string | null }) => c.areaCode === 'NL01')).toMatchObject({ previousValue: 790000, value: 790123, change: 'changed' });
    expect((await commit(final)).body).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const stored = (await measurementsOf(ids.crimes)).find((m) => !m.area && m.periodLabel === '2025');
    expect(stored).toMatchObject({ value: 1101, isProvisional: false, version: 2 });
  });
});

describe('invalid files write nothing and say where', () => {
  const count = async () => (await measurementsOf(ids.crimes)).length + (await measurementsOf(ids.rate)).length;

  it('reports each unreadable figure, period and row with its line number', async () => {
    const lines = STATLINE_2022_2023.split('\n');
    lines[148] = '"Huizen";"1.143,5x";"1057"';
    lines[4] = '"Perioden";"2022";"twintig23"';
    lines[200] = '"Oss";"12"';
    const p = (await preview(lines.join('\n'))).body;
    expect(p.isValid).toBe(false);
    expect(p.errors).toEqual([
      { line: 5, message: 'Onbekende periode "twintig23" in kolom 3 (regel 5)' },
      { line: 149, message: 'Onleesbaar getal "1.143,5x" (regel 149); gebruik een komma als decimaalteken, bijvoorbeeld 27,4' },
      { line: 201, message: 'Regel 201 heeft 2 kolommen, de regel "Regio\'s" 3' },
    ]);
  });

  it('refuses to commit an invalid file, and writes nothing', async () => {
    const before = await count();
    const events = (await importEvents()).length;
    const broken = 'regio_code;indicator;periode;waarde\nGM0406;geregistreerde_misdrijven;2026;900\nGM0406;geregistreerde_misdrijven;2027;negen\n';
    const p = (await preview(broken)).body;
    expect(p.errors).toEqual([{ line: 3, message: 'Onleesbaar getal "negen" (regel 3); gebruik een komma als decimaalteken, bijvoorbeeld 27,4' }]);
    const res = await ctx.api.post(`/plans/${ids.plan}/measurement-imports`, { fileName: 'x.csv', content: broken, fingerprint: p.fingerprint });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'content', message: p.errors[0].message }]);
    expect(await count()).toBe(before);
    expect(await importEvents()).toHaveLength(events);
  });

  it('names duplicate figures, broken quoting, unknown layouts, empty and binary files', async () => {
    const errorsOf = async (content: string) => (await preview(content)).body.errors;
    expect(await errorsOf('regio_code;indicator;periode;waarde\nGM0406;geregistreerde_misdrijven;2026;900\nGM0406;geregistreerde_misdrijven;2026;901\n')).toEqual([
      { line: 3, message: 'Dubbele waarde voor Huizen, 2026 (regel 3; ook op regel 2)' },
    ]);
    expect(await errorsOf('"Titel"\n"Perioden";"2022"\n"Regio\'s";"aantal"\n"Huizen";"12\n"Laren";"3"\n')).toEqual([
      { line: 5, message: 'Na een sluitend aanhalingsteken volgt een onverwacht teken (regel 5)' },
    ]);
    expect(await errorsOf('"Titel"\n"Perioden";"2022"\n"Regio\'s";"aantal"\n"Huizen";"12\n')).toEqual([
      { line: 4, message: 'Een aanhalingsteken wordt niet gesloten (regel 4)' },
    ]);
    expect((await errorsOf('naam,leeftijd\nJan,40\n'))[0].message).toMatch(/^Regie herkent de indeling niet/);
    expect(await errorsOf('')).toEqual([{ line: 1, message: 'Het bestand is leeg' }]);
    expect(await errorsOf('PK\u0003\u0004\u0000\u0000')).toEqual([{ line: 1, message: 'Dit is geen tekstbestand: kies een CSV-bestand' }]);
  });

  it('refuses a commit when the data changed after the preview (409), and writes nothing', async () => {
    const file = 'regio_code;indicator;periode;waarde\nGM0406;geregistreerde_misdrijven;2026;900\n';
    const p = (await preview(file)).body;
    await make.measurement(ctx.api, { indicatorId: ids.crimes, periodLabel: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 950 });
    const res = await ctx.api.post(`/plans/${ids.plan}/measurement-imports`, { fileName: 'x.csv', content: file, fingerprint: p.fingerprint });
    expect(res.status).toBe(409);
    expect((await measurementsOf(ids.crimes)).find((m) => m.periodLabel === '2026')).toMatchObject({ value: 950, version: 1 });
  });

  it('refuses mappings to another plan’s indicators, files over 10 MB, and a commit without a preview', async () => {
    const other = await make.indicator(ctx.api);
    const res = await preview(STATLINE_2024, { mapping: { geregistreerde_misdrijven: other.id } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'mapping', message: 'Deze indicator hoort niet bij dit plan' }]);
    const big = await preview('x'.repeat(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(422);
    expect(big.body.errors[0]).toEqual({ path: 'content', message: 'Het bestand is te groot: maximaal 10 MB' });
    const blind = await ctx.api.post(`/plans/${ids.plan}/measurement-imports`, { fileName: 'x.csv', content: STATLINE_2024 });
    expect(blind.status).toBe(422);
  });

  it('answers 404 for an unknown plan', async () => {
    expect((await preview(STATLINE_2024, {}, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
