import { randomUUID } from 'node:crypto';
import { AppError, toFieldErrors, type FieldError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { authorize, authorizeFields, type RequestContext } from './access.ts';
import { writeAudit } from './audit.ts';
import { getRecord, snake } from './read.ts';
import type { Record_, ResourceDef, Row } from './resource.ts';

/*
 * The generic service's writes: create, update (PATCH with optimistic concurrency) and delete. Every write runs in one
 * transaction, so a write that fails leaves the database as it was. What belongs to one entity runs through the slots
 * of its definition (resource.ts): `derive`, `onUpdate`, `onDelete`, and – for content – its keeper.
 */

const linkFields = (def: ResourceDef) => new Set((def.links ?? []).map((l) => l.field));

function validate(def: ResourceDef, input: unknown): Row {
  const parsed = def.create.safeParse(input);
  // Its field messages get their specific text ("Vul de naam van de activiteit in") in the error handler.
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  return parsed.data as Row;
}

/** The owner (tenant) of a record: the organisation itself, its owner field, or its parent's owner. */
async function resolveOwner(tx: Db, def: ResourceDef, id: string, rec: Row): Promise<string | null> {
  if (def.owner === 'field') return rec.ownerId as string;
  if (def.owner === 'organisation' && (rec.kind === 'municipality' || rec.kind === 'collaboration')) return id;
  const parent = def.parent ?? { field: 'parentId', table: def.table };
  if (!rec[parent.field]) return null;
  const [row] = await tx.query<{ id: string; owner_id: string | null }>(`select id, owner_id from ${parent.table} where id = $1`, [rec[parent.field]]);
  // A shared organisation (a partner such as the police) owns itself and what it contains.
  return row ? (row.owner_id ?? row.id) : null;
}

/** Binds `:name` placeholders of a reference's condition to the record's fields, after the given parameters. */
function bind(where: string, rec: Row, id: string, params: unknown[]): string {
  return where.replace(/(?<!:):([a-zA-Z]\w*)/g, (_, name: string) => {
    params.push(name === 'id' ? id : (rec[name] ?? null));
    return `$${params.length}`;
  });
}

async function checkReferences(tx: Db, def: ResourceDef, id: string, rec: Row): Promise<void> {
  const errors: FieldError[] = [];
  const refs = [...(def.parent ? [{ field: def.parent.field, table: def.parent.table }] : []), ...(def.references ?? [])];
  for (const ref of refs) {
    const value = rec[ref.field];
    const values = ref.many ? ((value as unknown[] | undefined) ?? []) : value == null ? [] : [value];
    if (!values.length) continue;
    if (new Set(values).size !== values.length) {
      errors.push({ path: ref.field, message: 'Komt dubbel voor' });
      continue;
    }
    const column = ref.column ?? 'id';
    const params: unknown[] = [values];
    const where = ref.where ? ` and (${bind(ref.where, rec, id, params)})` : '';
    const [{ n }] = await tx.query<{ n: number }>(
      `select count(*)::int as n from ${ref.table} where ${column} = any($1::${column === 'id' ? 'uuid' : 'text'}[])${where}`,
      params,
    );
    if (n !== values.length) {
      errors.push({ path: ref.path ?? ref.field, message: ref.message ?? (ref.many ? 'Een of meer verwijzingen bestaan niet' : 'Bestaat niet') });
    }
  }
  for (const u of def.unique ?? []) {
    if (rec[u.field] == null) continue;
    const fields = [u.field, ...u.scope];
    const where = fields.map((f, n) => `${snake(f)} = $${n + 2}`).join(' and ');
    const taken = await tx.query(`select 1 from ${def.table} where id <> $1 and ${where}`, [id, ...fields.map((f) => rec[f])]);
    if (taken.length) errors.push({ path: u.field, message: u.message });
  }
  if (errors.length) throw new AppError('validation', 'De invoer verwijst naar iets dat niet bestaat of niet past', errors);
}

/** The columns and values of a record as stored: link fields out, derived fields in, json stringified. */
async function toColumns(tx: Db, def: ResourceDef, rec: Row): Promise<[string[], unknown[]]> {
  const links = linkFields(def);
  const derived = def.derive ? await def.derive(tx, rec) : {};
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

/** The key of the document a content record belongs to, when a write of these fields changes its content. */
async function keptKey(tx: Db, def: ResourceDef, rec: Row, fields?: string[]): Promise<string | null> {
  if (!def.isContent) return null;
  const monitoring = def.keptBy.monitoringFields ?? [];
  if (fields && !fields.some((f) => !monitoring.includes(f))) return null;
  return def.keptBy.keyOf(tx, rec);
}

/** Locks the document of a content record before a write of it (see `Keeper.lock`). */
async function lockKept(tx: Db, def: ResourceDef, key: string | null): Promise<void> {
  if (key && def.isContent) await def.keptBy.lock(tx, key);
}

/** Refuses workflow fields that a create through the API sets to anything but their initial values. */
function refuseWorkflowOnCreate(def: ResourceDef, rec: Row, ctx: RequestContext): void {
  if (!def.workflow || ctx.isSystem) return;
  const { fields, initial, message } = def.workflow;
  const set = fields.filter((f) => (rec[f] ?? null) !== (initial[f] ?? null));
  if (set.length) throw new AppError('validation', message, set.map((path) => ({ path, message: 'Wijzigt via de vaststelling' })));
}

/** Tells the keeper of a content record's document about a write, or defers that to the bulk work's caller. */
async function keep(tx: Db, def: ResourceDef, ctx: RequestContext, key: string | null): Promise<void> {
  if (!key || !def.isContent) return;
  if (ctx.deferred) ctx.deferred.add(key);
  else await def.keptBy.afterWrite(tx, ctx, key);
}

/** Creates a record from API input. */
export async function createRecord(db: Db, def: ResourceDef, input: unknown, ctx: RequestContext): Promise<Record_> {
  const rec = validate(def, input);
  refuseWorkflowOnCreate(def, rec, ctx);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const key = await keptKey(tx, def, { ...rec, id });
    await lockKept(tx, def, key);
    await checkReferences(tx, def, id, rec);
    const ownerId = await resolveOwner(tx, def, id, rec);
    await authorize(tx, ctx, def, { ...rec, id, ownerId }, 'create');
    const [cols, values] = await toColumns(tx, def, rec);
    await tx.query(
      `insert into ${def.table} (id, owner_id, ${cols.join(', ')}) values ($1, $2, ${cols.map((_, n) => `$${n + 3}`).join(', ')})`,
      [id, ownerId, ...values],
    );
    await writeLinks(tx, def, id, ownerId, rec, false);
    await keep(tx, def, ctx, key);
    const created = await getRecord(tx, def, id);
    if (ctx.isAudited !== false) {
      await writeAudit(tx, ctx.audit, { action: 'create', organisationId: ownerId, entity: def.name, entityId: id, after: created });
    }
    return created;
  });
}

/** Stale `version`: someone else changed the record since the client read it. */
function staleVersion(def: ResourceDef): AppError {
  return new AppError('conflict', `${def.label} is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens.`, [
    { path: 'version', message: 'Verouderde versie' },
  ]);
}

/** Applies a PATCH: the merged record must be valid as a whole, and `version` must be the stored version. */
export async function updateRecord(
  db: Db,
  def: ResourceDef,
  id: string,
  patch: Row & { version: number },
  ctx: RequestContext,
): Promise<Record_> {
  return db.transaction(async (tx) => {
    const current = await getRecord(tx, def, id);
    await authorize(tx, ctx, def, current, 'update');
    if (current.version !== patch.version) throw staleVersion(def);
    const moved = (def.fixed ?? []).filter((f) => f in patch && (patch[f] ?? null) !== (current[f] ?? null));
    if (moved.length) {
      throw new AppError('validation', `${def.label} kan niet worden verplaatst; maak een nieuwe aan`, moved.map((path) => ({ path, message: 'Kan niet worden gewijzigd' })));
    }
    const workflow = (def.workflow?.fields ?? []).filter((f) => f in patch && (patch[f] ?? null) !== (current[f] ?? null));
    if (workflow.length) {
      throw new AppError('validation', def.workflow!.message, workflow.map((path) => ({ path, message: 'Wijzigt via de vaststelling' })));
    }
    const fields = Object.keys(def.fields.shape);
    const changed = fields.filter((f) => f in patch && JSON.stringify(patch[f] ?? null) !== JSON.stringify(current[f] ?? null));
    await authorizeFields(tx, ctx, def, current, changed);
    // Nothing changed: nothing is written, the version stays and no audit row says otherwise.
    if (!changed.length) return current;
    // The document of the record as it is and as it will be (a move inside it keeps the key) is locked first.
    const keys = [await keptKey(tx, def, current, changed), await keptKey(tx, def, { ...current, ...patch, id }, changed)];
    for (const key of new Set(keys)) await lockKept(tx, def, key);
    const merged = Object.fromEntries(fields.map((f) => [f, f in patch ? patch[f] : current[f]]));
    const rec = validate(def, merged);
    await checkReferences(tx, def, id, rec);
    const ownerId = await resolveOwner(tx, def, id, rec);
    // The new state must be allowed too: a partner cannot take itself off a record it may then no longer see.
    await authorize(tx, ctx, def, { ...rec, id, ownerId }, 'update', true);
    await def.onUpdate?.(tx, ctx, current, rec);
    const [cols, values] = await toColumns(tx, def, rec);
    const updated = await tx.query(
      `update ${def.table} set owner_id = $3, ${cols.map((c, n) => `${c} = $${n + 4}`).join(', ')},
         version = version + 1, updated_at = now()
       where id = $1 and version = $2 returning id`,
      [id, patch.version, ownerId, ...values],
    );
    if (!updated.length) throw staleVersion(def);
    await writeLinks(tx, def, id, ownerId, rec, true);
    for (const key of new Set(keys)) await keep(tx, def, ctx, key);
    const after = await getRecord(tx, def, id);
    await writeAudit(tx, ctx.audit, { action: 'update', organisationId: ownerId, entity: def.name, entityId: id, before: current, after });
    return after;
  });
}

/** Deletes a record and what it contains; with `version`, only when nobody changed it in the meantime. */
export async function deleteRecord(db: Db, def: ResourceDef, id: string, version: number | undefined, ctx: RequestContext): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getRecord(tx, def, id); // 404 when it does not exist
    await authorize(tx, ctx, def, before, 'delete');
    await def.onDelete?.(tx, before);
    // The document is found (and locked) before the record is gone; a document deleted itself has nothing left to keep.
    const key = await keptKey(tx, def, before);
    await lockKept(tx, def, key);
    const deleted = await tx.query(
      `delete from ${def.table} where id = $1 ${version === undefined ? '' : 'and version = $2'} returning id`,
      version === undefined ? [id] : [id, version],
    );
    if (!deleted.length) throw staleVersion(def);
    if (key !== id) await keep(tx, def, ctx, key);
    await writeAudit(tx, ctx.audit, { action: 'delete', organisationId: before.ownerId, entity: def.name, entityId: id, before });
  });
}
