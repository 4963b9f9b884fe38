import type { OrganisationOption, StoredActivity, StoredBudgetLine, ThemeOption } from '../../../domain/programme-xlsx.ts';
import { nl } from '../../../text/nl.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../core/access.ts';
import { getRecord, listRecords, listRecordsWhere } from '../../core/read.ts';
import type { Record_ } from '../../core/resource.ts';
import { readsPeopleOf } from '../plan-queries.ts';
import { people as peopleDef } from '../../accounts/definitions.ts';
import * as R from '../definitions.ts';

/** What the workbook shows of a programme, and what its import compares with: read under the plan's read rules. */
export interface Programme {
  plan: Record_;
  themes: ThemeOption[];
  activities: StoredActivity[];
  lines: StoredBudgetLine[];
  /** Organisations a row may link: the plan owner's own (teams, local partners), shared partners, and those linked. */
  organisations: OrganisationOption[];
}

/** "1. Districtelijk thema …": a theme as the sheet names it. */
export const themeLabel = (t: Record<string, unknown>) => (t.number ? `${String(t.number)}. ${String(t.title)}` : String(t.title));

/** Reads the programme; 404 for who may not read the plan. */
export async function loadProgramme(tx: Db, planId: string, ctx: RequestContext): Promise<Programme> {
  const plan = await getRecord(tx, R.plans, planId, ctx);
  const themes = await listRecords(tx, R.themes, { planId });
  const activities = await listRecordsWhere(tx, R.activities, 'theme_id', themes.map((t) => t.id));
  const lines = await listRecords(tx, R.budgetLines, { planId });
  // Who is responsible is internal: only readers of the organisation's people (its staff) get the names.
  const readsPeople = await readsPeopleOf(tx, ctx, plan.ownerId as string);
  const people = readsPeople ? await listRecordsWhere(tx, peopleDef, 'id', [...new Set(activities.flatMap((a) => a.responsibleIds as string[]))]) : [];
  const linked = [...new Set(activities.flatMap((a) => a.stakeholderIds as string[]))];
  const organisations = await tx.query<{ id: string; name: string; short_name: string | null }>(
    `select id, name, short_name from organisations
      where owner_id is null or owner_id = $1
         or owner_id in (select municipality_id from collaboration_members where collaboration_id = $1)
         or id = any($2::uuid[])
      order by name`,
    [plan.ownerId, linked],
  );
  const personName = new Map(people.map((p) => [p.id, String(p.name)]));
  const themeOrder = new Map(themes.map((t, n) => [t.id, n]));
  return {
    plan,
    themes: themes.map((t) => ({ id: t.id, label: themeLabel(t), title: String(t.title) })),
    activities: activities
      .sort((a, b) => themeOrder.get(a.themeId as string)! - themeOrder.get(b.themeId as string)!)
      .map((a) => ({
        ...(a as unknown as StoredActivity),
        responsibles: (a.responsibleIds as string[]).map((id) => personName.get(id) ?? '').join('; '),
        statusLabel: nl.labels.activityStatus[a.status as keyof typeof nl.labels.activityStatus],
      })),
    lines: lines as unknown as StoredBudgetLine[],
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name })),
  };
}
