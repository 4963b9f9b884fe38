import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { startRegie } from '../../src/server/start.ts';
import { createScratchDatabase, TEST_DB } from '../db.ts';

/*
 * Two database roles on PostgreSQL (security review, finding 12): the owner of the schema runs the migrations
 * (DATABASE_MIGRATION_URL); Regie runs as a role that may use the tables but not own them (DATABASE_URL). Only the owner
 * can switch off the triggers that keep the audit trail append-only and adopted versions frozen, so Regie's own
 * credentials cannot erase history.
 */

describe('configuration of the two roles', () => {
  it('reads DATABASE_MIGRATION_URL next to DATABASE_URL, and refuses it alone or for another database kind', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://regie@h/db', DATABASE_MIGRATION_URL: 'postgres://eigenaar@h/db' }))
      .toMatchObject({ databaseUrl: 'postgres://regie@h/db', migrationDatabaseUrl: 'postgres://eigenaar@h/db' });
    expect(readConfig({ DATABASE_URL: 'postgres://regie@h/db' }).migrationDatabaseUrl).toBeUndefined();
    expect(() => readConfig({ DATABASE_MIGRATION_URL: 'postgres://eigenaar@h/db' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://regie@h/db', DATABASE_MIGRATION_URL: 'mysql://x' })).toThrow(/DATABASE_MIGRATION_URL/);
  });
});

describe.runIf(TEST_DB === 'postgres')('Regie on PostgreSQL with a runtime role that does not own the schema', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const role = `regie_runtime_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let scratch: { url: string; drop(): Promise<void> };
  let runtimeUrl: string;

  const asAdmin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(adminUrl, 'regie_roles');
    await asAdmin(`create role ${role} login password '${password}'`);
    const url = new URL(scratch.url);
    url.username = role;
    url.password = password;
    runtimeUrl = url.toString();
  });
  afterAll(async () => {
    await scratch?.drop();
    await asAdmin(`drop role if exists ${role}`);
  });

  /** Runs `sql` as the runtime role, straight on the database (what anyone with Regie's credentials could do). */
  async function asRuntime(sql: string) {
    const c = new pg.Client({ connectionString: runtimeUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }

  it('migrates as the owner, runs the whole demo as the runtime role, and that role cannot lift the audit trail’s protection', async () => {
    const config = { ...readConfig({}), port: 0, databaseUrl: runtimeUrl, migrationDatabaseUrl: scratch.url, dataKey: 'ab'.repeat(32) };
    const first = await startRegie({ ...config, loadDemo: true, demoPassword: 'demo-wachtwoord-voor-tests' });
    try {
      // The demo data adopts and publishes versions and writes the audit trail: all as the runtime role.
      const login = await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'adviseur@huizen.demo', password: 'demo-wachtwoord-voor-tests' }),
      });
      expect(login.status).toBe(200);
      expect((await first.db.query<{ user: string }>('select current_user as user'))[0].user).toBe(role);
    } finally {
      await first.stop();
    }
    const [{ n }] = await asRuntime('select count(*)::int as n from audit_events');
    expect(n).toBeGreaterThan(0);

    // The owner's tables: the runtime role may not switch off their triggers, nor erase or rewrite the trail.
    for (const sql of [
      'alter table audit_events disable trigger user',
      'alter table audit_events disable trigger audit_events_append_only',
      'alter table document_versions disable trigger user',
      'drop trigger audit_events_append_only on audit_events',
      'alter table audit_events owner to current_user',
    ]) await expect(asRuntime(sql), sql).rejects.toThrow(/must be owner|must be able to SET ROLE/);
    for (const sql of [
      'delete from audit_events',
      'update audit_events set actor_label = \'niemand\'',
      'truncate audit_events',
      'delete from document_versions',
      'truncate document_versions',
      'delete from schema_migrations',
    ]) await expect(asRuntime(sql), sql).rejects.toThrow(/permission denied/);
    expect((await asRuntime('select count(*)::int as n from audit_events'))[0].n).toBeGreaterThanOrEqual(n);

    // A second start (nothing to migrate) grants again and runs as before.
    const second = await startRegie({ ...config, loadDemo: true });
    try {
      expect(second.demo).toBeNull();
      expect((await fetch(`${second.url}/api/v1/plans`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('refuses to start when the runtime role still owns the tables (a database that ran with one role)', async () => {
    const other = await createScratchDatabase(adminUrl, 'regie_roles');
    try {
      const owner = new URL(other.url);
      const runtime = new URL(runtimeUrl);
      runtime.pathname = owner.pathname;
      const c = new pg.Client({ connectionString: other.url });
      await c.connect();
      await c.query(`grant create on schema public to ${role}`).finally(() => c.end());
      // One role: Regie migrated as the role of DATABASE_URL, which so owns the tables.
      const single = await startRegie({ ...readConfig({}), port: 0, loadDemo: false, databaseUrl: runtime.toString(), dataKey: 'ab'.repeat(32) });
      await single.stop();
      await expect(startRegie({ ...readConfig({}), port: 0, loadDemo: false, databaseUrl: runtime.toString(), migrationDatabaseUrl: other.url, dataKey: 'ab'.repeat(32) }))
        .rejects.toThrow(/REASSIGN OWNED BY/);
    } finally {
      await other.drop();
    }
  });
});
