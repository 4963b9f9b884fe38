import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZPlanDocument, type TPlanDocument } from '../domain/plan-document.ts';
import type { Db } from './db/client.ts';
import { importPlanDocuments, type ImportCounts } from './modules/import-documents.ts';
import { createUser } from './modules/accounts/accounts.ts';
import { SYSTEM } from './modules/audit.ts';
import type { TRole } from '../domain/permissions.ts';

export const SEEDS_DIR = join(import.meta.dirname, '../../data/seeds');

/** The demo data: the five source documents as plan documents (organisations.json first). */
export function readDemoDocuments(dir = SEEDS_DIR): TPlanDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => Number(b === 'organisations.json') - Number(a === 'organisations.json') || a.localeCompare(b))
    .map((f) => ZPlanDocument.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

/** Any fixed number: app servers starting together on an empty database load the demo data once. */
const DEMO_LOCK = 720_432;

/** A demo account: one per role in the demo organisations. */
export interface DemoAccount {
  email: string;
  role: string;
  organisation: string;
}

const DEMO_ACCOUNTS: { email: string; name: string; role?: TRole; organisationKeys?: string[]; isPlatformAdmin?: boolean }[] = [
  { email: 'beheerder@huizen.demo', name: 'Demo beheerder Huizen', role: 'beheerder', organisationKeys: ['GM0406'] },
  { email: 'adviseur@huizen.demo', name: 'Demo adviseur OOV Huizen', role: 'adviseur', organisationKeys: ['GM0406'] },
  { email: 'bestuurder@huizen.demo', name: 'Demo portefeuillehouder Huizen', role: 'bestuurder', organisationKeys: ['GM0406'] },
  { email: 'raadslid@huizen.demo', name: 'Demo raadslid Huizen', role: 'raadslid', organisationKeys: ['GM0406'] },
  { email: 'adviseur@laren.demo', name: 'Demo adviseur Laren', role: 'adviseur', organisationKeys: ['GM0417'] },
  { email: 'adviseur@heuvelrug.demo', name: 'Demo adviseur Utrechtse Heuvelrug', role: 'adviseur', organisationKeys: ['GM1581', 'Basisteam Heuvelrug'] },
  { email: 'partner@politie.demo', name: 'Demo contactpersoon politie', role: 'partner', organisationKeys: ['Politie'] },
  { email: 'platform@regie.demo', name: 'Demo platformbeheerder', isPlatformAdmin: true },
];

/**
 * Loads the demo data into a new, empty database, once (not again after the plans are deleted), with a demo account
 * for each role. The accounts share `password`; the caller prints it.
 */
export async function loadDemoIfEmpty(db: Db, password?: string): Promise<{ counts: ImportCounts; accounts: DemoAccount[] } | null> {
  return db.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [DEMO_LOCK]);
    const [state] = await tx.query("select 1 from app_state where key = 'demo_loaded'");
    const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from plans');
    if (state || n > 0) return null;
    const counts = await importPlanDocuments(tx, readDemoDocuments());
    const accounts: DemoAccount[] = [];
    if (password) {
      for (const a of DEMO_ACCOUNTS) {
        // Organisations by CBS code or, for collaborations and partners, by name.
        const orgs = await tx.query<{ id: string; name: string }>(
          'select id, name from organisations where cbs_code = any($1) or (cbs_code is null and name = any($1)) order by name',
          [a.organisationKeys ?? []],
        );
        await createUser(tx, { ...a, password, memberships: orgs.map((o) => ({ organisationId: o.id, role: a.role! })) }, SYSTEM);
        accounts.push({ email: a.email, role: a.role ?? 'platformbeheerder', organisation: orgs.map((o) => o.name).join(', ') || '–' });
      }
    }
    await tx.query("insert into app_state (key, value) values ('demo_loaded', 'true')");
    return { counts, accounts };
  });
}
