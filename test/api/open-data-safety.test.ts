import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { make, useApi } from '../api.ts';

/*
 * The public open data of a published programme, as a stranger might have written parts of it (security review,
 * findings 8 and 13): a spreadsheet opening the CSV must not run an activity title as a formula, and the JSON names
 * no Regie account.
 */

const ctx = useApi();

const FORMULAS = [
  '=HYPERLINK("http://evil.invalid","x6")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  // (A leading tab or carriage return does not get this far: titles are trimmed. The unit test of toCsv has them.)
];

let base: string;
let holder: { id: string; name: string };

beforeAll(async () => {
  const { api } = ctx;
  const org = await make.municipality(api);
  // A portefeuillehouder whom the document prints (by name), linked to a Regie account (the test's adviser).
  holder = await make.person(api, { organisationId: org.id, role: 'alderman', name: 'Wethouder Gekoppeld', userId: api.session!.userId });
  const plan = await make.plan(api, { ownerId: org.id });
  const theme = await make.theme(api, { planId: plan.id, portfolioHolderIds: [holder.id] });
  for (const title of FORMULAS) await make.activity(api, { themeId: theme.id, title });
  await make.activity(api, { themeId: theme.id, title: 'Gewone titel', explanation: '=1+1 staat in de toelichting' });
  const version = await make.publishedVersion(api, plan.id);
  // The organisation's id leads (301) to its public address.
  const res = await api.app.inject({ method: 'GET', url: `/openbaar/${org.id}/${version.id}` });
  base = res.statusCode === 301 ? String(res.headers.location) : `/openbaar/${org.id}/${version.id}`;
});

const visit = async (url: string) => {
  const res = await ctx.api.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body };
};

describe('the public open-data.csv', () => {
  it('neutralises a title a spreadsheet would run as a formula: a leading apostrophe, the text otherwise as written', async () => {
    const res = await visit(`${base}/open-data.csv`);
    expect(res.status).toBe(200);
    const rows = parse<Record<string, string>>(res.body, { bom: true, delimiter: ';', columns: true });
    const titles = rows.map((r) => r.Activiteit);
    expect(titles).toEqual([...FORMULAS.map((f) => `'${f}`), 'Gewone titel']);
    expect(rows.at(-1)!.Toelichting).toBe("'=1+1 staat in de toelichting");
    // No field of the file starts with a formula character.
    for (const row of rows) for (const value of Object.values(row)) expect(value, value).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the public open-data.json', () => {
  it('names the printed person without the Regie account linked to them', async () => {
    const res = await visit(`${base}/open-data.json`);
    expect(res.status).toBe(200);
    const data = JSON.parse(res.body);
    expect(data.plan.people).toEqual([expect.objectContaining({ id: holder.id, name: 'Wethouder Gekoppeld' })]);
    expect(data.plan.people[0]).not.toHaveProperty('userId');
    expect(res.body).not.toContain(ctx.api.session!.userId);
    expect(res.body).not.toContain('"userId"');
  });

  it('leaves the account out for a reader of the plan who may not read people (the API export does too)', async () => {
    const [version] = await ctx.db.query<{ plan_id: string }>('select plan_id from document_versions limit 1');
    const res = await ctx.api.as(null).get(`/plans/${version.plan_id}/export`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(ctx.api.session!.userId);
  });
});
