import { withoutPersonalData } from '../../domain/plan-content.ts';
import type { PlanDocumentInput } from '../documents/tree.ts';
import { nl } from '../../text/nl.ts';
import { toCsv } from '../core/csv.ts';
import type { PublicOrganisation, PublishedVersion } from './queries.ts';

/*
 * A published programme or plan as open data (ADR 0015). The JSON is the frozen content as adopted – `planContent`:
 * the plan export without monitoring, bookkeeping and the workflow's facts (those are in `version`) – less what the
 * document itself does not make public (`withoutPersonalData`, the same rule as the export for non-staff):
 * - people: only the portefeuillehouders and officials of the themes, with the name and function title the document
 *   prints; never an e-mail address, and nobody who is only named as responsible for an activity (an internal
 *   assignment the document does not print);
 * - activities: without `responsibleIds`, for the same reason.
 * Everything else (themes, goals, activities, indicators with their figures, budget, regular tasks, decisions) is in
 * the adopted document. The licence is CC0 1.0: facts of government policy, free to reuse without conditions.
 */

export const OPEN_DATA_LICENCE = { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.nl' } as const;

/** The plan content of a version, as adopted. */
export const planOf = (version: PublishedVersion) => JSON.parse(version.content) as PlanDocumentInput;

/** The open-data JSON of a published version: where it comes from, its licence, and the public plan. */
export function openDataJson(org: PublicOrganisation, version: PublishedVersion, address: string) {
  return {
    licence: OPEN_DATA_LICENCE,
    publisher: { name: org.name, cbsCode: org.cbsCode },
    version: {
      id: version.id, number: version.number, title: version.title, address,
      adoptedBy: version.adoptedBy, adoptedOn: version.adoptedOn, decisionReference: version.decisionReference,
      publishedAt: version.publishedAt, contentHash: version.contentHash,
    },
    plan: withoutPersonalData(planOf(version)),
  };
}

/** The activity table of a published programme: one line per activity, in the document's order. */
export function openDataCsv(version: PublishedVersion): string {
  const plan = planOf(version);
  const rows = plan.themes.flatMap((t) => t.activities.map((a) =>
    [t.number ?? '', t.title, a.title, a.timeframeText, a.frequencyText, a.stakeholdersText, a.explanation ?? '']));
  return toCsv(nl.publicSite.csvHeader, rows);
}
