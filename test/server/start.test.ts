import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { startRegie } from '../../src/server/start.ts';
import type { Db } from '../../src/server/db/client.ts';
import { SYSTEM_CONTEXT } from '../../src/server/core/access.ts';
import { createRecord } from '../../src/server/core/write.ts';
import { organisations } from '../../src/server/accounts/definitions.ts';
import { createTestDb, TEST_DB } from '../db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'regie-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const config = (over: Partial<ReturnType<typeof readConfig>>) => ({ ...readConfig({}), port: 0, loadDemo: false, ...over });
const json = async (url: string, init?: RequestInit) => (await fetch(url, init)).json();

describe.runIf(TEST_DB === 'pglite')('embedded database in a data folder', () => {
  it('keeps data across restarts and applies migrations once', async () => {
    const dataDir = tempDir();
    const first = await startRegie(config({ dataDir }));
    const org = await createRecord(first.db, organisations, { kind: 'municipality', name: 'Blijvend', cbsCode: 'GM0406' }, SYSTEM_CONTEXT);
    await first.stop();
    const second = await startRegie(config({ dataDir }));
    try {
      expect((await json(`${second.url}/api/v1/organisations/${org.id}`)).name).toBe('Blijvend');
      expect(await migrate(second.db)).toEqual([]);
      const files = readdirSync(join(import.meta.dirname, '../../db/migrations')).filter((f) => f.endsWith('.sql'));
      expect(await second.db.query('select name from schema_migrations')).toHaveLength(files.length);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second process on the same folder with a clear message', async () => {
    const dataDir = tempDir();
    const running = await startRegie(config({ dataDir }));
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, REGIE_DATA_DIR: dataDir, PORT: '0', REGIE_DEMO: '0' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/in gebruik door een ander Regie-proces/);
      // The running instance is unharmed.
      expect((await fetch(`${running.url}/api/v1/plans`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('refuses to start with a data key other than the one its data was encrypted with, and says so', async () => {
    const dataDir = tempDir();
    await (await startRegie(config({ dataDir }))).stop();
    writeFileSync(join(dataDir, 'data-key'), Buffer.alloc(32, 9).toString('base64'));
    await expect(startRegie(config({ dataDir }))).rejects.toThrow(/past niet bij deze database/);
    await expect(startRegie(config({ dataDir, dataKey: 'cd'.repeat(32) }))).rejects.toThrow(/past niet bij deze database/);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'regie.lock'), '2147483646');
    const regie = await startRegie(config({ dataDir }));
    expect((await fetch(`${regie.url}/api/v1/health`)).status).toBe(200);
    await regie.stop();
  });
});

describe('start-up on an empty database', () => {
  it('loads the demo data once: not again on the next start, nor after every plan was deleted', async () => {
    const test = TEST_DB === 'postgres' ? await createTestDb() : null;
    const over = test ? { databaseUrl: test.url, dataKey: 'ab'.repeat(32) } : { dataDir: tempDir() };
    try {
      const first = await startRegie(config({ ...over, loadDemo: true, demoPassword: 'demo-wachtwoord-voor-tests' }));
      const countPlans = async (db: Db) => (await db.query<{ n: number }>('select count(*)::int as n from plans'))[0].n;
      expect(await countPlans(first.db)).toBe(5);
      // A demo account for each role; they sign in with the printed password.
      expect(first.demo?.accounts.map((a) => a.role).sort()).toEqual(
        ['adviseur', 'adviseur', 'adviseur', 'adviseur', 'adviseur', 'beheerder', 'bestuurder', 'partner', 'platformbeheerder', 'raadslid'],
      );
      const signIn = await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'adviseur@huizen.demo', password: 'demo-wachtwoord-voor-tests' }),
      });
      expect(signIn.status).toBe(200);
      expect((await signIn.json()).user.memberships).toEqual([expect.objectContaining({ organisationName: 'Huizen', role: 'adviseur' })]);
      // Linked to a person in Huizen's programme, whose open demo round awaits their updates.
      const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
      const updates = await (await fetch(`${first.url}/api/v1/me/updates`, { headers: { cookie } })).json();
      expect(updates.rounds).toEqual([expect.objectContaining({ quarter: '2024-Q4', ownerName: 'Huizen' })]);
      expect(updates.pending).toBeGreaterThan(3);
      await first.stop();
      const second = await startRegie(config({ ...over, loadDemo: true }));
      expect(second.demo).toBeNull();
      expect(await countPlans(second.db)).toBe(5);
      // Adopted versions keep their plan and refuse deletion: the table's owner switches that off to empty the database.
      await second.db.query('alter table document_versions disable trigger document_versions_no_delete');
      await second.db.query('delete from document_versions');
      await second.db.query('delete from plans');
      await second.stop();
      const third = await startRegie(config({ ...over, loadDemo: true }));
      expect(await countPlans(third.db)).toBe(0);
      await third.stop();
    } finally {
      await test?.drop();
    }
  });
});

describe('configuration', () => {
  it('reads PORT, REGIE_DATA_DIR, DATABASE_URL and REGIE_DEMO, and refuses nonsense', () => {
    const c = readConfig({ PORT: '8080', REGIE_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', REGIE_DEMO: '0' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/tmp/x', databaseUrl: 'postgres://u@h/db', loadDemo: false });
    expect(readConfig({})).toMatchObject({ port: 3000, loadDemo: true });
    expect(readConfig({}).dataDir).toMatch(/\.regie$/);
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('trusts a reverse proxy by its address, CIDR or a hop count, never everyone (issue 11)', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ REGIE_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    // "1" was "trust the proxy" and stays that for one proxy in front: one hop, not every sender.
    expect(readConfig({ REGIE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ REGIE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ REGIE_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(readConfig({ REGIE_TRUST_PROXY: '::1,fd00::/8,loopback' }).trustProxy).toEqual(['::1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', 'yes', '*', '0.0.0.0/0', '::/0', '10.0.0.0/33', 'proxy.gemeente.nl', '-1', '1.5', '10.0.0.1,']) {
      expect(() => readConfig({ REGIE_TRUST_PROXY: bad }), bad).toThrow(/REGIE_TRUST_PROXY/);
    }
  });

  it('allows single sign-on over plain http on localhost only outside production', () => {
    expect(readConfig({}).allowHttpLocalhostIssuers).toBe(false);
    expect(readConfig({ REGIE_SSO_ALLOW_HTTP_LOCALHOST: '1' }).allowHttpLocalhostIssuers).toBe(true);
    expect(() => readConfig({ REGIE_SSO_ALLOW_HTTP_LOCALHOST: '1', NODE_ENV: 'production' })).toThrow(/REGIE_SSO_ALLOW_HTTP_LOCALHOST/);
  });
});
