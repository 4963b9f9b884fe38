import type { PLAN_STATUSES } from './schemas.ts';
import type { Duty } from './meldpunt.ts';

/*
 * Who may do what: the one rule set of Regie. Pure functions over an actor (who asks) and a subject (what the request
 * is about), used by the services to decide single requests and, through `readScope`, to filter lists by the same
 * rules. A subject the actor may not read is answered with 404 by the services, so its existence does not leak.
 */

/** Roles a user has in an organisation (municipality, collaboration, partner). */
export const ROLES = ['beheerder', 'adviseur', 'bestuurder', 'raadslid', 'partner'] as const;
export type TRole = (typeof ROLES)[number];

export type TPlanStatus = (typeof PLAN_STATUSES)[number];

/** Who asks. Anonymous has no user and no roles. */
export interface Actor {
  userId: string | null;
  roles: readonly { organisationId: string; role: TRole }[];
  /** Platform administrators create municipalities and collaborations and their first beheerder; nothing else. */
  isPlatformAdmin?: boolean;
  /** Meldpunt duties (domain/meldpunt.ts): who handles meldingen of which municipality and category. */
  duties?: readonly Duty[];
}

export const ANONYMOUS: Actor = { userId: null, roles: [] };

/** Entities whose records belong to a plan. */
export const PLAN_CONTENT = [
  'plans', 'themes', 'goals', 'indicators', 'measurements', 'activities', 'budget-lines', 'spending-entries',
  'regular-tasks', 'decisions',
] as const;
/**
 * Besides plan content: `progress` is an activity's history, progress notes and occurrences (its subject carries the
 * activity's owner, plan status and betrokkenen); `rounds` are a programme's update rounds (subject: the plan's);
 * `versions` are frozen adopted documents (subject: the version's owner, and its stage as `planStatus`).
 */
export type TEntity = (typeof PLAN_CONTENT)[number] | 'organisations' | 'people' | 'users' | 'audit' | 'progress' | 'rounds' | 'versions';

export type TAction = 'read' | 'create' | 'update' | 'delete';

/** What the rules need to know about the record a request is about. */
export interface Subject {
  entity: TEntity;
  /** The organisation whose data it is (owner_id). */
  ownerId: string | null;
  /** The kind of organisation, for `organisations` subjects and where the owner's kind matters. */
  organisationKind?: 'municipality' | 'collaboration' | 'partner' | 'team';
  /** For plan content: the status of its plan; for a version: its stage (adopted, sent_to_council, published). */
  planStatus?: TPlanStatus;
  /** For activities: the organisations involved (betrokkenen). */
  stakeholderIds?: readonly string[];
  /** When the owner is a collaboration: its member municipalities. */
  ownerMemberIds?: readonly string[];
  /** For decisions: not decided yet – a collegevoorstel in the making, the organisation's own until the college decides. */
  isUndecided?: boolean;
  /**
   * For `users`: the request gives the organisation its first beheerder – a membership with the role beheerder while
   * the organisation has none. Only adding a member sets it; an API token never does.
   */
  isFirstBeheerder?: boolean;
}

/** Published material is public: residents, businesses and anyone without an account read it. */
const PUBLIC: readonly TPlanStatus[] = ['published'];
/** The council reads what the college adopted and sent to it, and what is published – never drafts. */
const FOR_COUNCIL: readonly TPlanStatus[] = ['adopted', 'sent_to_council', 'published'];
/**
 * Plan content that is not published with its plan: spending entries are the municipality's bookkeeping, with
 * free-text notes that may name suppliers or people. Their sums (budget use) are published with the budget.
 */
const NOT_PUBLISHED: readonly TEntity[] = ['spending-entries'];
/** Whether published plans show this content to everyone. */
export const isPublishedWithPlan = (entity: TEntity) => !NOT_PUBLISHED.includes(entity);
/** Roles that read everything of their organisation, drafts included. */
const READS_ALL: readonly TRole[] = ['beheerder', 'adviseur', 'bestuurder'];

const rolesIn = (actor: Actor, organisationId: string | null) =>
  organisationId ? actor.roles.filter((r) => r.organisationId === organisationId).map((r) => r.role) : [];

/** The actor's roles for a subject: in its owner, and – for a collaboration's data – the read roles the actor has
 * in one of its member municipalities, so a joint programme is visible from each member. */
function rolesFor(actor: Actor, subject: Subject): TRole[] {
  const own = rolesIn(actor, subject.ownerId);
  const viaMembers = (subject.ownerMemberIds ?? [])
    .flatMap((m) => rolesIn(actor, m))
    .filter((r) => READS_ALL.includes(r) || r === 'raadslid')
    .map((r) => (r === 'raadslid' ? r : ('bestuurder' as const)));
  return [...own, ...viaMembers];
}

/** Whether the actor may perform `action` on `subject`. */
export function can(actor: Actor, action: TAction, subject: Subject): boolean {
  const roles = rolesFor(actor, subject);
  switch (subject.entity) {
    case 'organisations':
      // Names and CBS codes of organisations are public; a beheerder keeps their own organisation's teams and
      // partners; only a platform administrator adds or removes municipalities and collaborations.
      if (action === 'read') return true;
      if (subject.organisationKind === 'municipality' || subject.organisationKind === 'collaboration') {
        return action === 'update' ? roles.includes('beheerder') || !!actor.isPlatformAdmin : !!actor.isPlatformAdmin;
      }
      // A shared partner (the police, a RIEC) is no municipality's: the platform keeps it.
      return roles.includes('beheerder') || roles.includes('adviseur') || (!subject.ownerId && !!actor.isPlatformAdmin);
    case 'people':
      // Personal data: only the organisation's own staff; advisers keep the officials and portefeuillehouders.
      if (action === 'read') return roles.some((r) => READS_ALL.includes(r));
      return roles.includes('beheerder') || roles.includes('adviseur');
    case 'users':
      // Members, roles and API tokens are the organisation's beheerder's. A platform administrator gives a
      // municipality or collaboration without a beheerder its first one, and nothing else: no other role, no token,
      // no reading of members (issue 11).
      if (roles.includes('beheerder')) return true;
      return !!actor.isPlatformAdmin && action === 'create' && !!subject.isFirstBeheerder &&
        (subject.organisationKind === 'municipality' || subject.organisationKind === 'collaboration');
    case 'audit':
      return action === 'read' && roles.includes('beheerder');
    case 'progress':
      // Working notes of the municipality and its partners: the staff read them, the council reads the closed rounds'
      // report (issue 5), the public nothing. Advisers and the partners involved write; nobody edits the history.
      if (action === 'read') return roles.some((r) => READS_ALL.includes(r)) || isInvolvedPartner(actor, subject);
      if (action === 'update') return false;
      return roles.includes('adviseur') || isInvolvedPartner(actor, subject);
    case 'rounds':
      // The adviser runs the rounds (open, remind, close); the staff follow them.
      return action === 'read' ? roles.some((r) => READS_ALL.includes(r)) : roles.includes('adviseur');
    case 'versions':
      // What was adopted is no draft: the council reads every version of its organisation, the public the published
      // ones – whatever the live plan is now. Advisers adopt and move a version on; nobody changes or deletes it.
      if (action === 'read') return canOnPlanContent(actor, action, subject, roles);
      return action !== 'delete' && roles.includes('adviseur');
    case 'plans': case 'themes': case 'goals': case 'indicators': case 'measurements': case 'activities':
    case 'budget-lines': case 'spending-entries': case 'regular-tasks': case 'decisions':
      return canOnPlanContent(actor, action, subject, roles);
    default: {
      // Every kind of data has its own rule: a new entity that is not listed above does not compile, and is refused.
      const unknown: never = subject.entity;
      return unknown;
    }
  }
}

function canOnPlanContent(actor: Actor, action: TAction, subject: Subject, roles: TRole[]): boolean {
  if (action === 'read') {
    if (roles.some((r) => READS_ALL.includes(r))) return true;
    if (subject.isUndecided) return false;
    if (subject.planStatus && PUBLIC.includes(subject.planStatus) && isPublishedWithPlan(subject.entity)) return true;
    if (roles.includes('raadslid') && subject.planStatus && FOR_COUNCIL.includes(subject.planStatus)) return true;
    return isInvolvedPartner(actor, subject);
  }
  // Advisers write their organisation's plans; a partner updates the activities it is involved in, nothing else.
  if (roles.includes('adviseur')) return true;
  return action === 'update' && isInvolvedPartner(actor, subject);
}

function isInvolvedPartner(actor: Actor, subject: Subject): boolean {
  if (subject.entity !== 'activities' && subject.entity !== 'progress') return false;
  return actor.roles.some((r) => r.role === 'partner' && (subject.stakeholderIds ?? []).includes(r.organisationId));
}

/** The fields of an activity a partner involved in it may change: its status. Its texts, links and place in the plan
 * are the municipality's programme; the partner reports progress through notes and occurrences. */
export const PARTNER_ACTIVITY_FIELDS: readonly string[] = ['status'];

/**
 * Whether the actor may change these fields of a record they may update: an adviser all of them, a partner only
 * `PARTNER_ACTIVITY_FIELDS` of an activity it is involved in.
 */
export function canChangeFields(actor: Actor, subject: Subject, fields: readonly string[]): boolean {
  if (rolesFor(actor, subject).includes('adviseur') || subject.entity !== 'activities') return true;
  return fields.every((f) => PARTNER_ACTIVITY_FIELDS.includes(f));
}

/**
 * What of plan content the actor may read, for filtering lists with the same rules as `can`: everything of some
 * owners, the council's statuses of others, published material everywhere, and activities involving a partner.
 */
export interface ReadScope {
  allOwnerIds: string[];
  councilOwnerIds: string[];
  publicStatuses: readonly TPlanStatus[];
  councilStatuses: readonly TPlanStatus[];
  partnerOrganisationIds: string[];
}

export function readScope(actor: Actor, collaborationsOf: (municipalityId: string) => string[] = () => []): ReadScope {
  const all = new Set<string>();
  const council = new Set<string>();
  for (const { organisationId, role } of actor.roles) {
    const targets = [organisationId, ...collaborationsOf(organisationId)];
    if (READS_ALL.includes(role)) targets.forEach((t) => all.add(t));
    if (role === 'raadslid') targets.forEach((t) => council.add(t));
  }
  return {
    allOwnerIds: [...all],
    councilOwnerIds: [...council].filter((o) => !all.has(o)),
    publicStatuses: PUBLIC,
    councilStatuses: FOR_COUNCIL,
    partnerOrganisationIds: actor.roles.filter((r) => r.role === 'partner').map((r) => r.organisationId),
  };
}
