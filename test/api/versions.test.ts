import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { formatEuro } from '../../src/domain/budget.ts';
import type { TRole } from '../../src/domain/permissions.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';

/*
 * The adoption workflow (issue 5, ADR 0014): adopt → ter kennisname → publish; a frozen version stays byte-identical
 * while the draft moves on; monitoring does not make a draft, content edits do; who reads what; the comparison.
 */

const ctx = useApi();

async function member(organisationId: string, role: TRole): Promise<Api> {
  const email = `${role}-${randomUUID().slice(0, 8)}@versies.test`;
  await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

/** A small programme: a section, a theme with a goal and two activities, an indicator, a budget line. */
async function programme() {
  const api = ctx.api;
  const org = await make.municipality(api);
  const plan = await make.plan(api, {
    ownerId: org.id, title: 'Uitvoeringsprogramma Veiligheid', sections: [{ key: 'intro', title: 'Inleiding', body: 'Veilig wonen in onze gemeente.' }],
  });
  const theme = await make.theme(api, { planId: plan.id, title: 'Ondermijning', challenge: 'Criminaliteit dringt door in de legale wereld.' });
  const goal = await make.goal(api, { themeId: theme.id, title: 'Weerbare ondernemers' });
  const activity = await make.activity(api, { themeId: theme.id, title: 'Integrale controles bedrijventerrein' });
  const other = await make.activity(api, { themeId: theme.id, title: 'Voorlichting ondernemers' });
  const indicator = await make.indicator(api, { planId: plan.id, themeId: theme.id });
  const line = await make.budgetLine(api, { planId: plan.id, title: 'Communicatie', amounts: [{ year: null, amountCents: 500_000 }] });
  return { org, plan, theme, goal, activity, other, indicator, line };
}

const planStatus = async (planId: string) => (await ctx.api.get(`/plans/${planId}`)).body.status as string;
const files = async (versionId: string, api = ctx.api) => ({
  docx: (await api.bytes(`/versions/${versionId}/document.docx`)).bytes,
  pdf: (await api.bytes(`/versions/${versionId}/document.pdf`)).bytes,
  html: (await api.bytes(`/versions/${versionId}/document.html`)).bytes,
});

describe('adopting a plan', () => {
  it('freezes the plan as version 1, stamps the adoption on it and sets the plan adopted', async () => {
    const p = await programme();
    const res = await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07', decisionReference: 'Z/23/123' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, status: 'adopted', document: 'plan', adoptedBy: 'college', adoptedOn: '2023-03-07', decisionReference: 'Z/23/123', councilOn: null, publishedAt: null });
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await ctx.api.get(`/plans/${p.plan.id}`)).body).toMatchObject({ status: 'adopted', adoptedBy: 'college', adoptedOn: '2023-03-07', decisionReference: 'Z/23/123' });
    const html = (await ctx.api.bytes(`/versions/${res.body.id}/document.html`)).bytes.toString('utf8');
    expect(html).toContain('Integrale controles bedrijventerrein');
    expect(html).toContain('Z/23/123');
    expect(html).toMatch(/Versie<\/dt>\s*<dd>1</);
    const docx = await ctx.api.bytes(`/versions/${res.body.id}/document.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="uitvoeringsprogramma-veiligheid-versie-1.docx"');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await ctx.api.bytes(`/versions/${res.body.id}/document.pdf`)).bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await ctx.db.query("select action from audit_events where entity = 'versions' and entity_id = $1", [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'export', 'export', 'export']);
  });

  it('refuses a date in the future, a missing date, and a second adoption without changes', async () => {
    const p = await programme();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: tomorrow });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'adoptedOn' })]);
    const missing = await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['adoptedOn']);
    expect((await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' })).status).toBe(201);
    const again = await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-08' });
    expect(again.status).toBe(422);
    expect(again.body.title).toBe('Er is niets gewijzigd sinds versie 1: die is al vastgesteld');
    expect((await ctx.db.query('select count(*)::int as n from document_versions where plan_id = $1', [p.plan.id]))[0].n).toBe(1);
  });

  it('takes the version through ter kennisname and publication, forward only, with version checks', async () => {
    const p = await programme();
    const v = (await ctx.api.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' })).body;
    const council = { councilBody: 'commissie Algemene Bestuurlijke Middelen', councilOn: '2023-04-12' };
    expect((await ctx.api.post(`/versions/${v.id}/council`, { ...council, version: v.version + 1 })).status).toBe(409);
    const early = await ctx.api.post(`/versions/${v.id}/council`, { ...council, councilOn: '2023-03-01', version: v.version });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: 'councilOn' })]);
    const sent = await ctx.api.post(`/versions/${v.id}/council`, { ...council, version: v.version });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent_to_council', ...council, version: v.version + 1 });
    expect(await planStatus(p.plan.id)).toBe('sent_to_council');
    const twice = await ctx.api.post(`/versions/${v.id}/council`, { ...council, version: sent.body.version });
    expect(twice.status).toBe(422);
    expect(twice.body.title).toBe('Deze versie is al ter kennisname aan de raad gezonden');
    const published = await ctx.api.post(`/versions/${v.id}/publish`, { version: sent.body.version });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(Date.parse(published.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await planStatus(p.plan.id)).toBe('published');
    const again = await ctx.api.post(`/versions/${v.id}/publish`, { version: published.body.version });
    expect(again.status).toBe(422);
    expect(again.body.title).toBe('Deze versie is al gepubliceerd');
    const audit = await ctx.db.query("select action from audit_events where entity = 'versions' and entity_id = $1 order by id", [v.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('leaves the status to the workflow: a PATCH of the plan cannot set it', async () => {
    const p = await programme();
    const res = await ctx.api.patch(`/plans/${p.plan.id}`, { status: 'published', version: p.plan.version });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['status']);
    expect(await planStatus(p.plan.id)).toBe('draft');
  });

  it('keeps a plan with versions: deleting it is a 409 in words, and nothing is lost', async () => {
    const p = await programme();
    await ctx.api.create(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' });
    const plan = (await ctx.api.get(`/plans/${p.plan.id}`)).body;
    const res = await ctx.api.delete(`/plans/${p.plan.id}?version=${plan.version}`);
    expect(res.status).toBe(409);
    expect(res.body.title).toMatch(/vastgestelde versie en kan daarom niet worden verwijderd/);
    expect((await ctx.api.get(`/plans/${p.plan.id}`)).status).toBe(200);
  });
});

describe('a frozen version and the draft after it', () => {
  let p: Awaited<ReturnType<typeof programme>>;
  let v1: { id: string; version: number; contentHash: string };
  let atAdoption: Awaited<ReturnType<typeof files>>;
  let stored: Record<string, unknown>;
  beforeAll(async () => {
    p = await programme();
    v1 = await ctx.api.create(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07', decisionReference: 'Z/23/1' });
    atAdoption = await files(v1.id);
    [stored] = await ctx.db.query('select content, content_hash, html, docx, pdf from document_versions where id = $1', [v1.id]);
    await ctx.api.post(`/versions/${v1.id}/publish`, { version: v1.version });
  });

  it('monitoring after adoption leaves the plan published: progress, occurrence, status, measurement, spending', async () => {
    const activity = (await ctx.api.get(`/activities/${p.activity.id}`)).body;
    expect((await ctx.api.post(`/activities/${p.activity.id}/progress`, { note: 'Eerste controle gehouden' })).status).toBe(201);
    expect((await ctx.api.post(`/activities/${p.activity.id}/occurrences`, { occurredOn: '2023-05-02' })).status).toBe(201);
    expect((await ctx.api.patch(`/activities/${p.activity.id}`, { status: 'in_progress', version: activity.version })).status).toBe(200);
    await make.measurement(ctx.api, { indicatorId: p.indicator.id });
    await make.spendingEntry(ctx.api, { budgetLineId: p.line.id });
    expect(await planStatus(p.plan.id)).toBe('published');
    expect((await ctx.api.get(`/plans/${p.plan.id}/versions`)).body.hasChanges).toBe(false);
  });

  it('a content edit makes a new draft; undoing it brings back the published status', async () => {
    const theme = (await ctx.api.get(`/themes/${p.theme.id}`)).body;
    await ctx.api.patch(`/themes/${p.theme.id}`, { challenge: 'Tijdelijk anders', version: theme.version });
    expect(await planStatus(p.plan.id)).toBe('draft');
    expect((await ctx.api.get(`/plans/${p.plan.id}/versions`)).body).toMatchObject({ latestPlanVersionId: v1.id, hasChanges: true });
    await ctx.api.patch(`/themes/${p.theme.id}`, { challenge: p.theme.challenge, version: theme.version + 1 });
    expect(await planStatus(p.plan.id)).toBe('published');
  });

  it('an adopted version stays byte-identical when the draft is edited afterwards', async () => {
    const activity = (await ctx.api.get(`/activities/${p.activity.id}`)).body;
    expect((await ctx.api.patch(`/activities/${p.activity.id}`, { title: 'Integrale controles haven en bedrijventerrein', version: activity.version })).status).toBe(200);
    const theme = (await ctx.api.get(`/themes/${p.theme.id}`)).body;
    expect((await ctx.api.patch(`/themes/${p.theme.id}`, { challenge: 'Ondermijning raakt ook de jachthaven.', version: theme.version })).status).toBe(200);
    const line = (await ctx.api.get(`/budget-lines/${p.line.id}`)).body;
    expect((await ctx.api.patch(`/budget-lines/${p.line.id}`, { amounts: [{ year: null, amountCents: 750_000 }], version: line.version })).status).toBe(200);
    expect(await planStatus(p.plan.id)).toBe('draft');

    const now = await files(v1.id);
    expect(now.docx.equals(atAdoption.docx)).toBe(true);
    expect(now.pdf.equals(atAdoption.pdf)).toBe(true);
    expect(now.html.equals(atAdoption.html)).toBe(true);
    const [row] = await ctx.db.query('select content, content_hash, html, docx, pdf from document_versions where id = $1', [v1.id]);
    expect(row.content).toBe(stored.content);
    expect(row.content_hash).toBe(v1.contentHash);
    expect(Buffer.from(row.docx as Uint8Array).equals(atAdoption.docx)).toBe(true);
    expect(Buffer.from(row.pdf as Uint8Array).equals(atAdoption.pdf)).toBe(true);
    expect(row.html).toBe(atAdoption.html.toString('utf8'));
    expect(atAdoption.html.toString('utf8')).toContain('Integrale controles bedrijventerrein');
    expect(atAdoption.html.toString('utf8')).not.toContain('haven en bedrijventerrein');
    // The live document has the edits: it is the draft.
    const live = (await ctx.api.bytes(`/plans/${p.plan.id}/document.html`)).bytes.toString('utf8');
    expect(live).toContain('Integrale controles haven en bedrijventerrein');
  });

  it('refuses to change or remove what was adopted, even by SQL, and lets the status go forward only', async () => {
    await expect(ctx.db.query("update document_versions set html = '<p>anders</p>' where id = $1", [v1.id])).rejects.toThrow(/kan niet meer worden gewijzigd/);
    await expect(ctx.db.query("update document_versions set content = '{}' where id = $1", [v1.id])).rejects.toThrow(/kan niet meer worden gewijzigd/);
    await expect(ctx.db.query("update document_versions set status = 'adopted', published_at = null where id = $1", [v1.id])).rejects.toThrow(/alleen vooruit/);
    await expect(ctx.db.query('delete from document_versions where id = $1', [v1.id])).rejects.toThrow(/blijft bewaard/);
    await expect(ctx.db.query('truncate document_versions')).rejects.toThrow(/blijft bewaard/);
    expect((await ctx.db.query('select content_hash from document_versions where id = $1', [v1.id]))[0].content_hash).toBe(v1.contentHash);
  });

  it('compares the version with the draft: per theme, activity and budget line what was added, changed, removed', async () => {
    await make.activity(ctx.api, { themeId: p.theme.id, title: 'Weerbaarheidstraining' });
    await ctx.api.delete(`/activities/${p.other.id}`);
    const res = await ctx.api.get(`/plans/${p.plan.id}/compare?from=${v1.id}&to=draft`);
    expect(res.status).toBe(200);
    const theme = res.body.themes.find((t: { id: string }) => t.id === p.theme.id);
    expect(theme.change).toBe('changed');
    expect(theme.fields).toEqual([{ field: 'challenge', from: 'Criminaliteit dringt door in de legale wereld.', to: 'Ondermijning raakt ook de jachthaven.' }]);
    expect(theme.activities).toEqual([
      { id: p.activity.id, title: 'Integrale controles haven en bedrijventerrein', change: 'changed', fields: [{ field: 'title', from: 'Integrale controles bedrijventerrein', to: 'Integrale controles haven en bedrijventerrein' }] },
      expect.objectContaining({ title: 'Weerbaarheidstraining', change: 'added' }),
      expect.objectContaining({ id: p.other.id, title: 'Voorlichting ondernemers', change: 'removed' }),
    ]);
    expect(res.body.budgetLines).toEqual([
      { id: p.line.id, title: 'Communicatie', change: 'changed', fields: [{ field: 'amounts', from: [`per jaar: ${formatEuro(500_000)}`], to: [`per jaar: ${formatEuro(750_000)}`] }] },
    ]);
    expect(res.body.counts).toEqual({ added: 1, changed: 3, removed: 1 });

    const v2 = await ctx.api.create(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2024-01-09' });
    expect(v2.number).toBe(2);
    expect(await planStatus(p.plan.id)).toBe('adopted');
    const between = (await ctx.api.get(`/plans/${p.plan.id}/compare?from=${v1.id}&to=${v2.id}`)).body;
    expect(between.counts).toEqual(res.body.counts);
    expect((await ctx.api.get(`/plans/${p.plan.id}/compare?from=${v2.id}&to=draft`)).body.counts).toEqual({ added: 0, changed: 0, removed: 0 });
    // Version 1 stays published while version 2 waits for publication.
    expect((await ctx.api.get(`/versions/${v1.id}`)).body.status).toBe('published');
  });
});

describe('who reads versions', () => {
  it('the council reads every version of its organisation, the public only published ones; neither reads a new draft', async () => {
    const p = await programme();
    const raadslid = await member(p.org.id, 'raadslid');
    const otherCouncil = await member((await make.municipality(ctx.api)).id, 'raadslid');
    const anonymous = ctx.api.as(null);
    const v1 = await ctx.api.create(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' });

    expect((await raadslid.get(`/versions/${v1.id}`)).status).toBe(200);
    expect((await raadslid.bytes(`/versions/${v1.id}/document.pdf`)).status).toBe(200);
    expect((await raadslid.get(`/plans/${p.plan.id}/versions`)).body.versions.map((v: { id: string }) => v.id)).toEqual([v1.id]);
    expect((await raadslid.get(`/plans/${p.plan.id}/export`)).status).toBe(200);
    expect((await raadslid.post(`/versions/${v1.id}/publish`, { version: v1.version })).status).toBe(403);
    expect((await otherCouncil.get(`/versions/${v1.id}`)).status).toBe(404);
    expect((await anonymous.get(`/versions/${v1.id}`)).status).toBe(404);
    expect((await anonymous.bytes(`/versions/${v1.id}/document.html`)).status).toBe(404);
    expect((await anonymous.get(`/plans/${p.plan.id}/versions`)).status).toBe(404);
    expect((await anonymous.get(`/versions/${randomUUID()}`)).status).toBe(404);
    expect((await anonymous.post(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-03-07' })).status).toBe(404);

    await ctx.api.post(`/versions/${v1.id}/publish`, { version: v1.version });
    expect((await anonymous.get(`/versions/${v1.id}`)).status).toBe(200);
    expect((await anonymous.bytes(`/versions/${v1.id}/document.html`)).status).toBe(200);
    expect((await anonymous.get(`/plans/${p.plan.id}/export`)).status).toBe(200);

    // A content edit: the live plan is a draft again, for the staff only; the readers read the version (ADR 0020).
    const activity = (await ctx.api.get(`/activities/${p.activity.id}`)).body;
    await ctx.api.patch(`/activities/${p.activity.id}`, { title: 'Nieuw: controles ook ’s nachts', version: activity.version });
    for (const reader of [anonymous, raadslid]) {
      const served = await reader.get(`/plans/${p.plan.id}/export`);
      expect(served.body.servedVersion).toMatchObject({ id: v1.id, number: 1 });
      expect(JSON.stringify(served.body)).not.toContain('’s nachts');
      expect((await reader.get(`/activities/${p.activity.id}`)).body.title).toBe(activity.title);
    }
    expect((await raadslid.get(`/plans/${p.plan.id}/compare?from=${v1.id}&to=draft`)).status).toBe(404);
    expect((await anonymous.get(`/versions/${v1.id}`)).status).toBe(200);
    const listed = (await anonymous.get(`/plans/${p.plan.id}/versions`)).body;
    expect(listed).toMatchObject({ versions: [{ id: v1.id }], latestPlanVersionId: v1.id, hasChanges: null });
    expect(JSON.stringify(listed)).not.toContain('’s nachts');
    // The organisation's list is where the council finds what was adopted while the plan itself is closed to it.
    const v2 = await ctx.api.create(`/plans/${p.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2023-05-02' });
    await ctx.api.patch(`/activities/${p.activity.id}`, { title: 'Nog een concept', version: (await ctx.api.get(`/activities/${p.activity.id}`)).body.version });
    const ids = async (api: typeof anonymous) => (await api.get(`/organisations/${p.org.id}/versions`)).body.map((v: { id: string }) => v.id);
    expect(await ids(raadslid)).toEqual([v2.id, v1.id]);
    expect(await ids(anonymous)).toEqual([v1.id]);
    expect(await ids(otherCouncil)).toEqual([v1.id]);
  });
});
