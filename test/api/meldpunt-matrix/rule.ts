import type { Api } from '../../api.ts';
import type { Db } from '../../../src/server/db/client.ts';
import type { MeldpuntFixture } from '../../meldpunt.ts';

/** The meldpunt's routes: its API, notifications, and the public form's pages (test/api/meldpunt-matrix.test.ts). */
export const MELDPUNT_ROUTE = /^\/api\/v1\/(meldpunt|notifications)(\/|$)|^\/openbaar\/:org\/melden(\/|$)/;

/** Per route ("METHOD /url" as in the route table): asks it as each actor of the fixture and expects the rules' answers. */
export type MeldpuntRules = Record<string, (f: MeldpuntFixture, ctx: { api: Api; db: Db }) => Promise<void>>;
