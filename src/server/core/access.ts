import { AppError } from '../../domain/errors.ts';
import { can, canChangeFields, readScope, type Actor, type Subject, type TAction } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from './context.ts';
import type { ResourceShape, Row } from './resource.ts';

/*
 * Enforcement of the permission rules (src/domain/permissions.ts) in the services: one request context, the subject
 * of a record as the rules see it, a check for single records, and the same rules as SQL for lists. What an entity
 * adds to its subject and its read rule are slots of its definition (resource.ts); tenancy – the owner of a record and
 * the members of a collaboration owner (ADR 0006) – is the core's.
 */

export { SYSTEM_CONTEXT, type RequestContext } from './context.ts';

/** The member municipalities of an owner that is a collaboration (none for any other owner). */
async function membersOf(tx: Db, ownerId: string): Promise<string[]> {
  const members = await tx.query<{ municipality_id: string }>('select municipality_id from collaboration_members where collaboration_id = $1', [ownerId]);
  return members.map((m) => m.municipality_id);
}

/** A record as the rules see it: its entity, owner, the members of a collaboration owner, and what its definition adds. */
export async function subjectOf(tx: Db, def: ResourceShape, rec: Row): Promise<Subject> {
  const ownerId = (rec.ownerId as string | null) ?? null;
  const subject: Subject = { entity: def.name, ownerId, ...(def.subject ? await def.subject(tx, rec) : {}) };
  if (ownerId) subject.ownerMemberIds = await membersOf(tx, ownerId);
  return subject;
}

const actionLabel: Record<TAction, string> = { read: 'lezen', create: 'aanmaken', update: 'wijzigen', delete: 'verwijderen' };

/**
 * Checks `action` on a record (for a create: the new record) for the context's actor. What the actor may not read
 * does not exist for them (404, so ids do not leak); what they may read but not change is refused (403).
 */
export async function authorize(
  tx: Db,
  ctx: RequestContext,
  def: ResourceShape,
  rec: Row,
  action: TAction,
  /** The state an update leads to: the actor knows the record already, so a refusal is a 403. */
  isNewState = false,
): Promise<void> {
  if (ctx.isSystem) return;
  const subject = await subjectOf(tx, def, rec);
  // For a create, the 404 is about where the record would go (its parent): whether the new record itself could be
  // read (a draft only its authors read) is no reason to hide the parent from who may read it.
  const known = action === 'create' ? { ...subject, isUndecided: false } : subject;
  if (!isNewState && !can(ctx.actor, 'read', known)) throw new AppError('not_found', `${def.label} niet gevonden`);
  if ((action !== 'read' && !can(ctx.actor, action, subject)) || (isNewState && !can(ctx.actor, 'read', subject))) {
    throw new AppError('forbidden', `U mag dit niet doen met uw rol (${def.label.toLowerCase()} ${actionLabel[action]})`);
  }
}

/** Checks that the actor may change these fields of a record they may update (a partner: only what it reports on). */
export async function authorizeFields(tx: Db, ctx: RequestContext, def: ResourceShape, rec: Row, fields: string[]): Promise<void> {
  if (ctx.isSystem) return;
  const subject = await subjectOf(tx, def, rec);
  const refused = fields.filter((f) => !canChangeFields(ctx.actor, subject, [f]));
  if (!refused.length) return;
  throw new AppError('forbidden', def.refusedFieldsMessage ?? 'U mag deze velden niet wijzigen', refused.map((path) => ({ path, message: 'Kan niet worden gewijzigd' })));
}

/** The actor's read scope: the owners whose records they read, with the collaborations their municipalities belong to. */
export async function scopeOf(tx: Db, actor: Actor) {
  const orgs = actor.roles.map((r) => r.organisationId);
  const rows = orgs.length
    ? await tx.query<{ municipality_id: string; collaboration_id: string }>(
        'select municipality_id, collaboration_id from collaboration_members where municipality_id = any($1::uuid[])',
        [orgs],
      )
    : [];
  return readScope(actor, (m) => rows.filter((r) => r.municipality_id === m).map((r) => r.collaboration_id));
}

/**
 * The rules of `can(actor, 'read', …)` as a SQL condition on a list of records (alias `a`), adding its parameters to
 * `params`. Null when everything is readable (a public entity, system work).
 */
export async function readCondition(tx: Db, ctx: RequestContext, def: ResourceShape, a: string, params: unknown[]): Promise<string | null> {
  if (ctx.isSystem || def.read === 'public') return null;
  const scope = await scopeOf(tx, ctx.actor);
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return def.read(a, scope, bind);
}
