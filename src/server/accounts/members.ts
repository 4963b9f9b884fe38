import { createHash, randomBytes } from 'node:crypto';
import type { TMember, TOneTimeLink } from '../../domain/accounts.ts';
import { AppError } from '../../domain/errors.ts';
import { can, ROLES, type Subject, type TRole } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { SYSTEM_CONTEXT } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { createRecord } from '../core/write.ts';
import { organisations } from './definitions.ts';
import { createUser, grantRole } from './accounts.ts';
import { checkPassword, hashPassword } from './passwords.ts';

/** How long a one-time link to set a password, or to set up Regie, works. */
export const LINK_DAYS = 7;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Member = TMember;
type OneTimeLink = TOneTimeLink;

type OrganisationKind = NonNullable<Subject['organisationKind']>;

async function organisationKind(db: Db, organisationId: string): Promise<OrganisationKind> {
  const [org] = await db.query<{ kind: OrganisationKind }>('select kind from organisations where id = $1', [organisationId]);
  if (!org) throw new AppError('not_found', 'Organisatie niet gevonden');
  return org.kind;
}

/**
 * Only the organisation's beheerder manages its members and API tokens: signed out is a 401, another role a 403. A
 * platform administrator only adds the first beheerder of a municipality or collaboration: `grants` is the role a new
 * member gets, and it must be beheerder while the organisation has none (issue 11). Adding a member calls this in its
 * transaction, with the organisation's row locked, so two requests cannot both give the first beheerder.
 */
export async function authorizeMembers(db: Db, ctx: RequestContext, organisationId: string, action: 'read' | 'create' | 'update' | 'delete', grants?: TRole) {
  const kind = await organisationKind(db, organisationId);
  const subject: Subject = { entity: 'users', ownerId: organisationId, organisationKind: kind };
  if (ctx.isSystem || can(ctx.actor, action, subject)) return;
  if (ctx.actor.isPlatformAdmin && action === 'create' && grants === 'beheerder') {
    const [beheerder] = await db.query("select 1 from memberships where organisation_id = $1 and role = 'beheerder' limit 1", [organisationId]);
    if (can(ctx.actor, action, { ...subject, isFirstBeheerder: !beheerder })) return;
    if (beheerder) throw new AppError('forbidden', 'Deze organisatie heeft al een beheerder: die beheert de gebruikers en rollen');
  }
  if (ctx.actor.isPlatformAdmin && ctx.actor.userId) {
    throw new AppError('forbidden', 'Een platformbeheerder geeft een gemeente of samenwerkingsverband zonder beheerder alleen de eerste beheerder');
  }
  throw new AppError(ctx.actor.userId ? 'forbidden' : 'unauthorized', 'Gebruikers en rollen zijn er voor de beheerder van de organisatie');
}

/** The members of an organisation with their role. */
export async function listMembers(db: Db, ctx: RequestContext, organisationId: string): Promise<Member[]> {
  await authorizeMembers(db, ctx, organisationId, 'read');
  const rows = await db.query<{ user_id: string; email: string; name: string; role: TRole; is_active: boolean; has_password: boolean }>(
    `select u.id as user_id, u.email, u.name, m.role, u.is_active, u.password_hash is not null as has_password
       from memberships m join users u on u.id = m.user_id where m.organisation_id = $1 order by u.name`,
    [organisationId],
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role, isActive: r.is_active, hasPassword: r.has_password }));
}

async function findMember(db: Db, organisationId: string, userId: string): Promise<Member> {
  const member = (await listMembers(db, SYSTEM_CONTEXT, organisationId)).find((m) => m.userId === userId);
  if (!member) throw new AppError('not_found', 'Gebruiker niet gevonden');
  return member;
}

/** Which roles an organisation gives: a partner organisation gives the partner role (and a beheerder), others the rest. */
export async function checkRole(db: Db, organisationId: string, role: TRole) {
  const kind = await organisationKind(db, organisationId);
  const allowed: readonly TRole[] = kind === 'partner' ? ['partner', 'beheerder'] : ROLES.filter((r) => r !== 'partner');
  if (!allowed.includes(role)) throw new AppError('validation', 'Deze rol past niet bij deze organisatie', [{ path: 'role', message: 'Kies een andere rol' }]);
  return kind;
}

/**
 * Creates a one-time link to set a password (by default valid for LINK_DAYS). A beheerder's reset ends the user's
 * sessions at once; a reset by e-mail does not (anyone can ask for one), its sessions end when the password is set.
 */
export async function newPasswordLink(tx: Db, userId: string, options: { minutes?: number; endSessions?: boolean } = {}): Promise<OneTimeLink> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx.query<{ expires_at: string }>(
    `insert into account_links (token_hash, purpose, user_id, expires_at) values ($1, 'password', $2, now() + make_interval(mins => $3)) returning expires_at`,
    [sha256(token), userId, options.minutes ?? LINK_DAYS * 24 * 60],
  );
  if (options.endSessions ?? true) await endSessions(tx, userId);
  return { token, expiresAt: row.expires_at };
}

const endSessions = (tx: Db, userId: string) => tx.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);

/**
 * Adds a member: a new user (without password: they get a one-time link to set it) or an existing one. A collaboration
 * gives roles only to users of its member municipalities.
 */
export async function addMember(
  db: Db,
  ctx: RequestContext,
  organisationId: string,
  input: { email: string; name: string; role: TRole },
): Promise<{ member: Member; link: OneTimeLink | null }> {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    // Locked, so concurrent requests for an organisation's first beheerder see each other (authorizeMembers).
    await tx.query('select 1 from organisations where id = $1 for update', [organisationId]);
    await authorizeMembers(tx, ctx, organisationId, 'create', input.role);
    const kind = await checkRole(tx, organisationId, input.role);
    const [existing] = await tx.query<{ id: string }>('select id from users where email = $1', [email]);
    if (kind === 'collaboration') {
      const [isMember] = existing
        ? await tx.query(
            `select 1 from memberships m join collaboration_members c on c.municipality_id = m.organisation_id
              where m.user_id = $1 and c.collaboration_id = $2`,
            [existing.id, organisationId],
          )
        : [];
      if (!isMember) {
        throw new AppError('validation', 'Een samenwerkingsverband geeft rollen aan gebruikers van zijn gemeenten', [
          { path: 'email', message: 'Deze gebruiker werkt niet bij een van de deelnemende gemeenten' },
        ]);
      }
    }
    if (existing) {
      const [already] = await tx.query('select 1 from memberships where user_id = $1 and organisation_id = $2', [existing.id, organisationId]);
      if (already) throw new AppError('conflict', 'Deze gebruiker is al lid', [{ path: 'email', message: 'Is al lid van deze organisatie' }]);
      await grantRole(tx, existing.id, organisationId, input.role, ctx.audit);
      return { member: await findMember(tx, organisationId, existing.id), link: null };
    }
    const user = await createUser(tx, { email, name: input.name, memberships: [{ organisationId, role: input.role }] }, ctx.audit);
    return { member: await findMember(tx, organisationId, user.id), link: await newPasswordLink(tx, user.id) };
  });
}

/** A beheerder cannot take away their own beheerder role: the organisation would have nobody to manage it. */
function keepOwnAdminRole(ctx: RequestContext, member: Member, newRole: TRole | null) {
  if (member.userId === ctx.actor.userId && member.role === 'beheerder' && newRole !== 'beheerder') {
    throw new AppError('validation', 'U kunt uw eigen beheerdersrol niet weghalen', [{ path: 'role', message: 'Laat een andere beheerder dit doen' }]);
  }
}

/** Changes a member's role. */
export async function changeRole(db: Db, ctx: RequestContext, organisationId: string, userId: string, role: TRole): Promise<Member> {
  await authorizeMembers(db, ctx, organisationId, 'update');
  await checkRole(db, organisationId, role);
  const member = await findMember(db, organisationId, userId);
  keepOwnAdminRole(ctx, member, role);
  await grantRole(db, userId, organisationId, role, ctx.audit);
  return findMember(db, organisationId, userId);
}

/** Removes a member from the organisation (the account stays, for its other organisations). */
export async function removeMember(db: Db, ctx: RequestContext, organisationId: string, userId: string): Promise<void> {
  await authorizeMembers(db, ctx, organisationId, 'delete');
  const member = await findMember(db, organisationId, userId);
  keepOwnAdminRole(ctx, member, null);
  await db.transaction(async (tx) => {
    await tx.query('delete from memberships where user_id = $1 and organisation_id = $2', [userId, organisationId]);
    await writeAudit(tx, ctx.audit, { action: 'role_change', organisationId, entity: 'users', entityId: userId, before: { role: member.role }, after: null });
  });
}

/** A new one-time link for a member to set a password (a reset by the beheerder). */
export async function createPasswordLink(db: Db, ctx: RequestContext, organisationId: string, userId: string): Promise<OneTimeLink> {
  await authorizeMembers(db, ctx, organisationId, 'update');
  await findMember(db, organisationId, userId);
  return db.transaction(async (tx) => {
    const link = await newPasswordLink(tx, userId);
    await writeAudit(tx, ctx.audit, { action: 'update', organisationId, entity: 'users', entityId: userId, after: { passwordLink: link.expiresAt } });
    return link;
  });
}

async function useLink(tx: Db, token: string, purpose: 'password' | 'setup') {
  const [link] = await tx.query<{ user_id: string | null }>(
    `update account_links set used_at = now()
      where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now() returning user_id`,
    [sha256(token), purpose],
  );
  if (!link) throw new AppError('validation', 'Deze link werkt niet (meer)', [{ path: 'token', message: 'Onbekende, gebruikte of verlopen link' }]);
  return link;
}

/** Sets a password through a one-time link. */
export async function setPasswordWithLink(db: Db, token: string, password: string): Promise<void> {
  await db.transaction(async (tx) => {
    const link = await useLink(tx, token, 'password');
    const [user] = await tx.query<{ email: string; name: string }>('select email, name from users where id = $1', [link.user_id]);
    checkPassword(password, user.email);
    await tx.query('update users set password_hash = $2, updated_at = now(), version = version + 1 where id = $1', [link.user_id, await hashPassword(password)]);
    // Whoever knew the old password is out (ASVS 3.3.3).
    await endSessions(tx, link.user_id!);
    await writeAudit(tx, { userId: link.user_id, label: user.name }, { action: 'update', organisationId: null, entity: 'users', entityId: link.user_id, after: { password: 'ingesteld' } });
  });
}

/** A one-time link to set up an installation without users; null when there are users already. */
export async function createSetupLinkIfNoUsers(db: Db): Promise<OneTimeLink | null> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from users');
  if (n > 0) return null;
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: string }>(
    `insert into account_links (token_hash, purpose, expires_at) values ($1, 'setup', now() + make_interval(days => $2)) returning expires_at`,
    [sha256(token), LINK_DAYS],
  );
  return { token, expiresAt: row.expires_at };
}

/** First run: the municipality and its first beheerder, who is a platform administrator too. */
export async function completeSetup(
  db: Db,
  input: { token: string; organisationName: string; cbsCode: string; name: string; email: string; password: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from users');
    if (n > 0) throw new AppError('not_found', 'Regie is al ingericht');
    await useLink(tx, input.token, 'setup');
    const org = await createRecord(tx, organisations, { kind: 'municipality', name: input.organisationName, cbsCode: input.cbsCode }, SYSTEM_CONTEXT);
    await createUser(tx, {
      email: input.email, name: input.name, password: input.password, isPlatformAdmin: true,
      memberships: [{ organisationId: org.id, role: 'beheerder' }],
    }, { userId: null, label: 'inrichting' });
  });
}
