import { randomUUID } from 'node:crypto';
import { AppError, toFieldErrors, type FieldError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { startYear, type DeriveContext, type LinkDef, type ResourceDef } from './resources.ts';

/*
 * The generic service and repository behind every entity: create, read, list, update (PATCH with optimistic
 * concurrency) and delete. Entities differ only in their ResourceDef. Every write runs in one transaction, so a write
 * that fails leaves the database as it was.
 */

export type Row = Record<string, unknown>;
export type Record_ = Row & { id: string; version: number; ownerId: string | null };

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Maps a database row to API fields. */
export function fromRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}

const linkFields = (def: ResourceDef) => new Set((def.links ?? []).map((l) => l.field));

/** The columns of a record with its link fields as json arrays, so one query reads everything. */
function selectFrom(def: ResourceDef, extra?: string): string {
  const links = (def.links ?? []).map(
    (l) => `(select coalesce(json_agg(x.${l.to} order by x.position), '[]') from ${l.table} x where x.${l.from} = r.id) as ${snake(l.field)}`,
  );
  return `select r.*${[...links, ...(extra ? [extra] : [])].map((c) => `, ${c}`).join('')} from ${def.table} r`;
}

/** Reads one record with its links; 404 when it does not exist. */
export async function getRecord(tx: Db, def: ResourceDef, id: string): Promise<Record_> {
  const [row] = await tx.query(`${selectFrom(def)} where r.id = $1`, [id]);
  if (!row) throw new AppError('not_found', `${def.label} niet gevonden`);
  return fromRow(row) as Record_;
}

/** Lists records, filtered on the definition's filter fields (exact match). */
export async function listRecords(tx: Db, def: ResourceDef, filter: Row = {}): Promise<Record_[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const field of def.filters) {
    const value = filter[field];
    if (value === undefined || value === '') continue;
    params.push(value);
    where.push(`r.${snake(field)} = $${params.length}`);
  }
  const rows = await tx.query(`${selectFrom(def)} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${def.order}`, params);
  return rows.map(fromRow) as Record_[];
}

function validate(def: ResourceDef, input: unknown): Row {
  const parsed = def.create.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  return parsed.data as Row;
}

/** The owner (tenant) of a record: the organisation itself, its plan's owner, its parent's owner. */
async function resolveOwner(tx: Db, def: ResourceDef, id: string, rec: Row): Promise<string | null> {
  if (def.name === 'organisations') {
    if (rec.kind === 'municipality' || rec.kind === 'collaboration') return id;
    if (!rec.parentId) return null;
    const [parent] = await tx.query<{ owner_id: string | null }>('select owner_id from organisations where id = $1', [rec.parentId]);
    return parent?.owner_id ?? (rec.parentId as string);
  }
  if (def.name === 'plans') return rec.ownerId as string;
  if (!def.parent) return null;
  const [parent] = await tx.query<{ id: string; owner_id: string | null }>(
    `select id, owner_id from ${def.parent.table} where id = $1`,
    [rec[def.parent.field]],
  );
  if (!parent) return null;
  // A person's owner is their organisation's owner, or the organisation itself when it is shared (a partner).
  return parent.owner_id ?? parent.id;
}

async function checkReferences(tx: Db, def: ResourceDef, rec: Row): Promise<void> {
  const errors: FieldError[] = [];
  if (def.parent) {
    const [found] = await tx.query(`select 1 from ${def.parent.table} where id = $1`, [rec[def.parent.field]]);
    if (!found) errors.push({ path: def.parent.field, message: 'Bestaat niet' });
  }
  for (const ref of def.references ?? []) {
    const value = rec[ref.field];
    if (value == null) continue;
    const params: unknown[] = [value];
    let sql = `select 1 from ${ref.table} where id = $1`;
    if (ref.same && rec[ref.same.field] != null) {
      params.push(rec[ref.same.field]);
      sql += ` and ${ref.same.column} = $2`;
    }
    if (ref.where) sql += ` and ${ref.where}`;
    const [found] = await tx.query(sql, params);
    if (!found) errors.push({ path: ref.field, message: ref.message ?? 'Bestaat niet' });
  }
  for (const link of def.links ?? []) {
    const ids = (rec[link.field] as string[] | undefined) ?? [];
    if (!ids.length) continue;
    if (new Set(ids).size !== ids.length) {
      errors.push({ path: link.field, message: 'Komt dubbel voor' });
      continue;
    }
    let sql = `select count(*)::int as n from ${link.target} where id = any($1::uuid[])`;
    const params: unknown[] = [ids];
    // An activity serves goals of its own theme only.
    if (link.target === 'goals') {
      sql += ' and theme_id = $2';
      params.push(rec.themeId);
    }
    const [{ n }] = await tx.query<{ n: number }>(sql, params);
    if (n !== ids.length) errors.push({ path: link.field, message: 'Een of meer verwijzingen bestaan niet' });
  }
  if (errors.length) throw new AppError('validation', 'De invoer verwijst naar iets dat niet bestaat', errors);
}

async function deriveContext(tx: Db, rec: Row): Promise<DeriveContext> {
  const planId =
    rec.planId ??
    (rec.themeId ? (await tx.query<{ plan_id: string }>('select plan_id from themes where id = $1', [rec.themeId]))[0]?.plan_id : undefined);
  if (!planId) return {};
  const [plan] = await tx.query<{ period_start: string }>('select period_start from plans where id = $1', [planId]);
  return plan ? { planStartYear: startYear(plan.period_start) } : {};
}

/** The columns and values of a record as stored: link fields out, derived fields in, json stringified. */
async function toColumns(tx: Db, def: ResourceDef, rec: Row): Promise<[string[], unknown[]]> {
  const links = linkFields(def);
  const derived = def.derive ? def.derive(rec, await deriveContext(tx, rec)) : {};
  const json = new Set(def.json ?? []);
  const entries = Object.keys(def.fields.shape)
    .filter((f) => !links.has(f) && f !== 'ownerId')
    .map((f) => [f, rec[f] ?? null] as [string, unknown])
    .concat(Object.entries(derived));
  return [
    entries.map(([f]) => snake(f)),
    entries.map(([f, v]) => (json.has(f) && v !== null ? JSON.stringify(v) : v)),
  ];
}

async function writeLinks(tx: Db, def: ResourceDef, id: string, ownerId: string | null, rec: Row, replace: boolean) {
  for (const link of def.links ?? []) {
    const ids = rec[link.field] as string[] | undefined;
    if (ids === undefined) continue;
    if (replace) await tx.query(`delete from ${link.table} where ${link.from} = $1`, [id]);
    if (!ids.length) continue;
    await tx.query(
      `insert into ${link.table} (${link.from}, ${link.to}, owner_id, position)
       select $1, t.id, $2, t.n - 1 from unnest($3::uuid[]) with ordinality as t(id, n)`,
      [id, ownerId ?? id, ids],
    );
  }
}

/** Creates a record from API input. */
export async function createRecord(db: Db, def: ResourceDef, input: unknown): Promise<Record_> {
  const rec = validate(def, input);
  return db.transaction(async (tx) => {
    await checkReferences(tx, def, rec);
    const id = randomUUID();
    const ownerId = await resolveOwner(tx, def, id, rec);
    const [cols, values] = await toColumns(tx, def, rec);
    await tx.query(
      `insert into ${def.table} (id, owner_id, ${cols.join(', ')}) values ($1, $2, ${cols.map((_, n) => `$${n + 3}`).join(', ')})`,
      [id, ownerId, ...values],
    );
    await writeLinks(tx, def, id, ownerId, rec, false);
    return getRecord(tx, def, id);
  });
}

/** Stale `version`: someone else changed the record since the client read it. */
function staleVersion(def: ResourceDef): AppError {
  return new AppError('conflict', `${def.label} is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens.`, [
    { path: 'version', message: 'Verouderde versie' },
  ]);
}

/** Applies a PATCH: the merged record must be valid as a whole, and `version` must be the stored version. */
export async function updateRecord(db: Db, def: ResourceDef, id: string, patch: Row & { version: number }): Promise<Record_> {
  return db.transaction(async (tx) => {
    const current = await getRecord(tx, def, id);
    if (current.version !== patch.version) throw staleVersion(def);
    const fields = Object.keys(def.fields.shape);
    const merged = Object.fromEntries(fields.map((f) => [f, f in patch ? patch[f] : current[f]]));
    const rec = validate(def, merged);
    await checkReferences(tx, def, rec);
    const ownerId = await resolveOwner(tx, def, id, rec);
    const [cols, values] = await toColumns(tx, def, rec);
    const updated = await tx.query(
      `update ${def.table} set owner_id = $3, ${cols.map((c, n) => `${c} = $${n + 4}`).join(', ')},
         version = version + 1, updated_at = now()
       where id = $1 and version = $2 returning id`,
      [id, patch.version, ownerId, ...values],
    );
    if (!updated.length) throw staleVersion(def);
    await writeLinks(tx, def, id, ownerId, rec, true);
    return getRecord(tx, def, id);
  });
}

/** Deletes a record and what it contains; with `version`, only when nobody changed it in the meantime. */
export async function deleteRecord(db: Db, def: ResourceDef, id: string, version?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await getRecord(tx, def, id);
    if (version !== undefined && current.version !== version) throw staleVersion(def);
    await tx.query(`delete from ${def.table} where id = $1`, [id]);
  });
}

/** Records with extra SQL: a join (alias of the record: r), conditions and order; extra select columns too. */
export async function queryRecords(
  tx: Db,
  def: ResourceDef,
  q: { select?: string; join?: string; where: string[]; params: unknown[]; order?: string },
): Promise<Record_[]> {
  const rows = await tx.query(
    `${selectFrom(def, q.select)} ${q.join ?? ''} ${q.where.length ? `where ${q.where.join(' and ')}` : ''} order by ${q.order ?? def.order}`,
    q.params,
  );
  return rows.map(fromRow) as Record_[];
}

/** Records of several ids at once, keyed by id (for exports). */
export async function listRecordsWhere(tx: Db, def: ResourceDef, column: string, ids: string[]): Promise<Record_[]> {
  if (!ids.length) return [];
  const rows = await tx.query(`${selectFrom(def)} where r.${column} = any($1::uuid[]) order by ${def.order}`, [ids]);
  return rows.map(fromRow) as Record_[];
}

export type { LinkDef };
