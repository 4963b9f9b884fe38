import { paths } from '../lib/paths.ts';
import { normalisedName, type TOrganisation, type TPerson } from '../../domain/schemas.ts';
import { api } from '../api/client.ts';
import type { PlanExport } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';

/** What every form of a plan needs: the plan with its themes and goals, and the people and organisations to choose. */
export interface FormContext {
  plan: PlanExport;
  people: TPerson[];
  organisations: TOrganisation[];
}

export async function loadFormContext(planId: string): Promise<FormContext> {
  const [plan, people, organisations] = await Promise.all([api.exportPlan(planId), api.listPeople(), api.listOrganisations()]);
  return { plan, people, organisations };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

/**
 * The people who can be responsible in a plan: those of its owner, the owner's member municipalities and their
 * teams, plus anyone already chosen.
 */
export function peopleFor(ctx: FormContext, chosen: string[] = []): TPerson[] {
  const owner = ctx.organisations.find((o) => o.id === ctx.plan.ownerId);
  const orgIds = new Set([ctx.plan.ownerId, ...(owner?.memberIds ?? [])]);
  for (const o of ctx.organisations) if (o.parentId && orgIds.has(o.parentId)) orgIds.add(o.id);
  const list = ctx.people.filter((p) => orgIds.has(p.organisationId) || chosen.includes(p.id));
  return list.sort(byName);
}

/** "Niek Meijer (Wethouder, Huizen)". */
export function personOptions(ctx: FormContext, people: TPerson[]) {
  const orgName = new Map(ctx.organisations.map((o) => [o.id, o.shortName || o.name]));
  return people.map((p) => ({
    value: p.id,
    label: `${p.name} (${[p.functionTitle || nl.labels.personRole[p.role], orgName.get(p.organisationId)].filter(Boolean).join(', ')})`,
  }));
}

/**
 * Organisations that can be involved in an activity: partners, teams and municipalities, by name. Two of the same name
 * (the "Sociaal domein" of two municipalities) are told apart by the organisation they belong to.
 */
export function stakeholderOptions(ctx: FormContext) {
  const list = ctx.organisations.filter((o) => o.kind !== 'collaboration').sort(byName);
  const nameCount = new Map<string, number>();
  for (const o of list) nameCount.set(normalisedName(o.name), (nameCount.get(normalisedName(o.name)) ?? 0) + 1);
  const parentName = new Map(ctx.organisations.map((o) => [o.id, o.name]));
  return list.map((o) => {
    const name = o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name;
    const parent = o.parentId && nameCount.get(normalisedName(o.name))! > 1 ? parentName.get(o.parentId) : undefined;
    return { value: o.id, label: parent ? `${name} – ${parent}` : name };
  });
}

export const themeLabel = (t: { number?: string | null; title: string }) => [t.number, t.title].filter(Boolean).join(' ');

/** The breadcrumbs of a form within a plan, and within a theme when there is one. */
export function planCrumbs(plan: { id: string; title: string }, theme?: { id: string; number?: string | null; title: string }) {
  return [
    { label: plan.title, to: paths.plan(plan.id) },
    ...(theme ? [{ label: themeLabel(theme), to: paths.theme(plan.id, theme.id) }] : []),
  ];
}

/** The next position after the existing ones, so a new item is added at the end. */
export const nextPosition = (items: { position: number }[]) => items.reduce((max, i) => Math.max(max, i.position + 1), 0);

/** Form text for an optional field: null becomes the empty string, and back. */
export const text = (v: string | null | undefined) => v ?? '';
export const orNull = (v: string) => (v.trim() ? v : null);
