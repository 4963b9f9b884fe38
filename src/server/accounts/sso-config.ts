import type { TSsoConfig, TSsoConfigInput, TSsoSettings } from '../../domain/accounts.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import type { DataCipher } from '../core/crypto.ts';
import { authorizeMembers } from './members.ts';

/** A stored single sign-on configuration, as the login flow needs it (with the secret, sealed by the data key). */
export interface SsoConfigRow {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  display_name: string;
  link_by_email: boolean;
  is_enabled: boolean;
  version: number;
  updated_at: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why an issuer URL cannot be used, or null. OpenID Connect needs https; plain http only for a provider on this
 * machine, and only when the operator allowed it for development and tests (never in production, see config.ts).
 */
export function issuerProblem(issuer: string, allowHttpLocalhost: boolean): string | null {
  const url = URL.canParse(issuer) ? new URL(issuer) : null;
  if (!url || url.search || url.hash || url.username || url.password) return 'Vul een adres in zonder ?, # of inloggegevens, bijvoorbeeld https://login.gemeente.nl';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowHttpLocalhost && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'Gebruik een https-adres: een identity provider zonder versleuteling is niet veilig';
}

const toConfig = (r: SsoConfigRow): TSsoConfig => ({
  issuer: r.issuer, clientId: r.client_id, hasClientSecret: !!r.client_secret, displayName: r.display_name,
  linkByEmail: r.link_by_email, isEnabled: r.is_enabled, version: r.version, updatedAt: r.updated_at,
});

/** The organisation's configuration with its secret (for the login flow), or null. */
export async function findSsoConfig(db: Db, organisationId: string, options: { forUpdate?: boolean } = {}): Promise<SsoConfigRow | null> {
  const [row] = await db.query<SsoConfigRow>(
    `select * from sso_configs where organisation_id = $1${options.forUpdate ? ' for update' : ''}`,
    [organisationId],
  );
  return row ?? null;
}

/** The beheerder's view: the configuration without its secret, and the redirect URI to register at the provider. */
export async function getSsoSettings(db: Db, ctx: RequestContext, organisationId: string, redirectUri: string): Promise<TSsoSettings> {
  await authorizeMembers(db, ctx, organisationId, 'read');
  const row = await findSsoConfig(db, organisationId);
  return { redirectUri, config: row && toConfig(row) };
}

/**
 * Makes or changes the configuration (one per organisation). A change names the version it was based on (409 when
 * someone else changed it). The secret must be given again when the issuer or client id changes; links of users to
 * identities at an issuer that is no longer used are removed.
 */
export async function saveSsoConfig(
  db: Db,
  ctx: RequestContext,
  organisationId: string,
  input: TSsoConfigInput,
  options: { allowHttpLocalhost: boolean; redirectUri: string; cipher: DataCipher },
): Promise<TSsoSettings> {
  await authorizeMembers(db, ctx, organisationId, 'update');
  const issuer = input.issuer.trim();
  const problem = issuerProblem(issuer, options.allowHttpLocalhost);
  if (problem) throw new AppError('validation', 'De configuratie is niet geldig', [{ path: 'issuer', message: problem }]);
  return db.transaction(async (tx) => {
    const before = await findSsoConfig(tx, organisationId, { forUpdate: true });
    if (before ? input.version !== before.version : input.version !== undefined) {
      throw new AppError('conflict', 'Iemand anders heeft de configuratie intussen gewijzigd');
    }
    const isNewClient = !before || before.issuer !== issuer || before.client_id !== input.clientId;
    // Stored sealed by the data key (core/crypto.ts): a dump of the database does not give the secret away.
    const secret = input.clientSecret ? options.cipher.encrypt(input.clientSecret) : (isNewClient ? null : before.client_secret);
    if (!secret) {
      const message = before ? 'Vul het clientgeheim opnieuw in: de issuer of client-id is gewijzigd' : 'Vul het clientgeheim in';
      throw new AppError('validation', 'De configuratie is niet geldig', [{ path: 'clientSecret', message }]);
    }
    const [row] = await tx.query<SsoConfigRow>(
      `insert into sso_configs (organisation_id, owner_id, issuer, client_id, client_secret, display_name, link_by_email, is_enabled)
       values ($1, $1, $2, $3, $4, $5, $6, $7)
       on conflict (organisation_id) do update set issuer = excluded.issuer, client_id = excluded.client_id,
         client_secret = excluded.client_secret, display_name = excluded.display_name, link_by_email = excluded.link_by_email,
         is_enabled = excluded.is_enabled, version = sso_configs.version + 1, updated_at = now()
       returning *`,
      [organisationId, issuer, input.clientId, secret, input.displayName, input.linkByEmail, input.isEnabled],
    );
    if (before && before.issuer !== issuer) {
      await tx.query('delete from sso_identities where organisation_id = $1 and issuer = $2', [organisationId, before.issuer]);
    }
    const after = { ...toConfig(row), ...(input.clientSecret ? { clientSecret: 'gewijzigd' } : {}) };
    await writeAudit(tx, ctx.audit, {
      action: before ? 'update' : 'create', organisationId, entity: 'sso_configs', entityId: organisationId,
      before: before && toConfig(before), after,
    });
    return { redirectUri: options.redirectUri, config: toConfig(row) };
  });
}

/** Removes the configuration and the links made through it: its users log in with a password again. */
export async function deleteSsoConfig(db: Db, ctx: RequestContext, organisationId: string): Promise<void> {
  await authorizeMembers(db, ctx, organisationId, 'delete');
  await db.transaction(async (tx) => {
    const [row] = await tx.query<SsoConfigRow>('delete from sso_configs where organisation_id = $1 returning *', [organisationId]);
    if (!row) throw new AppError('not_found', 'Er is geen configuratie voor single sign-on');
    await writeAudit(tx, ctx.audit, { action: 'delete', organisationId, entity: 'sso_configs', entityId: organisationId, before: toConfig(row) });
  });
}

/** Whether a stored secret is sealed (every secret written since the data key; older ones were stored in clear). */
const isSealed = (secret: string) => secret.startsWith('v1.');

/** The client secret in clear, for the login flow. */
export const clientSecretOf = (row: SsoConfigRow, cipher: DataCipher) => (isSealed(row.client_secret) ? cipher.decrypt(row.client_secret) : row.client_secret);

/** Seals the secrets stored in clear before the data key existed (at start-up; nothing to do the next time). */
export async function sealPlainSsoSecrets(db: Db, cipher: DataCipher): Promise<void> {
  const plain = await db.query<{ organisation_id: string; client_secret: string }>("select organisation_id, client_secret from sso_configs where client_secret not like 'v1.%'");
  for (const row of plain) {
    await db.query('update sso_configs set client_secret = $1 where organisation_id = $2 and client_secret = $3', [cipher.encrypt(row.client_secret), row.organisation_id, row.client_secret]);
  }
}
