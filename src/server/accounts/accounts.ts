import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Actor, TRole } from '../../domain/permissions.ts';
import type { Duty, TDuty } from '../../domain/meldpunt.ts';
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
  /** Meldpunt duties beside the roles (behandelaar, casemanager, privacy), per municipality and optionally category. */
  duties: Duty[];
}

/** The signed-in user behind a request, with what the rules need and what the audit trail records. */
export interface SessionActor {
  actor: Actor;
  audit: AuditActor;
  user: UserView;
  csrfToken: string;
  tokenHash: string;
  /** When the session ends unless used again: 30 idle minutes after its last use, at most its absolute end. */
  expiresAt: string;
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
  const duties = await db.query<{ organisation_id: string; duty: TDuty; category_key: string | null }>(
    'select organisation_id, duty, category_key from meldpunt_duties where user_id = $1 order by organisation_id, duty, category_key',
    [userId],
  );
  return {
    id: u.id, email: u.email, name: u.name, isPlatformAdmin: u.is_platform_admin,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, role: m.role, organisationName: m.name })),
    duties: duties.map((d) => ({ organisationId: d.organisation_id, duty: d.duty, categoryKey: d.category_key })),
  };
}

/**
 * What is throttled, each with its own class of transaction lock (taken in this order, so two requests never wait for
 * each other crosswise): failed logins per account and per address, and reset mails per account (password-reset.ts).
 */
const THROTTLE_LOCKS = { account: 1, address: 2, reset: 3 } as const;
export type ThrottleKind = keyof typeof THROTTLE_LOCKS;

/**
 * Claims one attempt under each limit, as one atomic step, or returns null when a limit is reached. Under a transaction
 * lock per key (`pg_advisory_xact_lock`: app servers on one PostgreSQL database wait for each other; PGlite runs one
 * transaction at a time anyway) it counts the key's rows within the window – earlier failures and attempts still being
 * checked – and, when every key is under its limit, records the attempt at once. So 30 attempts that arrive together
 * are counted one after the other and at most the limit gets through (issue 11). The rows count as failures until the
 * caller deletes them (a login that succeeds); the slow part (argon2) runs after this short transaction, never in it.
 */
export async function claimAttempt(db: Db, limits: readonly { kind: ThrottleKind; value: string; max: number }[]): Promise<number[] | null> {
  const ordered = [...limits].sort((a, b) => THROTTLE_LOCKS[a.kind] - THROTTLE_LOCKS[b.kind]);
  return db.transaction(async (tx) => {
    for (const { kind, value } of ordered) await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_LOCKS[kind], `${kind}:${value}`]);
    for (const { kind, value, max } of ordered) {
      const [{ n }] = await tx.query<{ n: number }>(
        'select count(*)::int as n from login_failures where key = $1 and at > now() - make_interval(mins => $2)',
        [`${kind}:${value}`, THROTTLE_WINDOW_MINUTES],
      );
      if (n >= max) return null;
    }
    const rows = await tx.query<{ id: number }>(
      'insert into login_failures (key) select unnest($1::text[]) returning id',
      [ordered.map(({ kind, value }) => `${kind}:${value}`)],
    );
    return rows.map((r) => r.id);
  });
}

/**
 * Signs a user in with e-mail and password. Throttled per account and per address, counting attempts still being
 * checked (`claimAttempt`); every attempt is in the audit trail. The error does not say whether the account exists.
 */
export async function login(db: Db, email: string, password: string, address: string): Promise<{ token: string; session: SessionActor }> {
  const normalised = email.trim().toLowerCase();
  const attempt = await claimAttempt(db, [
    { kind: 'account', value: normalised, max: MAX_FAILURES_PER_ACCOUNT },
    { kind: 'address', value: address, max: MAX_FAILURES_PER_ADDRESS },
  ]);
  if (!attempt) throw new AppError('too_many_requests', `Te veel mislukte pogingen. Probeer het over ${THROTTLE_WINDOW_MINUTES} minuten opnieuw.`);
  const [user] = await db.query<{ id: string; name: string; password_hash: string | null }>(
    'select id, name, password_hash from users where email = $1 and is_active',
    [normalised],
  );
  const isValid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !isValid) {
    // The attempt's rows stay: they are the failure. The attempted address is not stored in the trail: a mistyped
    // password would end up there if typed in that field.
    await writeAudit(db, { userId: user?.id ?? null, label: user?.name ?? 'onbekend account' }, { action: 'login_failed', organisationId: null, entity: 'users', entityId: user?.id ?? null });
    throw new AppError('unauthorized', 'E-mailadres of wachtwoord onjuist');
  }
  const token = await db.transaction(async (tx) => {
    // A login that succeeds is no failure: its own rows go, and with them the account's earlier failures.
    await tx.query(
      'delete from login_failures where key = $1 or id = any($2::bigint[]) or at < now() - make_interval(mins => $3)',
      [`account:${normalised}`, attempt, THROTTLE_WINDOW_MINUTES],
    );
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
  const [s] = await db.query<{ user_id: string; csrf_token: string; is_stale: boolean; last_seen_at: Date; expires_at: Date }>(
    `select user_id, csrf_token, last_seen_at < now() - interval '1 minute' as is_stale, last_seen_at, expires_at from sessions
      where token_hash = $1 and revoked_at is null and expires_at > now()
        and last_seen_at > now() - make_interval(mins => $2)`,
    [tokenHash, SESSION_IDLE_MINUTES],
  );
  // Keeping the idle clock to the minute spares a write on every request.
  if (s?.is_stale) s.last_seen_at = (await db.query<{ last_seen_at: Date }>('update sessions set last_seen_at = now() where token_hash = $1 returning last_seen_at', [tokenHash]))[0].last_seen_at;
  if (!s) return null;
  const user = await findUserView(db, s.user_id);
  if (!user) return null;
  return {
    user,
    csrfToken: s.csrf_token,
    tokenHash,
    expiresAt: new Date(Math.min(new Date(s.last_seen_at).getTime() + SESSION_IDLE_MINUTES * 60_000, new Date(s.expires_at).getTime())).toISOString(),
    audit: { userId: user.id, label: user.name },
    actor: { userId: user.id, roles: user.memberships.map(({ organisationId, role }) => ({ organisationId, role })), isPlatformAdmin: user.isPlatformAdmin, duties: user.duties },
  };
}

/** Ends a session: the cookie no longer opens anything, also not when it was copied. */
export async function logout(db: Db, session: SessionActor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('update sessions set revoked_at = now() where token_hash = $1', [session.tokenHash]);
    await writeAudit(tx, session.audit, { action: 'logout', organisationId: null, entity: 'users', entityId: session.user.id });
  });
}
