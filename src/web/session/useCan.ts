import { useCallback } from 'react';
import { can, type Subject, type TAction, type TEntity, type TPlanStatus } from '../../domain/permissions.ts';
import { useSession } from './SessionContext.tsx';

/** Whether the signed-in user (or anonymous) may do `action` on `subject`: the domain's rules, as the server applies them. */
export function useCan(): (action: TAction, subject: Subject) => boolean {
  const { actor } = useSession();
  return useCallback((action: TAction, subject: Subject) => can(actor, action, subject), [actor]);
}

/** What the page knows of a plan: its owner and status. */
export interface PlanLike {
  ownerId: string;
  status: TPlanStatus;
}

/** Organisations as the API gives them: a collaboration lists its member municipalities. */
export interface OrganisationLike {
  id: string;
  kind?: 'municipality' | 'collaboration' | 'partner' | 'team';
  memberIds?: readonly string[];
}

/**
 * The subject for content of a plan (the plan itself, its themes, goals, indicators, budget lines…). Pass the
 * organisations the page has loaded: when the plan's owner is a collaboration, its members read it too.
 */
export function planSubject(entity: TEntity, plan: PlanLike, organisations: readonly OrganisationLike[] = []): Subject {
  const owner = organisations.find((o) => o.id === plan.ownerId);
  return {
    entity,
    ownerId: plan.ownerId,
    planStatus: plan.status,
    ...(owner?.kind ? { organisationKind: owner.kind } : {}),
    ...(owner?.memberIds?.length ? { ownerMemberIds: owner.memberIds } : {}),
  };
}

/** The subject for an activity: plan content, and the organisations involved (a partner updates those). */
export function activitySubject(
  activity: { stakeholderIds: readonly string[] },
  plan: PlanLike,
  organisations: readonly OrganisationLike[] = [],
): Subject {
  return { ...planSubject('activities', plan, organisations), stakeholderIds: activity.stakeholderIds };
}

/** The subject for an organisation itself (its audit trail, its users). */
export function organisationSubject(entity: TEntity, organisation: OrganisationLike): Subject {
  return { entity, ownerId: organisation.id, organisationKind: organisation.kind, ownerMemberIds: organisation.memberIds };
}
