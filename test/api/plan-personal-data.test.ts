import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/accounts/accounts.ts';
import { SYSTEM } from '../../src/server/core/audit.ts';
import { Api, make, signIn, TEST_PASSWORD, useApi } from '../api.ts';
import { versionOf } from '../published-versions.ts';

/*
 * Personal data in a published plan follow the `people` rule (staff only), wherever the plan is read: the export
 * (`GET /plans/{id}/export`, and everything built on it) and the comparison of versions. The council and the public
 * read the plan as its document prints it: the portefeuillehouders and officials by name and function, no e-mail
 * address, no internal assignment of an activity.
 */

const ctx = useApi();
const w = {} as {
  org: { id: string }; plan: { id: string }; holder: { id: string; version: number }; official: { id: string };
  intern: { id: string }; other: { id: string }; activity: { id: string; version: number };
  v1: string; v2: string;
  anonymous: Api; raadslid: Api; adviseur: Api;
};

async function as(role: 'raadslid' | 'adviseur') {
  const email = `${role}-${randomUUID().slice(0, 6)}@privacy.test`;
  await createUser(ctx.db, { email, name: role, password: TEST_PASSWORD, memberships: [{ organisationId: w.org.id, role }] }, SYSTEM);
  return ctx.api.as(await signIn(ctx.api.app, email, TEST_PASSWORD));
}

beforeAll(async () => {
  w.org = await make.municipality(ctx.api);
  const person = (over: Record<string, unknown>) => make.person(ctx.api, { organisationId: w.org.id, ...over });
  w.holder = await person({ name: 'Wethouder Jansen', role: 'alderman', functionTitle: 'wethouder', email: 'jansen@privacy.test' });
  w.official = await person({ name: 'Adviseur De Vries', role: 'adviser', functionTitle: 'adviseur OOV', email: 'devries@privacy.test' });
  w.intern = await person({ name: 'Interne Toegewezene', email: 'intern@privacy.test' });
  w.other = await person({ name: 'Andere Toegewezene', email: 'ander@privacy.test' });
  w.plan = await make.plan(ctx.api, { ownerId: w.org.id });
  const theme = await make.theme(ctx.api, { planId: w.plan.id, portfolioHolderIds: [w.holder.id], officialIds: [w.official.id] });
  w.activity = await make.activity(ctx.api, { themeId: theme.id, title: 'Buurtpreventie', responsibleIds: [w.intern.id] });
  w.v1 = (await versionOf(ctx.db, w.plan.id)).id;
  // Version 2 assigns the activity to someone else: an internal change, visible to the staff only.
  const changed = await ctx.api.patch(`/activities/${w.activity.id}`, { responsibleIds: [w.other.id], version: w.activity.version });
  expect(changed.status).toBe(200);
  w.v2 = (await versionOf(ctx.db, w.plan.id, { title: 'Programma, tweede versie' })).id;
  w.anonymous = ctx.api.as(null);
  w.raadslid = await as('raadslid');
  w.adviseur = await as('adviseur');
});

describe('the export of a published plan', () => {
  it('gives anonymous and the council the people the document prints, without e-mail address or internal assignments', async () => {
    for (const [who, api] of [['anoniem', w.anonymous], ['raadslid', w.raadslid]] as const) {
      const res = await api.get(`/plans/${w.plan.id}/export`);
      expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.people.map((p: { name: string }) => p.name).sort(), who).toEqual(['Adviseur De Vries', 'Wethouder Jansen']);
      expect(res.body.people.find((p: { name: string }) => p.name === 'Wethouder Jansen'), who).toMatchObject({ functionTitle: 'wethouder', role: 'alderman' });
      expect(res.body.themes[0].activities[0].responsibleIds, who).toEqual([]);
      for (const secret of ['@privacy.test', 'Toegewezene', w.intern.id, w.other.id]) expect(JSON.stringify(res.body), `${who}: ${secret}`).not.toContain(secret);
      // The downloaded file is the same export.
      expect((await api.get(`/plans/${w.plan.id}/export?download=1`)).body, who).toEqual(res.body);
    }
  });

  it('gives the staff every person of the plan with their e-mail address, and the assignments', async () => {
    const res = await w.adviseur.get(`/plans/${w.plan.id}/export`);
    expect(res.status).toBe(200);
    expect(res.body.people.map((p: { email: string }) => p.email).sort()).toEqual(['ander@privacy.test', 'devries@privacy.test', 'jansen@privacy.test']);
    expect(res.body.themes[0].activities[0].responsibleIds).toEqual([w.other.id]);
  });

  it('keeps the printed names in the document, for everyone', async () => {
    const html = (await w.anonymous.get(`/plans/${w.plan.id}/document.html`)).body as string;
    expect(html).toContain('Wethouder Jansen (wethouder)');
    expect(html).toContain('Adviseur De Vries (adviseur OOV)');
    expect(html).not.toContain('@privacy.test');
  });
});

describe('the comparison of versions', () => {
  it('shows a changed assignment to the staff only; the council compares what the documents print', async () => {
    const staff = await w.adviseur.get(`/plans/${w.plan.id}/compare?from=${w.v1}&to=${w.v2}`);
    expect(staff.status).toBe(200);
    expect(staff.body.themes[0].activities[0].fields).toEqual([{ field: 'responsibleIds', from: ['Interne Toegewezene'], to: ['Andere Toegewezene'] }]);
    const council = await w.raadslid.get(`/plans/${w.plan.id}/compare?from=${w.v1}&to=${w.v2}`);
    expect(council.status).toBe(200);
    expect(council.body.plan).toEqual([{ field: 'title', from: expect.any(String), to: 'Programma, tweede versie' }]);
    expect(council.body.themes).toEqual([]);
    expect(JSON.stringify(council.body)).not.toContain('Toegewezene');
  });
});

describe('an e-mail address is not part of the adopted text', () => {
  it('changing one leaves the plan as adopted: nothing to adopt again, and the next edit compares equal', async () => {
    const res = await ctx.api.patch(`/people/${w.holder.id}`, { email: 'nieuw@privacy.test', version: w.holder.version });
    expect(res.status).toBe(200);
    const versions = (await w.adviseur.get(`/plans/${w.plan.id}/versions`)).body;
    expect(versions.hasChanges).toBe(false);
    expect((await w.adviseur.post(`/plans/${w.plan.id}/versions`, { adoptedBy: 'college', adoptedOn: '2024-02-01' })).status).toBe(422);
    expect((await w.anonymous.get(`/plans/${w.plan.id}`)).body.status).toBe('published');
  });
});
