import { expect } from 'vitest';
import { MELDPUNT_WHO, type MeldpuntFixture, type MeldpuntWho } from '../../meldpunt.ts';
import type { MeldpuntRules } from './rule.ts';

/** Asks a route as every actor of the fixture and expects each one's status. */
async function each(f: MeldpuntFixture, method: 'GET' | 'POST', url: string, expected: Record<MeldpuntWho, number>) {
  const got: Record<string, number> = {};
  for (const who of MELDPUNT_WHO) got[who] = (await f.as[who].request(method, url)).status;
  expect(got).toEqual(expected);
}

/** The overview: the municipality's staff (adviseur, beheerder) and behandelaars; partners and others 404. */
const READ = {
  anoniem: 401, beheerder: 200, adviseur: 200, behandelaar: 200, 'behandelaar woonoverlast': 200, 'partner politie': 404,
  'partner zvh': 404, 'behandelaar andere gemeente': 404,
} as const;

/** The rules of the meldpunt's overview routes. */
export const overviewRules: MeldpuntRules = {
  'GET /api/v1/meldpunt/overview': (f) => each(f, 'GET', `/meldpunt/overview?municipality=${f.municipality.id}`, READ),
  'GET /api/v1/meldpunt/overview/chart.svg': (f) => each(f, 'GET', `/meldpunt/overview/chart.svg?municipality=${f.municipality.id}`, READ),
  // Counting is for advisers and behandelaars; the beheerder is told no, outsiders do not learn the municipality.
  'POST /api/v1/meldpunt/counts/refresh': (f) => each(f, 'POST', `/meldpunt/counts/refresh?municipality=${f.municipality.id}`, {
    anoniem: 401, beheerder: 403, adviseur: 200, behandelaar: 200, 'behandelaar woonoverlast': 200, 'partner politie': 404,
    'partner zvh': 404, 'behandelaar andere gemeente': 404,
  }),
};
