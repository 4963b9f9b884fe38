import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseDataKey } from './core/crypto.ts';

/**
 * Whom Regie believes in X-Forwarded-For/-Proto/-Host: nobody (false), the proxies in front by hop count, or the
 * proxies' own addresses and CIDR ranges. Never every sender, or any client could choose the address it is throttled by.
 */
export type TrustProxy = false | number | string[];

/** Regie's configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * PostgreSQL: the role that owns the schema and runs the migrations, when Regie itself runs as a role with fewer
   * rights (DATABASE_URL). The migrations then grant that role what it needs, and nothing that lifts the audit trail's
   * protection (README, "Running on PostgreSQL").
   */
  migrationDatabaseUrl?: string;
  loadDemo: boolean;
  /** Behind a reverse proxy (https termination): whose X-Forwarded-* headers to trust (REGIE_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** The password of the demo accounts; random when not set. */
  demoPassword?: string;
  /** Outgoing e-mail (password reset, round reminders): an SMTP URL and the sender. Nothing is sent without it. */
  smtpUrl?: string;
  mailFrom?: string;
  /** The address users reach Regie at, for links in e-mails and the single sign-on redirect URI; defaults to the local URL. */
  publicUrl?: string;
  /** Development and tests: single sign-on with a plain-http identity provider on localhost. Refused in production. */
  allowHttpLocalhostIssuers: boolean;
  /** REGIE_DATA_KEY: the key of identifying data (core/crypto.ts); required with DATABASE_URL. */
  dataKey?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT moet een poortnummer zijn, niet "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL moet beginnen met postgres://');
  const migrationDatabaseUrl = env.DATABASE_MIGRATION_URL || undefined;
  if (migrationDatabaseUrl && !databaseUrl) throw new Error('DATABASE_MIGRATION_URL werkt alleen samen met DATABASE_URL');
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    throw new Error('DATABASE_MIGRATION_URL moet beginnen met postgres://');
  }
  const allowHttpLocalhostIssuers = env.REGIE_SSO_ALLOW_HTTP_LOCALHOST === '1';
  if (allowHttpLocalhostIssuers && env.NODE_ENV === 'production') {
    throw new Error('REGIE_SSO_ALLOW_HTTP_LOCALHOST is alleen voor ontwikkeling en tests, niet met NODE_ENV=production');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.REGIE_DATA_DIR ?? '.regie'),
    databaseUrl,
    migrationDatabaseUrl,
    loadDemo: env.REGIE_DEMO !== '0',
    trustProxy: readTrustProxy(env.REGIE_TRUST_PROXY),
    demoPassword: env.REGIE_DEMO_PASSWORD || undefined,
    smtpUrl: env.REGIE_SMTP_URL || undefined,
    mailFrom: env.REGIE_MAIL_FROM || undefined,
    publicUrl: env.REGIE_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowHttpLocalhostIssuers,
    dataKey: env.REGIE_DATA_KEY?.trim() ? (parseDataKey(env.REGIE_DATA_KEY), env.REGIE_DATA_KEY.trim()) : undefined,
  };
}

/** proxy-addr's names for address ranges, which Fastify's trustProxy accepts besides addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * REGIE_TRUST_PROXY: unset or 0 – no proxy; a whole number – that many proxies in front, each appending the address
 * it saw to X-Forwarded-For (so 1, as before, is one proxy: the client is the address that proxy saw); otherwise a
 * comma-separated list of the proxies' addresses and CIDR ranges (127.0.0.1,10.0.0.0/8). A range of everyone (/0) and
 * anything else are refused.
 */
function readTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || /^0+$/.test(text)) return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const isValid = (entry: string) => {
    if (PROXY_RANGE_NAMES.includes(entry)) return true;
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (!version || rest.length) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128));
  };
  if (!entries.every(isValid)) {
    throw new Error(`REGIE_TRUST_PROXY moet 0 zijn, het aantal proxies ervoor (bijvoorbeeld 1) of hun adressen en CIDR-reeksen (bijvoorbeeld 127.0.0.1,10.0.0.0/8), niet "${value}"`);
  }
  return entries;
}
