import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Actor, TRole } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import { writeAudit, type AuditActor } from '../core/audit.ts';
import { checkPassword, hashPassword, verifyPassword } from './passwords.ts';

/** A session ends after this long without a request, and in any case this long after login. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 10;
/** Throttling: failed logins within the window, per account and per address. */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface Membership {
  organisationId: string;
  role: TRole;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: (Membership & { organisationName: string })[];
}

/** The signed-in user behind a request, with what the rules need and what the audit trail records. */
export interface SessionActor {
  actor: Actor;
  audit: AuditActor;
  user: UserView;
  csrfToken: string;
  tokenHash: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Creates a user with their memberships. The password must meet the policy. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password?: string; isPlatformAdmin?: boolean; memberships?: Membership[] },
  by: AuditActor,
): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined) checkPassword(input.password, email);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.query('insert into users (id, email, name, password_hash, is_platform_admin) values ($1, $2, $3, $4, $5)', [
      id, email, input.name, passwordHash, input.isPlatformAdmin ?? false,
    ]);
    for (const m of input.memberships ?? []) {
      await tx.query('insert into memberships (user_id, organisation_id, owner_id, role) values ($1, $2, $2, $3)', [id, m.organisationId, m.role]);
      await writeAudit(tx, by, { action: 'role_change', organisationId: m.organisationId, entity: 'users', entityId: id, after: { email, role: m.role } });
    }
    await writeAudit(tx, by, { action: 'create', organisationId: input.memberships?.[0]?.organisationId ?? null, entity: 'users', entityId: id, after: { email, name: input.name } });
    return (await findUserView(tx, id))!;
  });
}

/** Gives a user a role in an organisation (or changes it); recorded as a role change. */
export async function grantRole(db: Db, userId: string, organisationId: string, role: TRole, by: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ role: string }>('select role from memberships where user_id = $1 and organisation_id = $2', [userId, organisationId]);
    await tx.query(
      `insert into memberships (user_id, organisation_id, owner_id, role) values ($1, $2, $2, $3)
       on conflict (user_id, organisation_id) do update set role = excluded.role`,
      [userId, organisationId, role],
    );
    await writeAudit(tx, by, { action: 'role_change', organisationId, entity: 'users', entityId: userId, before: before ?? null, after: { role } });
  });
}

async function findUserView(db: Db, userId: string): Promise<UserView | null> {
  const [u] = await db.query<{ id: string; email: string; name: string; is_platform_admin: boolean }>(
    'select id, email, name, is_platform_admin from users where id = $1 and is_active',
    [userId],
  );
  if (!u) return null;
  const memberships = await db.query<{ organisation_id: string; role: TRole; name: string }>(
    'select m.organisation_id, m.role, o.name from memberships m join organisations o on o.id = m.organisation_id where m.user_id = $1 order by o.name',
    [userId],
  );
  return {
    id: u.id, email: u.email, name: u.name, isPlatformAdmin: u.is_platform_admin,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, role: m.role, organisationName: m.name })),
  };
}

async function recentFailures(db: Db, key: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `select count(*)::int as n from login_failures where key = $1 and at > now() - make_interval(mins => $2)`,
    [key, THROTTLE_WINDOW_MINUTES],
  );
  return n;
}

/**
 * Signs a user in with e-mail and password. Throttled per account and per address; every attempt is in the audit
 * trail. The error does not say whether the account exists.
 */
export async function login(db: Db, email: string, password: string, address: string): Promise<{ token: string; session: SessionActor }> {
  const normalised = email.trim().toLowerCase();
  const accountKey = `account:${normalised}`;
  const addressKey = `address:${address}`;
  if ((await recentFailures(db, accountKey)) >= MAX_FAILURES_PER_ACCOUNT || (await recentFailures(db, addressKey)) >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('too_many_requests', `Te veel mislukte pogingen. Probeer het over ${THROTTLE_WINDOW_MINUTES} minuten opnieuw.`);
  }
  const [user] = await db.query<{ id: string; name: string; password_hash: string | null }>(
    'select id, name, password_hash from users where email = $1 and is_active',
    [normalised],
  );
  const isValid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !isValid) {
    await db.transaction(async (tx) => {
      await tx.query('insert into login_failures (key) values ($1), ($2)', [accountKey, addressKey]);
      // The attempted address is not stored: a mistyped password would end up in the trail if typed in that field.
      await writeAudit(tx, { userId: user?.id ?? null, label: user?.name ?? 'onbekend account' }, { action: 'login_failed', organisationId: null, entity: 'users', entityId: user?.id ?? null });
    });
    throw new AppError('unauthorized', 'E-mailadres of wachtwoord onjuist');
  }
  const token = await db.transaction(async (tx) => {
    await tx.query(`delete from login_failures where key = $1 or at < now() - make_interval(mins => $2)`, [accountKey, THROTTLE_WINDOW_MINUTES]);
    return startSession(tx, user);
  });
  return { token, session: (await findSession(db, token))! };
}

/**
 * Starts a session for a user who proved who they are (password or single sign-on), in the caller's transaction, and
 * records the login; `detail` says how. Returns the cookie token: a new one at every login (no session fixation).
 */
export async function startSession(tx: Db, user: { id: string; name: string }, detail?: Record<string, unknown>): Promise<string> {
  const token = newToken();
  await tx.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(token), user.id, newToken(), SESSION_ABSOLUTE_HOURS],
  );
  await writeAudit(tx, { userId: user.id, label: user.name }, { action: 'login', organisationId: null, entity: 'users', entityId: user.id, after: detail });
  return token;
}

/** The session of a cookie token, if it is still valid (not revoked, not idle too long, not past its end). */
export async function findSession(db: Db, token: string): Promise<SessionActor | null> {
  const tokenHash = sha256(token);
  const [s] = await db.query<{ user_id: string; csrf_token: string; is_stale: boolean }>(
    `select user_id, csrf_token, last_seen_at < now() - interval '1 minute' as is_stale from sessions
      where token_hash = $1 and revoked_at is null and expires_at > now()
        and last_seen_at > now() - make_interval(mins => $2)`,
    [tokenHash, SESSION_IDLE_MINUTES],
  );
  // Keeping the idle clock to the minute spares a write on every request.
  if (s?.is_stale) await db.query('update sessions set last_seen_at = now() where token_hash = $1', [tokenHash]);
  if (!s) return null;
  const user = await findUserView(db, s.user_id);
  if (!user) return null;
  return {
    user,
    csrfToken: s.csrf_token,
    tokenHash,
    audit: { userId: user.id, label: user.name },
    actor: { userId: user.id, roles: user.memberships.map(({ organisationId, role }) => ({ organisationId, role })), isPlatformAdmin: user.isPlatformAdmin },
  };
}

/** Ends a session: the cookie no longer opens anything, also not when it was copied. */
export async function logout(db: Db, session: SessionActor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('update sessions set revoked_at = now() where token_hash = $1', [session.tokenHash]);
    await writeAudit(tx, session.audit, { action: 'logout', organisationId: null, entity: 'users', entityId: session.user.id });
  });
}
