import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty, readDemoDocuments } from '../../src/server/demo.ts';
import { useApi } from '../api.ts';

/*
 * At its first start, the demo takes Huizen's programme through the adoption workflow (adopted by the college, sent to
 * the commissie ABM, published), so the public site shows a real version without anyone doing anything.
 */

const ctx = useApi();
let planId: string;

beforeAll(async () => {
  expect(await loadDemoIfEmpty(ctx.db, 'demo-wachtwoord-voor-de-test')).not.toBeNull();
  [{ id: planId }] = await ctx.db.query<{ id: string }>(
    "select p.id from plans p join organisations o on o.id = p.owner_id where o.cbs_code = 'GM0406' and p.kind = 'uvp'",
  );
});

describe('the demo publishes Huizen’s programme', () => {
  it('through the workflow: version 1, adopted by the college, ter kennisname to the commissie ABM, published', async () => {
    const { versions } = (await ctx.api.get(`/plans/${planId}/versions`)).body;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      number: 1, document: 'plan', status: 'published', adoptedBy: 'college', adoptedOn: '2023-06-13',
      councilBody: 'commissie ABM', councilOn: '2023-07-04',
    });
    // The live plan mirrors it, so the public reads it; the audit trail has the three steps.
    expect((await ctx.api.as(null).get(`/plans/${planId}`)).body.status).toBe('published');
    const audit = await ctx.db.query<{ action: string }>("select action from audit_events where entity = 'versions' and entity_id = $1 order by id", [versions[0].id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('shows it on the public site with every activity of the seed', async () => {
    const org = await ctx.api.app.inject({ method: 'GET', url: '/openbaar/huizen' });
    expect(org.statusCode).toBe(200);
    const [, path] = /href="(\/openbaar\/huizen\/[0-9a-f-]{36})"/.exec(org.body)!;
    const page = await ctx.api.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, '').replace(/\s+/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    const seed = readDemoDocuments().flatMap((d) => d.plans).find((p) => p.key === 'huizen-uvp-2023-2024')!;
    for (const a of seed.themes.flatMap((t) => t.activities)) expect(text, a.title).toContain(a.title.replace(/\s+/g, ''));
    expect(page.body).toContain('<dt>Ter kennisname aan</dt><dd>commissie ABM, 4 juli 2023</dd>');
  });
});
