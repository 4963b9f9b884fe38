import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../api.ts';
import { meldpuntFixture, type MeldpuntFixture } from '../meldpunt.ts';
import { MELDPUNT_ROUTE, type MeldpuntRules } from './meldpunt-matrix/rule.ts';
import { publicRules } from './meldpunt-matrix/public.ts';
import { triageRules } from './meldpunt-matrix/triage.ts';
import { forwardRules } from './meldpunt-matrix/forwards.ts';
import { overviewRules } from './meldpunt-matrix/overview.ts';

/*
 * The meldpunt's authorisation matrix (issue 13): every route of the meldpunt – the API under /api/v1/meldpunt and the
 * public form's pages – asked by anonymous, the beheerder and an adviser without a duty, a behandelaar of all
 * categories and one of woonoverlast only, the police and the Zorg- en Veiligheidshuis as partners, and a behandelaar of
 * another municipality. A route without a rule fails the test. The plan half's matrix leaves these routes to this one.
 */

const ctx = useApi();
let f: MeldpuntFixture;
beforeAll(async () => {
  f = await meldpuntFixture(ctx.api, ctx.db);
});

const RULES: MeldpuntRules = { ...publicRules, ...triageRules, ...forwardRules, ...overviewRules };

describe('meldpunt authorisation matrix', () => {
  it('has a rule for every meldpunt route', () => {
    const routes = ctx.api.app.routeTable.filter((r) => MELDPUNT_ROUTE.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !RULES[r])).toEqual([]);
  });

  it.each(Object.keys(RULES))('%s answers each actor by the rules', async (route) => {
    await RULES[route](f, ctx);
  });
});
