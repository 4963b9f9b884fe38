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

/** Loads the demo data into an empty database; does nothing when there are plans already. */
export async function loadDemoIfEmpty(db: Db): Promise<ImportCounts | null> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from plans');
  if (n > 0) return null;
  return importPlanDocuments(db, readDemoDocuments());
}
