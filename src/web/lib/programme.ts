import { ZActivityFilter } from '../../domain/schemas.ts';
import { api } from '../api/client.ts';
import type { ActivityFilter } from '../api/types.ts';
import { makeNames } from './names.ts';

/** The filters in the URL, each checked with the domain's filter schema; a value that does not fit is left out. */
export function filterFromUrl(params: URLSearchParams): ActivityFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ZActivityFilter.shape)) {
    const value = params.get(key);
    const parsed = value ? schema.safeParse(value) : undefined;
    if (parsed?.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

/**
 * What a view of a whole programme needs besides its filtered rows: the plan, the themes (the joint programme's
 * first), names, and the partners and people involved in any of its activities – the choices of the filters.
 */
export async function loadProgrammeContext(planId: string) {
  const plan = await api.getPlan(planId);
  const [jointPlan, themes, jointThemes, organisations, people, all] = await Promise.all([
    // The joint programme's own owner and status decide who may edit its activities in this table.
    plan.jointPlanId ? api.getPlan(plan.jointPlanId).catch(() => null) : Promise.resolve(null),
    api.listThemes(planId),
    plan.jointPlanId ? api.listThemes(plan.jointPlanId) : Promise.resolve([]),
    api.listOrganisations(),
    api.listPeople(),
    api.listProgrammeActivities(planId),
  ]);
  const partnerIds = new Set(all.flatMap((a) => a.stakeholderIds));
  const responsibleIds = new Set(all.flatMap((a) => a.responsibleIds));
  return {
    plan,
    jointPlan,
    organisations,
    themes: [...jointThemes, ...themes],
    partners: organisations.filter((o) => partnerIds.has(o.id)).sort(byName),
    responsibles: people.filter((p) => responsibleIds.has(p.id)).sort(byName),
    names: makeNames(people, organisations),
  };
}
