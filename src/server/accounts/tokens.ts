import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { MAX_TOKEN_DAYS, type TApiToken } from '../../domain/accounts.ts';
import { AppError } from '../../domain/errors.ts';
import type { TRole } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { authorizeMembers, checkRole } from './members.ts';
import type { SessionActor } from './accounts.ts';

/** Tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'regie_';
export { MAX_TOKEN_DAYS };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const columns = 'id, name, role, created_at, expires_at, revoked_at, last_used_at';
const toToken = (r: Record<string, unknown>): TApiToken => ({
  id: r.id as string, name: r.name as string, role: r.role as TRole, createdAt: r.created_at as string,
  expiresAt: r.expires_at as string, revokedAt: (r.revoked_at as string) ?? null, lastUsedAt: (r.last_used_at as string) ?? null,
});

/** The organisation's API tokens (never their secrets). */
export async function listTokens(db: Db, ctx: RequestContext, organisationId: string): Promise<TApiToken[]> {
  await authorizeMembers(db, ctx, organisationId, 'read');
  const rows = await db.query(`select ${columns} from api_tokens where organisation_id = $1 order by created_at desc`, [organisationId]);
  return rows.map(toToken);
}

/**
 * Makes a token for an integration; the secret is in the answer once and nowhere else. Only the organisation's
 * beheerder makes one: a platform administrator never does, also not where there is no beheerder (issue 11).
 */
export async function createToken(
  db: Db,
  ctx: RequestContext,
  organisationId: string,
  input: { name: string; role: TRole; expiresInDays: number },
): Promise<{ token: string; apiToken: TApiToken }> {
  await authorizeMembers(db, ctx, organisationId, 'create');
  await checkRole(db, organisationId, input.role);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `insert into api_tokens (id, organisation_id, owner_id, name, role, token_hash, created_by, expires_at)
       values ($1, $2, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) returning ${columns}`,
      [randomUUID(), organisationId, input.name, input.role, sha256(token), ctx.actor.userId, input.expiresInDays],
    );
    const apiToken = toToken(row);
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId, entity: 'api_tokens', entityId: apiToken.id, after: apiToken });
    return { token, apiToken };
  });
}

/** Revokes a token: it opens nothing from now on. */
export async function revokeToken(db: Db, ctx: RequestContext, organisationId: string, tokenId: string): Promise<void> {
  await authorizeMembers(db, ctx, organisationId, 'delete');
  await db.transaction(async (tx) => {
    const [row] = await tx.query(
      `update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 and organisation_id = $2 returning ${columns}`,
      [tokenId, organisationId],
    );
    if (!row) throw new AppError('not_found', 'Token niet gevonden');
    await writeAudit(tx, ctx.audit, { action: 'delete', organisationId, entity: 'api_tokens', entityId: tokenId, after: toToken(row) });
  });
}

/**
 * The actor behind a bearer token, or null when the token is unknown, revoked or expired. Each use is in the audit
 * trail: integrations act without a person, so the trail is how their work is traced.
 */
export async function findTokenActor(db: Db, token: string, route: string): Promise<Omit<SessionActor, 'user' | 'csrfToken' | 'tokenHash' | 'expiresAt'> | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [t] = await db.query<{ id: string; organisation_id: string; name: string; role: TRole }>(
    `update api_tokens set last_used_at = now()
      where token_hash = $1 and revoked_at is null and expires_at > now()
      returning id, organisation_id, name, role`,
    [sha256(token)],
  );
  if (!t) return null;
  const audit = { userId: null, label: `API-token "${t.name}"` };
  await writeAudit(db, audit, { action: 'token_use', organisationId: t.organisation_id, entity: 'api_tokens', entityId: t.id, after: { route } });
  return { audit, actor: { userId: null, roles: [{ organisationId: t.organisation_id, role: t.role }] } };
}
