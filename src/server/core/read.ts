import { AppError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { authorize, readCondition, type RequestContext } from './access.ts';
import type { Record_, ResourceShape, Row } from './resource.ts';

/*
 * The generic repository's reads: one record, a filtered list under the read rules, and lists with extra SQL for the
 * rooms' own queries. Entities differ only in their ResourceShape.
 */

export const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Maps a database row to API fields. */
export function fromRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}

/** The columns of a record with its link fields as json arrays, so one query reads everything. */
function selectFrom(def: ResourceShape, extra?: string): string {
  const links = (def.links ?? []).map(
    (l) => `(select coalesce(json_agg(x.${l.to} order by x.position), '[]') from ${l.table} x where x.${l.from} = r.id) as ${snake(l.field)}`,
  );
  return `select r.*${[...links, ...(extra ? [extra] : [])].map((c) => `, ${c}`).join('')} from ${def.table} r`;
}

/** Reads one record with its links; 404 when it does not exist or, with a context, when its actor may not read it. */
export async function getRecord(tx: Db, def: ResourceShape, id: string, ctx?: RequestContext): Promise<Record_> {
  const [row] = await tx.query(`${selectFrom(def)} where r.id = $1`, [id]);
  if (!row) throw new AppError('not_found', `${def.label} niet gevonden`);
  const rec = fromRow(row) as Record_;
  if (ctx) await authorize(tx, ctx, def, rec, 'read');
  return rec;
}

/** Lists records, filtered on the definition's filter fields (exact match) and, with a context, on what its actor may read. */
export async function listRecords(tx: Db, def: ResourceShape, filter: Row = {}, ctx?: RequestContext): Promise<Record_[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const readable = ctx ? await readCondition(tx, ctx, def, 'r', params) : null;
  if (readable) where.push(readable);
  for (const field of def.filters) {
    const value = filter[field];
    if (value === undefined || value === '') continue;
    params.push(value);
    where.push(`r.${snake(field)} = $${params.length}`);
  }
  const rows = await tx.query(`${selectFrom(def)} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${def.order}`, params);
  return rows.map(fromRow) as Record_[];
}

/** Records with extra SQL: a join (alias of the record: r), conditions and order; extra select columns too. */
export async function queryRecords(
  tx: Db,
  def: ResourceShape,
  q: { select?: string; join?: string; where: string[]; params: unknown[]; order?: string },
): Promise<Record_[]> {
  const rows = await tx.query(
    `${selectFrom(def, q.select)} ${q.join ?? ''} ${q.where.length ? `where ${q.where.join(' and ')}` : ''} order by ${q.order ?? def.order}`,
    q.params,
  );
  return rows.map(fromRow) as Record_[];
}

/** Records whose `column` is one of `ids` (the contents of a document, for exports), in the definition's order. */
export async function listRecordsWhere(tx: Db, def: ResourceShape, column: string, ids: string[]): Promise<Record_[]> {
  if (!ids.length) return [];
  const rows = await tx.query(`${selectFrom(def)} where r.${column} = any($1::uuid[]) order by ${def.order}`, [ids]);
  return rows.map(fromRow) as Record_[];
}
