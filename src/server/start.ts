import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openPglite, openPostgres, type Db } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { randomBytes } from 'node:crypto';
import { loadDemoIfEmpty, type DemoAccount } from './demo.ts';
import type { DemoMeldcode } from './meldpunt/demo.ts';
import { buildApp, type DeniedRequest } from './app.ts';
import { checkDataKey, DataCipher, loadDataKey } from './core/crypto.ts';
import { sealPlainSsoSecrets } from './accounts/sso-config.ts';
import { createMailer } from './core/mail.ts';
import { scheduleCounts } from './meldpunt/counts.ts';
import { createSetupLinkIfNoUsers } from './accounts/members.ts';
import { scheduleRetention } from './meldpunt/retention.ts';

export interface Running {
  app: FastifyInstance;
  db: Db;
  url: string;
  /** The demo accounts created at this start (first start with demo data only), and their password. */
  demo: { accounts: DemoAccount[]; password: string; meldcode: DemoMeldcode | null } | null;
  /** Without demo data and without users: the one-time address to set up the first municipality and beheerder. */
  setupUrl: string | null;
  stop(): Promise<void>;
}

/** A denied API request as one JSON line on stderr, when the request log (REGIE_LOG) is off. */
const deniedToStderr = (entry: DeniedRequest) => void process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

/** Composes Regie: database (embedded or server) → migrations → demo data → HTTP app → listening. */
export async function startRegie(config: Config, { onDemoLoading, ...options }: { logger?: boolean; onDemoLoading?: () => void } = {}): Promise<Running> {
  // The data key first: without the right one Regie does not start (and never writes identifying data unencrypted).
  const dataKey = loadDataKey({ dataDir: config.dataDir, dataKey: config.dataKey, isPostgres: !!config.databaseUrl });
  let unlock = () => {};
  let db: Db;
  if (config.databaseUrl) db = await openPostgres(config.databaseUrl);
  else {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(config.dataDir, { recursive: true });
    unlock = lockDataDir(config.dataDir);
    try {
      db = await openPglite(config.dataDir);
    } catch (err) {
      unlock();
      throw err;
    }
  }
  try {
    if (config.migrationDatabaseUrl) {
      // Two roles (README, "Running on PostgreSQL"): the schema's owner migrates and grants Regie's own role its rights.
      const [{ role }] = await db.query<{ role: string }>('select current_user as role');
      const owner = await openPostgres(config.migrationDatabaseUrl, 1);
      try {
        await migrate(owner, { runtimeRole: role });
      } finally {
        await owner.close();
      }
    } else await migrate(db);
    // The demo accounts' password: chosen by the operator, or random and printed once.
    const password = config.demoPassword ?? randomBytes(12).toString('base64url');
    const cipher = new DataCipher(dataKey);
    await checkDataKey(db, cipher);
    await sealPlainSsoSecrets(db, cipher);
    const loaded = config.loadDemo ? await loadDemoIfEmpty(db, password, { onLoading: onDemoLoading, cipher }) : null;
    const setup = config.loadDemo ? null : await createSetupLinkIfNoUsers(db);
    const app = await buildApp(db, {
      ...options, trustProxy: config.trustProxy,
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      dataKey,
      allowHttpLocalhostIssuers: config.allowHttpLocalhostIssuers,
      // Denied API requests are logged also without the request log (ASVS 7.2.2).
      deniedLog: options.logger ? undefined : deniedToStderr,
    });
    await app.listen({ port: config.port, host: config.host });
    // The meldpunt's retention: daily, it destroys meldingen past their retention date (meldpunt/retention.ts).
    const stopRetention = scheduleRetention(db, (err) => void process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'retention_failed', error: (err as Error).name })}\n`));
    // The meldpunt's monthly counts into the linked indicators: daily (meldpunt/counts.ts).
    const stopCounts = scheduleCounts(app, db);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app, db, url: `http://localhost:${port}`,
      demo: loaded?.accounts.length ? { accounts: loaded.accounts, password, meldcode: loaded.meldcode } : null,
      setupUrl: setup ? `http://localhost:${port}/inrichten?token=${setup.token}` : null,
      async stop() {
        stopRetention();
        stopCounts();
        await app.close();
        await db.close();
        unlock();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    unlock();
    throw err;
  }
}
