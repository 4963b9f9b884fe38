import { createHash } from 'node:crypto';
import { AppError } from '../../../domain/errors.ts';
import {
  compareActivities, compareBudget, type Comparison, type TXlsxCommit, type TXlsxPreview, type TXlsxRequest, type TXlsxResult,
} from '../../../domain/programme-xlsx.ts';
import type { Db } from '../../db/client.ts';
import { authorize, type RequestContext } from '../../core/access.ts';
import { getRecord } from '../../core/read.ts';
import type { Record_ } from '../../core/resource.ts';
import { createRecord, updateRecord } from '../../core/write.ts';
import { keepPlanStatus } from '../plan-status.ts';
import { startYear } from '../definitions.ts';
import * as R from '../resources.ts';
import { loadProgramme, type Programme } from './load.ts';
import { readProgrammeXlsx, type ReadWorkbook } from './read.ts';
import { writeProgrammeXlsx } from './write.ts';

/*
 * The programme's Excel round trip (ADR 0018). Export: the workbook, under the plan's read rules. Import: the preview
 * reads the uploaded workbook, matches its rows on their key and compares them with the stored programme (pure, in
 * domain/programme-xlsx.ts): nothing is written. The commit does the same in one transaction and, when the file has
 * no errors and the preview's fingerprint still holds, makes exactly the previewed changes, each through the generic
 * service – version check, validation, derived tijdpad and frequency, one audit row per record – so an unchanged file
 * writes nothing at all. Rows missing from the file are listed, never deleted.
 */

/** The workbook of a programme, for whoever may read the plan. */
export async function exportProgrammeXlsx(db: Db, planId: string, ctx: RequestContext) {
  const programme = await db.transaction((tx) => loadProgramme(tx, planId, ctx));
  return { plan: programme.plan, bytes: await writeProgrammeXlsx(programme) };
}

const EMPTY: Comparison = { updates: [], creates: [], unchanged: 0, missing: [], issues: [], writes: [] };

/** Importing writes plan content: who may add budget lines to the plan (its advisers) may import. */
async function mayImport(tx: Db, plan: Record_, ctx: RequestContext) {
  await authorize(tx, ctx, R.budgetLines, { planId: plan.id, ownerId: plan.ownerId }, 'create');
}

/**
 * Who may import is checked first; then the workbook is read (in a worker, core/upload.ts: seconds for a large file)
 * outside any transaction, as PGlite has one connection for everyone.
 */
async function readWorkbook(db: Db, planId: string, request: TXlsxRequest, ctx: RequestContext): Promise<ReadWorkbook> {
  await db.transaction(async (tx) => mayImport(tx, await getRecord(tx, R.plans, planId, ctx), ctx));
  return readProgrammeXlsx(Buffer.from(request.content, 'base64'));
}

async function planXlsxImport(tx: Db, planId: string, request: TXlsxRequest, book: ReadWorkbook, ctx: RequestContext) {
  const p = await loadProgramme(tx, planId, ctx);
  await mayImport(tx, p.plan, ctx);
  const activities = book.activities
    ? compareActivities({
        rows: book.activities.rows, activities: p.activities, themes: p.themes, organisations: p.organisations,
        foreignIds: await foreignActivityIds(tx, p, book.activities.rows.map((r) => String(r.cells.id ?? '').trim())),
        planStartYear: startYear(String(p.plan.periodStart)),
      })
    : EMPTY;
  const budget = book.budget ? compareBudget({ rows: book.budget.rows, lines: p.lines, years: book.budget.years, hasPerYear: book.budget.hasPerYear }) : EMPTY;
  const issues = [...book.issues, ...activities.issues, ...budget.issues]
    .sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  const writes = [...activities.writes, ...budget.writes];
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const preview: TXlsxPreview = {
    fileName: request.fileName,
    updates: [...activities.updates, ...budget.updates],
    creates: activities.creates,
    unchanged: activities.unchanged + budget.unchanged,
    missing: book.activities ? activities.missing : [],
    issues: issues.slice(0, 500),
    errorCount,
    isValid: errorCount === 0,
    hasChanges: writes.length > 0,
    fingerprint: fingerprint(p, writes),
  };
  return { preview, writes };
}

/** Keys in the file of activities that exist, but in another plan. */
async function foreignActivityIds(tx: Db, p: Programme, keys: string[]): Promise<Set<string>> {
  const own = new Set(p.activities.map((a) => a.id));
  const others = keys.filter((k) => /^[0-9a-f-]{36}$/i.test(k) && !own.has(k));
  if (!others.length) return new Set();
  return new Set((await tx.query<{ id: string }>('select id from activities where id = any($1::uuid[])', [others])).map((r) => r.id));
}

/** The writes and the state of the programme they were computed on: any change since makes another fingerprint. */
function fingerprint(p: Programme, writes: unknown[]): string {
  const state = [p.themes.map((t) => [t.id, t.label]), p.activities.map((a) => [a.id, a.version]), p.lines.map((l) => [l.id, l.version]), p.organisations.map((o) => [o.id, o.name])];
  return createHash('sha256').update(JSON.stringify([state, writes])).digest('hex');
}

/** What importing the workbook would change, without writing anything. */
export async function previewProgrammeXlsx(db: Db, planId: string, request: TXlsxRequest, ctx: RequestContext): Promise<TXlsxPreview> {
  const book = await readWorkbook(db, planId, request, ctx);
  return db.transaction(async (tx) => (await planXlsxImport(tx, planId, request, book, ctx)).preview);
}

/** Makes the changes the preview showed: all in one transaction, or nothing. */
export async function commitProgrammeXlsx(db: Db, planId: string, request: TXlsxCommit, ctx: RequestContext): Promise<TXlsxResult> {
  const book = await readWorkbook(db, planId, request, ctx);
  return db.transaction(async (tx) => {
    const { preview, writes } = await planXlsxImport(tx, planId, request, book, ctx);
    if (!preview.isValid) {
      throw new AppError('validation', 'Het bestand bevat fouten; er is niets geïmporteerd', preview.issues.filter((i) => i.severity === 'error').map((i) => ({ path: 'content', message: i.message })));
    }
    if (preview.fingerprint !== request.fingerprint) {
      throw new AppError('conflict', 'Het programma is gewijzigd sinds de voorbeeldweergave. Bekijk het voorbeeld opnieuw en importeer dan.', [{ path: 'fingerprint', message: 'Verouderde voorbeeldweergave' }]);
    }
    const result: TXlsxResult = { updated: 0, created: 0 };
    // The programme's status (draft again after an adoption, ADR 0014) is derived once, after every row is written.
    const batch: RequestContext = { ...ctx, deferred: new Set() };
    for (const w of writes) {
      if (w.kind === 'update') {
        await updateRecord(tx, w.entity === 'activities' ? R.activities : R.budgetLines, w.id, { ...w.patch, version: w.version }, batch);
        result.updated++;
      } else {
        await createRecord(tx, R.activities, w.record, batch);
        result.created++;
      }
    }
    for (const id of batch.deferred!) await keepPlanStatus(tx, ctx, id);
    return result;
  });
}
