import { z } from 'zod';
import { formatEuro } from './budget.ts';

/*
 * What a plan *is* as a document, apart from how it is being carried out: its texts and structure. Adoption freezes
 * this content (ADR 0014); two contents are compared theme by theme, activity by activity, budget line by budget line.
 * Monitoring (activity status, measurements, indicator status, spending) and bookkeeping (version, timestamps, the
 * workflow's own facts) are not content: they change every week without anyone adopting anything.
 */

/** JSON text with the keys of every object in sorted order, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Fields of every record that say when and how often it was stored, not what it says. */
const BOOKKEEPING = ['version', 'createdAt', 'updatedAt'];
/** The plan's workflow facts: the adoption sets them, so they cannot be part of what is adopted. */
const WORKFLOW = ['status', 'adoptedBy', 'adoptedOn', 'decisionReference'];
/** Monitoring and what is computed from the texts (the parsed tijdpad and frequency, an indicator's status). */
const MONITORING: Record<string, string[]> = {
  activities: ['status', 'timeframe', 'frequency'],
  indicators: ['measurements', 'status', 'targetProblems'],
  regularTasks: ['frequency'],
};

type Obj = Record<string, unknown>;
const omit = (o: Obj, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const each = (list: unknown, keys: string[] = []) => ((list as Obj[] | undefined) ?? []).map((o) => omit(o, [...BOOKKEEPING, ...keys]));

/** Themes as content: their goals, activities and indicators without monitoring. */
const themesContent = (themes: unknown) => ((themes as Obj[]) ?? []).map((t) => ({
  ...omit(t, BOOKKEEPING),
  goals: each(t.goals),
  activities: each(t.activities, MONITORING.activities),
  indicators: each(t.indicators, MONITORING.indicators),
}));

/**
 * A plan's content, taken from its export (`exportPlan`): everything the council document is made of – for a local
 * part also the joint programme's themes it prints (`jointPart`), as they stood when the part was adopted.
 */
export function planContent(plan: Obj): Obj {
  const joint = plan.jointPart as Obj | null | undefined;
  return {
    ...omit(plan, [...BOOKKEEPING, ...WORKFLOW, 'jointPart']),
    // Only where there is one: a plan without a joint programme keeps the content (and hash) it had before.
    ...(joint ? { jointPart: { ...omit(joint, BOOKKEEPING), themes: themesContent(joint.themes) } } : {}),
    indicators: each(plan.indicators, MONITORING.indicators),
    themes: themesContent(plan.themes),
    budgetLines: ((plan.budgetLines as Obj[]) ?? []).map((l) => ({ ...omit(l, BOOKKEEPING), subLines: each(l.subLines) })),
    regularTasks: each(plan.regularTasks, MONITORING.regularTasks),
    // A decision not yet taken is a proposal in the making, not what the plan says.
    decisions: each(((plan.decisions as Obj[]) ?? []).filter((d) => d.isDecided !== false)),
    organisations: each(plan.organisations),
    // Names and functions are printed; an e-mail address is not, and changing one is no change of the document.
    people: each(plan.people, ['email']),
  };
}

/**
 * A plan (its export or its frozen content) as it may be shown to those who may not read personal data – the `people`
 * rule: the owner's staff only – such as the council, partners and the public: of the people, only those the document
 * prints (the themes' portefeuillehouders and officials), without e-mail address and without the Regie account linked to
 * them (`userId`: frozen content holds it; the document does not print it); of the activities, an empty
 * `responsibleIds` (an internal assignment the document does not print). Everything else is what the document says.
 * With `readsPerson`, the people the reader may read (under the `people` rule, per person) stay as they are.
 */
export function withoutPersonalData<T extends Obj>(plan: T, readsPerson: (person: Obj) => boolean = () => false): T {
  const themes = (plan.themes as Obj[] | undefined) ?? [];
  const joint = plan.jointPart as Obj | null | undefined;
  const jointThemes = (joint?.themes as Obj[] | undefined) ?? [];
  const printed = new Set([...jointThemes, ...themes].flatMap((t) => [...((t.portfolioHolderIds as string[]) ?? []), ...((t.officialIds as string[]) ?? [])]));
  const people = (plan.people as Obj[] | undefined) ?? [];
  const readable = new Set(people.filter(readsPerson).map((p) => String(p.id)));
  // Emptied rather than left out: the field is part of the export's schema; it names nobody the reader may not read.
  const unassigned = (list: Obj[]) => list.map((t) => ({
    ...t,
    activities: ((t.activities as Obj[] | undefined) ?? []).map((a) => ({ ...a, responsibleIds: ((a.responsibleIds as string[] | undefined) ?? []).filter((id) => readable.has(id)) })),
  }));
  return {
    ...plan,
    ...(joint ? { jointPart: { ...joint, themes: unassigned(jointThemes) } } : {}),
    themes: unassigned(themes),
    people: people.filter((p) => readable.has(String(p.id)) || printed.has(String(p.id)))
      .map((p) => (readable.has(String(p.id)) ? p : omit(p, ['email', 'userId']))),
  };
}

// Comparison ----------------------------------------------------------------------------------------------------------

export const CHANGE_KINDS = ['added', 'changed', 'removed'] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

const ZValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type TValue = z.infer<typeof ZValue>;

export const ZFieldChange = z.object({ field: z.string(), from: ZValue, to: ZValue });
export type TFieldChange = z.infer<typeof ZFieldChange>;

/** One record that was added, changed (with its fields, old → new) or removed. */
export const ZItemChange = z.object({
  id: z.string(),
  title: z.string(),
  change: z.enum(CHANGE_KINDS),
  fields: z.array(ZFieldChange),
});
export type TItemChange = z.infer<typeof ZItemChange>;

/** A theme with what changed in it; `change` is null when only its goals, activities or indicators changed. */
export const ZThemeChange = ZItemChange.extend({
  change: z.enum(CHANGE_KINDS).nullable(),
  goals: z.array(ZItemChange),
  activities: z.array(ZItemChange),
  indicators: z.array(ZItemChange),
});
export type TThemeChange = z.infer<typeof ZThemeChange>;

export const ZPlanComparison = z.object({
  /** The plan's own fields (title, period, available budget). */
  plan: z.array(ZFieldChange),
  sections: z.array(ZItemChange),
  themes: z.array(ZThemeChange),
  /** Plan-level indicators. */
  indicators: z.array(ZItemChange),
  budgetLines: z.array(ZItemChange),
  regularTasks: z.array(ZItemChange),
  decisions: z.array(ZItemChange),
  counts: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
});
export type TPlanComparison = z.infer<typeof ZPlanComparison>;

/** Fields that place a record rather than say something (its parent, owner, own id). */
const PLACING = ['id', 'ownerId', 'planId', 'themeId', 'parentId', 'subLines', 'goals', 'activities', 'indicators', 'owner'];

/** Ids as names, amounts as euros: what a reader can compare. */
interface Names {
  people: Map<string, string>;
  organisations: Map<string, string>;
  goals: Map<string, string>;
}

function display(field: string, value: unknown, names: Names): TValue {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return null;
  if (field === 'amounts' && Array.isArray(value)) {
    return (value as { year: number | null; amountCents: number }[]).map((a) => `${a.year ?? 'per jaar'}: ${formatEuro(a.amountCents)}`);
  }
  if (/Cents$/.test(field) && typeof value === 'number') return formatEuro(value);
  const lookup = /^(portfolioHolder|official|responsible)Ids$/.test(field) ? names.people
    : /^(stakeholder|member)Ids$/.test(field) ? names.organisations : field === 'goalIds' ? names.goals : null;
  if (lookup && Array.isArray(value)) return value.map((id) => lookup.get(String(id)) ?? String(id));
  if (Array.isArray(value)) {
    return value.map((v) => (v && typeof v === 'object' ? Object.values(v as Obj).filter((x) => typeof x === 'string').join(': ') : String(v)));
  }
  if (typeof value === 'object') return canonicalJson(value);
  return value as TValue;
}

function fieldChanges(from: Obj, to: Obj, names: [Names, Names], skip: string[] = []): TFieldChange[] {
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((f) => !PLACING.includes(f) && !skip.includes(f));
  return fields
    .map((field) => ({ field, from: display(field, from[field], names[0]), to: display(field, to[field], names[1]) }))
    .filter((c) => canonicalJson(c.from) !== canonicalJson(c.to));
}

const titleOf = (o: Obj) => String(o.title ?? o.name ?? '');

/** Records of two lists matched by id (sections: by key): added, changed, removed, in the order of the newer list. */
function diffList(from: Obj[], to: Obj[], names: [Names, Names], key = 'id'): TItemChange[] {
  const before = new Map(from.map((o) => [String(o[key]), o]));
  const after = new Set(to.map((o) => String(o[key])));
  const changes: TItemChange[] = [];
  for (const o of to) {
    const old = before.get(String(o[key]));
    if (!old) changes.push({ id: String(o[key]), title: titleOf(o), change: 'added', fields: [] });
    else {
      const fields = fieldChanges(old, o, names);
      if (fields.length) changes.push({ id: String(o[key]), title: titleOf(o), change: 'changed', fields });
    }
  }
  for (const o of from) if (!after.has(String(o[key]))) changes.push({ id: String(o[key]), title: titleOf(o), change: 'removed', fields: [] });
  return changes;
}

function namesOf(c: Obj): Names {
  const map = (list: unknown, label = (o: Obj) => titleOf(o)) => new Map(((list as Obj[]) ?? []).map((o) => [String(o.id), label(o)]));
  return {
    people: map(c.people),
    organisations: map(c.organisations),
    goals: map([...((c.themes as Obj[]) ?? []), ...(((c.jointPart as Obj | null)?.themes as Obj[]) ?? [])].flatMap((t) => (t.goals as Obj[]) ?? [])),
  };
}

const list = (o: Obj, field: string) => (o[field] as Obj[] | undefined) ?? [];
/** Budget lines with their sub-lines as one list: a sub-line is a line of its own in the comparison. */
const allLines = (c: Obj) => list(c, 'budgetLines').flatMap((l) => [l, ...list(l, 'subLines')]);

/**
 * What changed from one plan content to another (`planContent`): the plan's own fields, its sections, per theme
 * (matched by id) the theme's fields, goals, activities and indicators, the budget lines, regular tasks and
 * decisions – each added, changed (which fields, old → new) or removed.
 */
export function comparePlanContents(from: Obj, to: Obj): TPlanComparison {
  const names: [Names, Names] = [namesOf(from), namesOf(to)];
  // The plan's own fields: its lists are compared item by item below; its budget totals follow from the lines.
  const lists = ['sections', 'themes', 'jointPart', 'indicators', 'budgetLines', 'budget', 'regularTasks', 'decisions', 'organisations', 'people'];
  // A local part's joint themes are themes of its document: compared the same way (their ids differ from its own).
  const allThemes = (c: Obj) => [...((c.jointPart as Obj | null | undefined) ? list(c.jointPart as Obj, 'themes') : []), ...list(c, 'themes')];
  const oldThemes = new Map(allThemes(from).map((t) => [String(t.id), t]));
  const themes: TThemeChange[] = [];
  const children = (a: Obj | undefined, b: Obj | undefined) => ({
    goals: diffList(a ? list(a, 'goals') : [], b ? list(b, 'goals') : [], names),
    activities: diffList(a ? list(a, 'activities') : [], b ? list(b, 'activities') : [], names),
    indicators: diffList(a ? list(a, 'indicators') : [], b ? list(b, 'indicators') : [], names),
  });
  for (const t of allThemes(to)) {
    const old = oldThemes.get(String(t.id));
    if (!old) {
      themes.push({ id: String(t.id), title: titleOf(t), change: 'added', fields: [], ...children(undefined, t) });
      continue;
    }
    const fields = fieldChanges(old, t, names);
    const inside = children(old, t);
    if (fields.length || inside.goals.length || inside.activities.length || inside.indicators.length) {
      themes.push({ id: String(t.id), title: titleOf(t), change: fields.length ? 'changed' : null, fields, ...inside });
    }
  }
  const newIds = new Set(allThemes(to).map((t) => String(t.id)));
  for (const t of allThemes(from)) {
    if (!newIds.has(String(t.id))) themes.push({ id: String(t.id), title: titleOf(t), change: 'removed', fields: [], ...children(t, undefined) });
  }
  const result = {
    plan: fieldChanges(from, to, names, lists),
    sections: diffList(list(from, 'sections'), list(to, 'sections'), names, 'key'),
    themes,
    indicators: diffList(list(from, 'indicators'), list(to, 'indicators'), names),
    budgetLines: diffList(allLines(from), allLines(to), names),
    regularTasks: diffList(list(from, 'regularTasks'), list(to, 'regularTasks'), names),
    decisions: diffList(list(from, 'decisions'), list(to, 'decisions'), names),
  };
  const items = [
    ...result.sections, ...result.indicators, ...result.budgetLines, ...result.regularTasks, ...result.decisions,
    ...themes.flatMap((t) => [...(t.change ? [t as TItemChange] : []), ...t.goals, ...t.activities, ...t.indicators]),
  ];
  const count = (k: TChangeKind) => items.filter((i) => i.change === k).length;
  return { ...result, counts: { added: count('added'), changed: count('changed') + (result.plan.length ? 1 : 0), removed: count('removed') } };
}
