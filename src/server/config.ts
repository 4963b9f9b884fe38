import { resolve } from 'node:path';

/** Regie's configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  loadDemo: boolean;
  /** Behind a reverse proxy (https termination): trust its X-Forwarded-* headers. */
  trustProxy: boolean;
  /** The password of the demo accounts; random when not set. */
  demoPassword?: string;
  /** Outgoing e-mail (password reset, round reminders): an SMTP URL and the sender. Nothing is sent without it. */
  smtpUrl?: string;
  mailFrom?: string;
  /** The address users reach Regie at, for links in e-mails and the single sign-on redirect URI; defaults to the local URL. */
  publicUrl?: string;
  /** Development and tests: single sign-on with a plain-http identity provider on localhost. Refused in production. */
  allowHttpLocalhostIssuers: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT moet een poortnummer zijn, niet "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL moet beginnen met postgres://');
  const allowHttpLocalhostIssuers = env.REGIE_SSO_ALLOW_HTTP_LOCALHOST === '1';
  if (allowHttpLocalhostIssuers && env.NODE_ENV === 'production') {
    throw new Error('REGIE_SSO_ALLOW_HTTP_LOCALHOST is alleen voor ontwikkeling en tests, niet met NODE_ENV=production');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.REGIE_DATA_DIR ?? '.regie'),
    databaseUrl,
    loadDemo: env.REGIE_DEMO !== '0',
    trustProxy: env.REGIE_TRUST_PROXY === '1',
    demoPassword: env.REGIE_DEMO_PASSWORD || undefined,
    smtpUrl: env.REGIE_SMTP_URL || undefined,
    mailFrom: env.REGIE_MAIL_FROM || undefined,
    publicUrl: env.REGIE_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowHttpLocalhostIssuers,
  };
}
