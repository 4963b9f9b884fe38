import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './client.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../db/migrations');
/** Any fixed number: app servers starting together take turns at migrating. */
const MIGRATION_LOCK = 720_431;

/**
 * Applies the SQL files in db/migrations that have not run yet, in name order, in one transaction, so a failed migration
 * leaves nothing half-applied. With `runtimeRole` (PostgreSQL, DATABASE_MIGRATION_URL): `db` is the schema's owner, and
 * Regie runs as that other role, which gets what it needs and no more (`grantRuntimeRole`).
 */
export async function migrate(db: Db, options: { runtimeRole?: string } = {}): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      await tx.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      await tx.query('insert into schema_migrations (name) values ($1)', [file]);
      applied.push(file);
    }
    if (options.runtimeRole) await grantRuntimeRole(tx, options.runtimeRole);
    return applied;
  });
}

/**
 * The runtime role's rights on the owner's tables, granted again after every migration (new tables included). Reading
 * and writing rows, but not owning a table: only an owner can switch a table's triggers off (`alter table … disable
 * trigger`), and those triggers keep the audit trail append-only and adopted versions frozen. On top of the triggers:
 * no UPDATE or DELETE on the audit trail, no DELETE on document versions, and the migration record is read-only.
 * TRUNCATE, REFERENCES and TRIGGER are never granted.
 */
async function grantRuntimeRole(tx: Db, role: string): Promise<void> {
  const [{ me, schema, owner }] = await tx.query<{ me: string; schema: string; owner: string | null }>(
    `select current_user as me, current_schema() as schema,
            (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'audit_events') as owner`,
  );
  if (role === me) return;
  if (owner === role) {
    throw new Error(`De rol ${role} van DATABASE_URL is eigenaar van de tabellen; draag ze over aan de rol van DATABASE_MIGRATION_URL ` +
      `(als superuser: REASSIGN OWNED BY ${role} TO ${me}), zie README, "Running on PostgreSQL"`);
  }
  const r = `"${role.replaceAll('"', '""')}"`;
  const s = `"${schema.replaceAll('"', '""')}"`;
  await tx.exec(`
    grant usage on schema ${s} to ${r};
    grant select, insert, update, delete on all tables in schema ${s} to ${r};
    grant usage, select on all sequences in schema ${s} to ${r};
    revoke truncate, references, trigger on all tables in schema ${s} from ${r};
    revoke update, delete on audit_events from ${r};
    revoke delete on document_versions from ${r};
    revoke insert, update, delete on schema_migrations from ${r};
  `);
}
