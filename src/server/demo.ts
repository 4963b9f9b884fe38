import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZPlanDocument, type TPlanDocument } from '../domain/plan-document.ts';
import type { Db } from './db/client.ts';
import { importPlanDocuments, type ImportCounts } from './plans/import-documents.ts';
import { createUser } from './accounts/accounts.ts';
import { SYSTEM } from './core/audit.ts';
import type { TRole } from '../domain/permissions.ts';
import { SYSTEM_CONTEXT } from './core/access.ts';
import { openRound } from './monitoring/rounds.ts';
import { getRecord } from './core/read.ts';
import { createRecord, updateRecord } from './core/write.ts';
import { people } from './accounts/definitions.ts';
import { adoptVersion, stepVersion } from './documents/versions.ts';
import { DataCipher } from './core/crypto.ts';
import { loadDemoMeldpunt, type DemoMeldcode } from './meldpunt/demo.ts';
import { randomBytes } from 'node:crypto';

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

/**
 * Demo accounts linked to people in the plans, so "mijn updates" shows their work: Huizen's adviser is Maurits van de
 * Bovenkamp (responsible for activities, first official of the digital-safety theme); the police contact gets a person
 * of their own, and sees the activities the police are involved in.
 */
const DEMO_PEOPLE: { email: string; person: string; organisation?: string }[] = [
  { email: 'adviseur@huizen.demo', person: 'Maurits van de Bovenkamp' },
  // The bestuurder is a portefeuillehouder of the programme (two of its themes): the dashboard opens on their themes.
  { email: 'bestuurder@huizen.demo', person: 'Karin van Werven' },
  { email: 'partner@politie.demo', person: 'Demo contactpersoon politie', organisation: 'Politie' },
];

/**
 * The demo's publication, so the public site (/openbaar/huizen) shows a real version: Huizen's UVP 2023-2024, adopted
 * by the college (as the seed says), sent to the committee its collegevoorstel names (commissie ABM) and published.
 * The source documents give no date or reference of the decision; these dates are the demo's own.
 */
const DEMO_PUBLICATION = { plan: 'huizen-uvp-2023-2024', adoptedOn: '2023-06-13', councilOn: '2023-07-04' };

/** The demo's open update round: the last quarter of Huizen's programme. */
const DEMO_ROUND = { cbsCode: 'GM0406', quarter: '2024-Q4', dueOn: '2025-01-15' };

const DEMO_ACCOUNTS: { email: string; name: string; role?: TRole; organisationKeys?: string[]; isPlatformAdmin?: boolean }[] = [
  { email: 'beheerder@huizen.demo', name: 'Demo beheerder Huizen', role: 'beheerder', organisationKeys: ['GM0406'] },
  { email: 'adviseur@huizen.demo', name: 'Demo adviseur OOV Huizen', role: 'adviseur', organisationKeys: ['GM0406'] },
  { email: 'bestuurder@huizen.demo', name: 'Demo portefeuillehouder Huizen', role: 'bestuurder', organisationKeys: ['GM0406'] },
  { email: 'raadslid@huizen.demo', name: 'Demo raadslid Huizen', role: 'raadslid', organisationKeys: ['GM0406'] },
  { email: 'adviseur@laren.demo', name: 'Demo adviseur Laren', role: 'adviseur', organisationKeys: ['GM0417'] },
  { email: 'adviseur@heuvelrug.demo', name: 'Demo adviseur Utrechtse Heuvelrug', role: 'adviseur', organisationKeys: ['GM1581', 'Basisteam Heuvelrug'] },
  { email: 'partner@politie.demo', name: 'Demo contactpersoon politie', role: 'partner', organisationKeys: ['Politie'] },
  // The meldpunt's behandelaars are OOV advisers with the duty behandelaar (meldpunt/demo.ts); other advisers read no melding.
  { email: 'behandelaar@huizen.demo', name: 'Demo behandelaar meldingen Huizen', role: 'adviseur', organisationKeys: ['GM0406'] },
  { email: 'behandelaar@heuvelrug.demo', name: 'Demo behandelaar meldingen Utrechtse Heuvelrug', role: 'adviseur', organisationKeys: ['GM1581'] },
  { email: 'platform@regie.demo', name: 'Demo platformbeheerder', isPlatformAdmin: true },
];

/** When the demo is loaded: `onLoading` is told before (the first start takes a while). */
export interface DemoOptions {
  onLoading?: () => void;
  /** Encrypts the demo reporters' contact details with the data key (start.ts); a random key without one (tests). */
  cipher?: DataCipher;
  /** The clock the demo meldingen count back from (tests); now by default. */
  now?: Date;
}

/**
 * Loads the demo data into a new, empty database, once (not again after the plans are deleted), with a demo account
 * for each role. The accounts share `password`; the caller prints it.
 */
export async function loadDemoIfEmpty(
  db: Db, password?: string, { onLoading, cipher, now }: DemoOptions = {},
): Promise<{ counts: ImportCounts; accounts: DemoAccount[]; meldcode: DemoMeldcode | null } | null> {
  return db.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [DEMO_LOCK]);
    const [state] = await tx.query("select 1 from app_state where key = 'demo_loaded'");
    const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from plans');
    if (state || n > 0) return null;
    onLoading?.();
    const docs = readDemoDocuments();
    const counts = await importPlanDocuments(tx, docs);
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
      await linkDemoPeople(tx);
    }
    const meldcode = await loadDemoMeldpunt(tx, cipher ?? new DataCipher(randomBytes(32)), now);
    await publishDemoProgramme(tx, docs);
    await openDemoRound(tx);
    await tx.query("insert into app_state (key, value) values ('demo_loaded', 'true')");
    return { counts, accounts, meldcode };
  });
}

/** Links the demo accounts to their people (see DEMO_PEOPLE), making the police contact's person first. */
async function linkDemoPeople(tx: Db): Promise<void> {
  for (const link of DEMO_PEOPLE) {
    const [user] = await tx.query<{ id: string }>('select id from users where email = $1', [link.email]);
    let [person] = await tx.query<{ id: string }>('select id from people where name = $1', [link.person]);
    if (!person && link.organisation) {
      const [org] = await tx.query<{ id: string }>('select id from organisations where name = $1 and cbs_code is null', [link.organisation]);
      person = await createRecord(tx, people, { organisationId: org.id, name: link.person, role: 'partner_contact' }, SYSTEM_CONTEXT);
    }
    const current = await getRecord(tx, people, person.id);
    await updateRecord(tx, people, person.id, { userId: user.id, version: current.version }, SYSTEM_CONTEXT);
  }
}

/**
 * Takes the demo programme through the adoption workflow, as an adviser would: adopted, ter kennisname to the
 * council's committee, published. The facts come from the seed where it has them (who adopted it, which committee).
 */
async function publishDemoProgramme(tx: Db, docs: TPlanDocument[]): Promise<string | null> {
  const doc = docs.flatMap((d) => d.plans).find((p) => p.key === DEMO_PUBLICATION.plan);
  const [plan] = doc ? await tx.query<{ id: string }>('select id from plans where title = $1', [doc.title]) : [];
  if (!doc || !plan) return null;
  const committee = doc.decisions.flatMap((d) => d.followUps ?? []).find((f) => f.kind === 'inform_council')?.addressee;
  const adoptedOn = doc.adoptedOn ?? DEMO_PUBLICATION.adoptedOn;
  let version = await adoptVersion(tx, SYSTEM_CONTEXT, { document: 'plan', planId: plan.id }, {
    adoptedBy: doc.adoptedBy ?? 'college', adoptedOn, decisionReference: doc.decisionReference ?? null,
  });
  version = await stepVersion(tx, SYSTEM_CONTEXT, version.id, 'council', {
    version: version.version, councilBody: committee ?? 'gemeenteraad', councilOn: DEMO_PUBLICATION.councilOn,
  });
  await stepVersion(tx, SYSTEM_CONTEXT, version.id, 'publish', { version: version.version });
  return plan.id;
}

/** Opens the demo's update round, so the adviser's and the partner's awaited updates show. */
async function openDemoRound(tx: Db): Promise<void> {
  const [plan] = await tx.query<{ id: string }>(
    `select p.id from plans p join organisations o on o.id = p.owner_id where o.cbs_code = $1 and p.kind = 'uvp'`,
    [DEMO_ROUND.cbsCode],
  );
  if (plan) await openRound(tx, SYSTEM_CONTEXT, plan.id, { quarter: DEMO_ROUND.quarter, dueOn: DEMO_ROUND.dueOn });
}
