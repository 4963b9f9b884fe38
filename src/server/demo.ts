import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZPlanDocument, type TPlanDocument } from '../domain/plan-document.ts';
import type { Db } from './db/client.ts';
import { importPlanDocuments, type ImportCounts } from './modules/import-documents.ts';

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

/** Loads the demo data into a new, empty database, once: not again after the plans are deleted. */
export async function loadDemoIfEmpty(db: Db): Promise<ImportCounts | null> {
  return db.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [DEMO_LOCK]);
    const [state] = await tx.query("select 1 from app_state where key = 'demo_loaded'");
    const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from plans');
    if (state || n > 0) return null;
    const counts = await importPlanDocuments(tx, readDemoDocuments());
    await tx.query("insert into app_state (key, value) values ('demo_loaded', 'true')");
    return counts;
  });
}
