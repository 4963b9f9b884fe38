import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { TLoginOptions } from '../../domain/accounts.ts';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../core/audit.ts';
import { startSession } from './accounts.ts';
import { clientSecretOf, findSsoConfig, issuerProblem, type SsoConfigRow } from './sso-config.ts';
import type { DataCipher } from '../core/crypto.ts';

/*
 * Logging in with OpenID Connect (authorization code flow with PKCE, state and nonce; openid-client checks the
 * issuer, audience, nonce and – with non-repudiation checks on – the ID token's signature). The identity at the
 * provider (issuer + subject) is mapped to a Regie user through sso_identities; roles stay in Regie.
 */

/** How long a login at the provider may take. */
export const SSO_LOGIN_MINUTES = 10;
/** How long a provider's discovery document is used before it is fetched again. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** Why a single sign-on login did not work; the login page says it in Dutch. */
export type SsoRefusalCode = 'geweigerd' | 'mislukt' | 'verlopen' | 'niet-beschikbaar';

export class SsoRefusal extends Error {
  constructor(readonly code: SsoRefusalCode) {
    super(code);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The organisations that offer single sign-on, for the login page. */
export async function listSsoOptions(db: Db): Promise<TLoginOptions['sso']> {
  const rows = await db.query<{ organisation_id: string; name: string; display_name: string }>(
    `select c.organisation_id, o.name, c.display_name from sso_configs c join organisations o on o.id = c.organisation_id
      where c.is_enabled order by o.name`,
  );
  return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, displayName: r.display_name }));
}

/** The login flow of one app: its discovery cache, and whether http issuers on this machine are allowed (tests). */
export function createSsoLogin(db: Db, options: { allowHttpLocalhost: boolean; cipher: DataCipher }) {
  const discovered = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

  /** The provider's configuration for openid-client, discovered once per configuration version and then cached. */
  function clientFor(row: SsoConfigRow): Promise<oidc.Configuration> {
    const key = `${row.issuer}|${row.client_id}|${row.version}`;
    const hit = discovered.get(row.organisation_id);
    if (hit && hit.key === key && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    // Checked again at use: a configuration stored under other settings does not open plain http.
    if (issuerProblem(row.issuer, options.allowHttpLocalhost)) return Promise.reject(new Error('issuer not allowed'));
    const execute = [oidc.enableNonRepudiationChecks];
    if (row.issuer.startsWith('http:')) execute.push(oidc.allowInsecureRequests);
    const config = oidc.discovery(new URL(row.issuer), row.client_id, undefined, oidc.ClientSecretBasic(clientSecretOf(row, options.cipher)), { execute, timeout: 10 });
    discovered.set(row.organisation_id, { key, at: Date.now(), config });
    config.catch(() => discovered.delete(row.organisation_id));
    return config;
  }

  async function enabledConfig(organisationId: string): Promise<SsoConfigRow> {
    const row = await findSsoConfig(db, organisationId);
    if (!row?.is_enabled) throw new SsoRefusal('niet-beschikbaar');
    return row;
  }

  /** Records a refused or failed login; `reason` is the check that failed, never a token or a claim's value. */
  const refuse = async (code: SsoRefusalCode, organisationId: string | null, reason: string, user?: { id: string; name: string }) => {
    await writeAudit(db, { userId: user?.id ?? null, label: user?.name ?? 'onbekend account' }, {
      action: 'login_failed', organisationId, entity: 'users', entityId: user?.id ?? null, after: { method: 'sso', reason },
    });
    return new SsoRefusal(code);
  };

  return {
    /**
     * Starts a login at the organisation's provider: the address to send the browser to, and the token for the cookie
     * that binds the login to this browser.
     */
    async begin(organisationId: string, input: { redirectUri: string; returnTo: string }) {
      const row = await enabledConfig(organisationId);
      // A provider that cannot be reached, or whose discovery document names another issuer: the beheerder finds the
      // reason in the audit trail.
      const config = await clientFor(row).catch(async (err: unknown) => {
        throw await refuse('mislukt', organisationId, `discovery:${failedCheck(err)}`);
      });
      const [token, state, nonce, verifier] = [randomBytes(32).toString('base64url'), oidc.randomState(), oidc.randomNonce(), oidc.randomPKCECodeVerifier()];
      await db.query('delete from sso_logins where expires_at < now()');
      await db.query(
        `insert into sso_logins (token_hash, organisation_id, state, nonce, code_verifier, return_to, expires_at)
         values ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
        [sha256(token), organisationId, state, nonce, verifier, input.returnTo, SSO_LOGIN_MINUTES],
      );
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: input.redirectUri, scope: 'openid email profile', state, nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      return { url: url.href, token };
    },

    /**
     * Completes a login at the redirect URI: checks the provider's answer against the login this browser started,
     * maps the identity to a user and starts their session. Every refusal is in the audit trail.
     */
    async complete(input: { token: string | undefined; redirectUri: string; query: string }): Promise<{ token: string; returnTo: string }> {
      const [pending] = input.token
        ? await db.query<{ organisation_id: string; state: string; nonce: string; code_verifier: string; return_to: string }>(
            'delete from sso_logins where token_hash = $1 and expires_at > now() returning *',
            [sha256(input.token)],
          )
        : [];
      if (!pending) throw await refuse('verlopen', null, 'no_login_in_progress');
      const orgId = pending.organisation_id;
      const row = await enabledConfig(orgId);
      let claims: oidc.IDToken;
      try {
        const config = await clientFor(row);
        const tokens = await oidc.authorizationCodeGrant(config, new URL(`${input.redirectUri}?${input.query}`), {
          pkceCodeVerifier: pending.code_verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
        });
        claims = tokens.claims()!;
        // Some providers (Entra ID, ADFS) put the e-mail address only in the userinfo answer.
        if (row.link_by_email && claims.email === undefined) {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
          if (info) claims = { ...claims, email: info.email, email_verified: info.email_verified };
        }
      } catch (err) {
        throw await refuse('mislukt', orgId, failedCheck(err));
      }
      const found = await findUser(db, row, claims);
      if ('refused' in found) throw await refuse('geweigerd', orgId, found.refused, found.user);
      const token = await db.transaction(async (tx) => {
        await tx.query(
          `insert into sso_identities (issuer, subject, user_id, organisation_id, last_login_at) values ($1, $2, $3, $4, now())
           on conflict (issuer, subject) do update set last_login_at = now()`,
          [claims.iss, claims.sub, found.user.id, orgId],
        );
        return startSession(tx, found.user, { method: 'sso', organisationId: orgId, issuer: claims.iss, ...(found.linked ? { linked: found.linked } : {}) });
      });
      return { token, returnTo: pending.return_to };
    },
  };
}

/** The check that failed, for the audit trail: openid-client's error code and the claim it compared ("…:aud"). */
function failedCheck(err: unknown): string {
  let claim: unknown;
  for (let e = err as { cause?: unknown } | undefined; e && !claim; e = e.cause as typeof e) claim = (e as { claim?: unknown }).claim;
  const code = (err as { code?: unknown }).code;
  return [typeof code === 'string' ? code : 'error', typeof claim === 'string' ? claim : null].filter(Boolean).join(':');
}

type Found = { user: { id: string; name: string }; linked?: 'email' } | { refused: string; user?: { id: string; name: string } };

/**
 * The Regie user of an identity: through an existing link, or – the first time, when the organisation allows it – the
 * member with the provider's verified e-mail address. Only active members of the configuring organisation: another
 * organisation's provider cannot sign in its users, and someone who left the organisation is refused.
 */
async function findUser(db: Db, row: SsoConfigRow, claims: oidc.IDToken): Promise<Found> {
  const member = async (where: string, value: string) => (await db.query<{ id: string; name: string }>(
    `select u.id, u.name from users u join memberships m on m.user_id = u.id and m.organisation_id = $1 where u.is_active and ${where}`,
    [row.organisation_id, value],
  ))[0];
  const [link] = await db.query<{ user_id: string }>('select user_id from sso_identities where issuer = $1 and subject = $2', [claims.iss, claims.sub]);
  if (link) {
    const user = await member('u.id = $2', link.user_id);
    if (user) return { user };
    const [known] = await db.query<{ id: string; name: string }>('select id, name from users where id = $1', [link.user_id]);
    return { refused: 'not_a_member', user: known };
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  if (!row.link_by_email || !email) return { refused: 'unknown_subject' };
  // Only an address the provider verified: anyone can type an address into an unverified profile.
  if (claims.email_verified !== true) return { refused: 'email_not_verified' };
  const user = await member('u.email = $2', email);
  return user ? { user, linked: 'email' } : { refused: 'unknown_subject' };
}
