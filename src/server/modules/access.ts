import { AppError } from '../../domain/errors.ts';
import { ANONYMOUS, can, canChangeFields, isPublishedWithPlan, PLAN_CONTENT, readScope, type Actor, type Subject, type TAction, type TEntity, type TPlanStatus } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM, type AuditActor } from './audit.ts';
import type { ResourceDef } from './resources.ts';

/*
 * Enforcement of the permission rules (src/domain/permissions.ts) in the services: one request context, the subject
 * of a record as the rules see it, a check for single records, and the same rules as SQL for lists.
 */

/** Who a service call is for. System work (start-up, the demo import) is not checked, but is audited as 'systeem'. */
export interface RequestContext {
  actor: Actor;
  audit: AuditActor;
  isSystem?: boolean;
  /** False for bulk work that writes one audit row of its own. */
  isAudited?: boolean;
  /**
   * Bulk work (an Excel import): the plans whose status follows their content are collected here and derived once,
   * after all the writes (`syncPlanStatus`), instead of once per record.
   */
  plansToSync?: Set<string>;
}

export const SYSTEM_CONTEXT: RequestContext = { actor: ANONYMOUS, audit: SYSTEM, isSystem: true };

/** SQL for the id of the plan a record belongs to, by table; `a` is the record's alias. */
const PLAN_ID_SQL: Record<string, (a: string) => string> = {
  plans: (a) => `${a}.id`,
  themes: (a) => `${a}.plan_id`,
  goals: (a) => `(select t.plan_id from themes t where t.id = ${a}.theme_id)`,
  indicators: (a) => `${a}.plan_id`,
  measurements: (a) => `(select i.plan_id from indicators i where i.id = ${a}.indicator_id)`,
  activities: (a) => `(select t.plan_id from themes t where t.id = ${a}.theme_id)`,
  budget_lines: (a) => `${a}.plan_id`,
  spending_entries: (a) => `${a}.plan_id`,
  regular_tasks: (a) => `${a}.plan_id`,
  decisions: (a) => `${a}.plan_id`,
};

const isPlanContent = (def: ResourceDef) => (PLAN_CONTENT as readonly string[]).includes(def.name);

/** The plan a (new or stored) record belongs to, through its fields. */
export async function planIdOf(tx: Db, rec: Record<string, unknown>, def: ResourceDef): Promise<string | null> {
  if (def.name === 'plans') return (rec.id as string) ?? null;
  if (rec.planId) return rec.planId as string;
  if (rec.themeId) return (await tx.query<{ plan_id: string }>('select plan_id from themes where id = $1', [rec.themeId]))[0]?.plan_id ?? null;
  if (rec.indicatorId) return (await tx.query<{ plan_id: string }>('select plan_id from indicators where id = $1', [rec.indicatorId]))[0]?.plan_id ?? null;
  if (rec.budgetLineId) return (await tx.query<{ plan_id: string }>('select plan_id from budget_lines where id = $1', [rec.budgetLineId]))[0]?.plan_id ?? null;
  return null;
}

/** A record as the rules see it: its entity, owner, plan status, betrokkenen, and the members of a collaboration owner. */
export async function subjectOf(tx: Db, def: ResourceDef, rec: Record<string, unknown>): Promise<Subject> {
  const ownerId = (rec.ownerId as string | null) ?? null;
  const subject: Subject = { entity: def.name as TEntity, ownerId };
  if (def.name === 'organisations') subject.organisationKind = rec.kind as Subject['organisationKind'];
  if (isPlanContent(def)) {
    if (def.name === 'plans') subject.planStatus = rec.status as TPlanStatus;
    else {
      const planId = await planIdOf(tx, rec, def);
      const [plan] = planId ? await tx.query<{ status: TPlanStatus }>('select status from plans where id = $1', [planId]) : [];
      subject.planStatus = plan?.status;
    }
  }
  if (def.name === 'activities') subject.stakeholderIds = (rec.stakeholderIds as string[]) ?? [];
  if (def.name === 'decisions') subject.isUndecided = rec.isDecided !== true;
  if (ownerId) {
    const members = await tx.query<{ municipality_id: string }>('select municipality_id from collaboration_members where collaboration_id = $1', [ownerId]);
    subject.ownerMemberIds = members.map((m) => m.municipality_id);
  }
  return subject;
}

/**
 * Checks `action` on a record (for a create: the new record) for the context's actor. What the actor may not read
 * does not exist for them (404, so ids do not leak); what they may read but not change is refused (403).
 */
export async function authorize(
  tx: Db,
  ctx: RequestContext,
  def: ResourceDef,
  rec: Record<string, unknown>,
  action: TAction,
  /** The state an update leads to: the actor knows the record already, so a refusal is a 403. */
  isNewState = false,
): Promise<void> {
  if (ctx.isSystem) return;
  const subject = await subjectOf(tx, def, rec);
  // For a create, the 404 is about where the record would go (the plan): whether the new record itself could be read
  // – a decision not yet taken – is no reason to hide the plan from who may read it.
  const known = action === 'create' ? { ...subject, isUndecided: false } : subject;
  if (!isNewState && !can(ctx.actor, 'read', known)) throw new AppError('not_found', `${def.label} niet gevonden`);
  if ((action !== 'read' && !can(ctx.actor, action, subject)) || (isNewState && !can(ctx.actor, 'read', subject))) {
    throw new AppError('forbidden', `U mag dit niet doen met uw rol (${def.label.toLowerCase()} ${actionLabel[action]})`);
  }
}

/** Checks that the actor may change these fields of a record they may update (a partner: an activity's status only). */
export async function authorizeFields(tx: Db, ctx: RequestContext, def: ResourceDef, rec: Record<string, unknown>, fields: string[]): Promise<void> {
  if (ctx.isSystem) return;
  const subject = await subjectOf(tx, def, rec);
  const refused = fields.filter((f) => !canChangeFields(ctx.actor, subject, [f]));
  if (!refused.length) return;
  throw new AppError('forbidden', 'Als partner wijzigt u van een activiteit alleen de status; voortgang geeft u door als notitie of uitvoering', refused.map((path) => ({ path, message: 'Kan niet worden gewijzigd' })));
}

const actionLabel: Record<TAction, string> = { read: 'lezen', create: 'aanmaken', update: 'wijzigen', delete: 'verwijderen' };

/** The collaborations the actor's municipalities belong to, for the rules on joint programmes. */
async function scopeOf(tx: Db, actor: Actor) {
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
 * `params`. Null when everything is readable (organisations, system work).
 */
export async function readCondition(tx: Db, ctx: RequestContext, def: ResourceDef, a: string, params: unknown[]): Promise<string | null> {
  if (ctx.isSystem || def.name === 'organisations') return null;
  const scope = await scopeOf(tx, ctx.actor);
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const all = p(scope.allOwnerIds);
  if (def.name === 'people') return `${a}.owner_id = any(${all}::uuid[])`;
  const planId = PLAN_ID_SQL[def.table](a);
  const publicStatuses = isPublishedWithPlan(def.name as TEntity) ? scope.publicStatuses : [];
  // A decision not yet taken (a collegevoorstel in the making) is for the staff only.
  const decided = def.name === 'decisions' ? ` and ${a}.is_decided` : '';
  const conditions = [
    `${a}.owner_id = any(${all}::uuid[])`,
    `exists (select 1 from plans rp where rp.id = ${planId} and (rp.status = any(${p(publicStatuses)}::text[])
       or (rp.status = any(${p(scope.councilStatuses)}::text[]) and ${a}.owner_id = any(${p(scope.councilOwnerIds)}::uuid[]))))${decided}`,
  ];
  if (def.name === 'activities' && scope.partnerOrganisationIds.length) {
    conditions.push(`exists (select 1 from activity_stakeholders rs where rs.activity_id = ${a}.id and rs.organisation_id = any(${p(scope.partnerOrganisationIds)}::uuid[]))`);
  }
  return `(${conditions.join(' or ')})`;
}
