import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/domain/permissions.ts';
import { readDemoDocuments } from '../../src/server/demo.ts';
import { createUser, grantRole } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { make, signIn, TEST_PASSWORD, useApi, type Api, type Session } from '../api.ts';
import { convertToPdf, download, hasReaders, readPdf, squeeze, textOfXml, unzipEntry, withScratch } from '../readers.ts';
import { versionOf } from '../published-versions.ts';

/*
 * The collegevoorstel (issue 5, part 3): made from the demo programme's data, edited through the generic decision API
 * (with its version check), exported as Word that LibreOffice opens, under the decision's read rules.
 */

const ctx = useApi();
let huizen: string;
let planId: string;

/** Someone with one role in one organisation, signed in. */
async function signedIn(role: TRole, organisationId: string): Promise<{ api: Api; session: Session }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@proposal.test`;
  await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId, role }] }, SYSTEM);
  const session = await signIn(ctx.api.app, email, TEST_PASSWORD);
  return { api: ctx.api.as(session), session };
}

beforeAll(async () => {
  await importPlanDocuments(ctx.db, readDemoDocuments());
  [{ id: huizen }] = await ctx.db.query<{ id: string }>("select id from organisations where cbs_code = 'GM0406'");
  await grantRole(ctx.db, ctx.api.session!.userId, huizen, 'adviseur', SYSTEM);
  [{ id: planId }] = await ctx.db.query<{ id: string }>("select id from plans where owner_id = $1 and kind = 'uvp'", [huizen]);
});

describe('making a collegevoorstel', () => {
  it('prefills an undecided college decision from the programme, in seed 002’s structure, with one audit row', async () => {
    const res = await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'adopt_plan' });
    expect(res.status).toBe(201);
    const d = res.body;
    expect(d).toMatchObject({ planId, body: 'college', isDecided: false, version: 1, ownerId: huizen });
    expect(d.title).toMatch(/^Vaststellen Uitvoeringsprogramma veiligheid Huizen/);
    expect(d.decisionPoints[0]).toMatch(/^Instemmen met het Uitvoeringsprogramma veiligheid Huizen/);
    expect(d.sections.map((s: { key: string }) => s.key)).toEqual(['aanleiding', 'doel', 'argumenten', 'risicos', 'financien', 'participatie', 'communicatie', 'vervolg-evaluatie']);
    const audit = await ctx.db.query("select action from audit_events where entity = 'decisions' and entity_id = $1", [d.id]);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    // The route is in the OpenAPI document with its request.
    const doc = (await ctx.api.get('/openapi.json')).body;
    expect(doc.paths['/api/v1/plans/{id}/proposals'].post.requestBody.content['application/json'].schema.properties.purpose.enum).toEqual(['adopt_plan', 'report_to_council']);
    // It is one of the plan's decisions now.
    const list = await ctx.api.get(`/decisions?planId=${planId}`);
    expect(list.body.map((x: { id: string }) => x.id)).toContain(d.id);
  });

  it('refuses a report without a closed round of this programme, naming the field', async () => {
    const noRound = await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'report_to_council' });
    expect(noRound.status).toBe(422);
    expect(noRound.body.errors.map((e: { path: string }) => e.path)).toEqual(['roundId']);
    const open = (await ctx.api.post(`/plans/${planId}/rounds`, { quarter: '2024-Q3' })).body;
    const openRound = await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'report_to_council', roundId: open.id });
    expect(openRound.status).toBe(422);
    expect(openRound.body.errors[0]).toMatchObject({ path: 'roundId', message: expect.stringMatching(/afgesloten/) });
    const other = await make.plan(ctx.api);
    const foreign = await ctx.api.post(`/plans/${other.id}/proposals`, { purpose: 'report_to_council', roundId: open.id });
    expect(foreign.status).toBe(422);
    expect((await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'vaststellen' })).status).toBe(422);
  });

  it('reports a closed round’s frozen figures to the council', async () => {
    const plan = await make.plan(ctx.api, { periodStart: '2024-Q1', periodEnd: '2025-Q4' });
    const theme = await make.theme(ctx.api, { planId: plan.id, title: 'Veerkrachtige wijken' });
    await make.activity(ctx.api, { themeId: theme.id, timeframeText: 'Q1 2024' });
    const round = await ctx.api.post(`/plans/${plan.id}/rounds`, { quarter: '2024-Q2' });
    expect(round.status).toBe(201);
    expect((await ctx.api.post(`/rounds/${round.body.id}/close`, { version: round.body.version })).status).toBe(200);
    const res = await ctx.api.post(`/plans/${plan.id}/proposals`, { purpose: 'report_to_council', roundId: round.body.id });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(`Voortgangsrapportage Q2 2024 ${plan.title}`);
    const args = res.body.sections.find((s: { key: string }) => s.key === 'argumenten').body;
    expect(args).toContain('Van de 1 activiteiten waarvan een update werd gevraagd, gaven er 0 een update.');
    expect(args).toContain('- lokaal thema: Veerkrachtige wijken');
  });
});

describe('editing a collegevoorstel', () => {
  it('changes points and sections with the version read; a stale version is a 409 and changes nothing', async () => {
    const d = (await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'adopt_plan' })).body;
    const sections = d.sections.map((s: { key: string; body: string }) => (s.key === 'risicos' ? { ...s, body: 'Incidenten en crises gaan voor.' } : s));
    const points = [...d.decisionPoints, 'Het programma publiceren op de website.'];
    const saved = await ctx.api.patch(`/decisions/${d.id}`, { version: d.version, sections, decisionPoints: points, reference: 'Z/24/1234' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, decisionPoints: points, reference: 'Z/24/1234' });
    const stale = await ctx.api.patch(`/decisions/${d.id}`, { version: d.version, title: 'Anders' });
    expect(stale.status).toBe(409);
    expect((await ctx.api.get(`/decisions/${d.id}`)).body.title).toBe(d.title);
    // Field-level errors: an empty decision point.
    const invalid = await ctx.api.patch(`/decisions/${d.id}`, { version: 2, decisionPoints: ['Instemmen.', ''] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['decisionPoints.1']);
  });
});

describe('the collegevoorstel as Word', () => {
  let decision: { id: string; title: string; decisionPoints: string[]; sections: { title: string }[] };
  beforeAll(async () => {
    decision = (await ctx.api.post(`/plans/${planId}/proposals`, { purpose: 'adopt_plan' })).body;
  });

  it('is a valid .docx with the heading block, the numbered decision points and every section heading', async () => {
    const res = await download(ctx.api, `/decisions/${decision.id}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vaststellen-uitvoeringsprogramma-veiligheid-huizen-[a-z0-9-]+\.docx"$/);
    const xml = unzipEntry(res.bytes, 'word/document.xml')!;
    const text = squeeze(textOfXml(xml));
    for (const point of decision.decisionPoints) expect(text, point).toContain(squeeze(point));
    for (const s of decision.sections) expect(text, s.title).toContain(squeeze(s.title));
    for (const label of ['Collegevoorstel', 'Onderwerp:', 'Portefeuillehouder(s):', 'Datum:', 'Kenmerk:', 'Voorgesteld besluit']) expect(text).toContain(squeeze(label));
    // The points are Word's own numbered list; unfilled placeholders are flagged at the top.
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(text).toContain(squeeze('Let op: nog in te vullen'));
    const audit = await ctx.db.query<{ after: { format: string } }>("select after from audit_events where entity = 'decisions' and entity_id = $1 and action = 'export'", [decision.id]);
    expect(audit.map((a) => a.after.format)).toEqual(['docx']);
  });

  it('is also PDF and accessible HTML, from the same tree', async () => {
    const pdf = await download(ctx.api, `/decisions/${decision.id}/document.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const html = (await download(ctx.api, `/decisions/${decision.id}/document.html`)).bytes.toString('utf8');
    expect(html).toMatch(/<h1>Collegevoorstel<\/h1>/);
    expect(html).toMatch(/<h2>Voorgesteld besluit<\/h2>\s*<ol><li>Instemmen met het /);
  });

  it.skipIf(!hasReaders('the real-reader test of the collegevoorstel'))('opens in LibreOffice, whose PDF holds the decision points and every section heading', async () => {
    await withScratch(async (dir) => {
      writeFileSync(join(dir, 'voorstel.docx'), (await download(ctx.api, `/decisions/${decision.id}/document.docx`)).bytes);
      const { pages, text: raw } = readPdf(dir, convertToPdf(dir, join(dir, 'voorstel.docx')));
      expect(pages).toBeGreaterThan(0);
      const text = squeeze(raw);
      for (const point of decision.decisionPoints) expect(text, point).toContain(squeeze(point));
      for (const s of decision.sections) expect(text, s.title).toContain(squeeze(s.title));
      expect(text).toContain('1.Instemmenmethet');
    });
  }, 180_000);
});

describe('who may make and read a collegevoorstel', () => {
  it('only an adviser makes one; until the college decides it is the staff’s own; others see nothing of a draft', async () => {
    const draft = await make.plan(ctx.api, { ownerId: huizen, title: 'Concept-programma' });
    const adopted = await make.plan(ctx.api, { ownerId: huizen, title: 'Vastgesteld programma' });
    await versionOf(ctx.db, adopted.id, { stage: 'adopted' });
    const [police] = await ctx.db.query<{ id: string }>("select id from organisations where kind = 'partner' and partner_kind = 'police' limit 1");
    const council = await signedIn('raadslid', huizen);
    const board = await signedIn('bestuurder', huizen);
    const partner = await signedIn('partner', police.id);
    const anonymous = ctx.api.as(null);
    const body = { purpose: 'adopt_plan' };
    expect((await council.api.post(`/plans/${draft.id}/proposals`, body)).status).toBe(404);
    expect((await council.api.post(`/plans/${adopted.id}/proposals`, body)).status).toBe(403);
    expect((await board.api.post(`/plans/${draft.id}/proposals`, body)).status).toBe(403);
    expect((await partner.api.post(`/plans/${draft.id}/proposals`, body)).status).toBe(404);
    expect((await anonymous.post(`/plans/${draft.id}/proposals`, body)).status).toBe(404);
    expect(await ctx.db.query('select 1 from decisions where plan_id = any($1::uuid[])', [[draft.id, adopted.id]])).toHaveLength(0);

    const onDraft = (await ctx.api.post(`/plans/${draft.id}/proposals`, body)).body;
    const onAdopted = (await ctx.api.post(`/plans/${adopted.id}/proposals`, body)).body;
    const status = async (session: Session | null, id: string) => (await download(ctx.api, `/decisions/${id}/document.docx`, session)).status;
    expect(await status(board.session, onDraft.id)).toBe(200);
    expect(await status(council.session, onDraft.id)).toBe(404);
    // A proposal in the making is not the council's to read, not even on an adopted plan – until the college decides.
    expect(await status(council.session, onAdopted.id)).toBe(404);
    const decided = await ctx.api.patch(`/decisions/${onAdopted.id}`, { isDecided: true, decidedOn: '2024-01-16', version: onAdopted.version });
    expect(decided.status).toBe(200);
    // The decision taken is the plan's content: the plan is a draft until the college adopts it with it (ADR 0014).
    expect(await status(council.session, onAdopted.id)).toBe(404);
    await versionOf(ctx.db, adopted.id, { stage: 'adopted', adoptedOn: '2024-01-16' });
    expect(await status(council.session, onAdopted.id)).toBe(200);
    expect(await status(partner.session, onDraft.id)).toBe(404);
    expect(await status(null, onDraft.id)).toBe(404);
    expect(await status(null, '00000000-0000-4000-8000-000000000000')).toBe(404);
  });

  it('on a published programme a proposal in the making stays internal, and the programme stays as published', async () => {
    const plan = await make.plan(ctx.api, { ownerId: huizen, title: 'Gepubliceerd programma' });
    await make.publishedVersion(ctx.api, plan.id);
    const made = (await ctx.api.post(`/plans/${plan.id}/proposals`, { purpose: 'adopt_plan' })).body;
    // Not part of the plan's text: no new draft, so the public keeps reading the plan.
    expect((await ctx.api.get(`/plans/${plan.id}`)).body.status).toBe('published');
    const anonymous = ctx.api.as(null);
    expect((await anonymous.get(`/plans/${plan.id}`)).status).toBe(200);
    expect((await anonymous.get(`/decisions/${made.id}`)).status).toBe(404);
    expect((await anonymous.get(`/decisions?planId=${plan.id}`)).body).toEqual([]);
    expect((await anonymous.get(`/plans/${plan.id}/export`)).body.decisions).toEqual([]);
    expect((await ctx.api.get(`/decisions?planId=${plan.id}`)).body.map((d: { id: string }) => d.id)).toEqual([made.id]);
  });
});
