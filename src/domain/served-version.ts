import { parseFrequency } from './frequency.ts';
import { checkTarget, indicatorStatus, type StatusIndicator, type StatusMeasurementInput } from './indicator.ts';
import { parseQuarterCode, parseTimeframe } from './timeframe.ts';

/*
 * A plan as a reader who may not read its draft reads it (ADR 0020): the frozen content of the newest version they may
 * read (text and structure, with the record ids), with the monitoring of today – activity status, measurements and
 * indicator status – and the bookkeeping of the live records. The result has the export's shape, so every page that
 * reads a plan reads it the same way, whichever text it is served.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** The live records of an export by the list they stand in and their id (`activities:<id>`). */
function indexRecords(value: unknown, list: string, into: Map<string, Obj>): Map<string, Obj> {
  if (Array.isArray(value)) value.forEach((v) => indexRecords(v, list, into));
  else if (isObj(value)) {
    if (typeof value.id === 'string') into.set(`${list}:${value.id}`, value);
    for (const [k, v] of Object.entries(value)) if (typeof v === 'object') indexRecords(v, k, into);
  }
  return into;
}

/**
 * What a served record takes from its live counterpart: only what adoption does not freeze – the bookkeeping and the
 * monitoring (an activity's status, an indicator's measurements). Everything else is the frozen text or absent: a
 * field, list or joint programme the version lacks is never filled in from the draft.
 */
const LIVE_KEYS = ['version', 'createdAt', 'updatedAt', 'status', 'measurements'];
const liveOnly = (o: Obj): Obj => Object.fromEntries(LIVE_KEYS.filter((k) => k in o).map((k) => [k, o[k]]));

/** Each frozen record over its live monitoring (or `missing`, for a record removed since): the frozen text wins. */
function overlay(frozen: unknown, list: string, live: Map<string, Obj>, missing: Obj): unknown {
  if (Array.isArray(frozen)) return frozen.map((f) => overlay(f, list, live, missing));
  if (!isObj(frozen)) return frozen;
  const own = typeof frozen.id === 'string' ? liveOnly(live.get(`${list}:${frozen.id}`) ?? missing) : {};
  return { ...own, ...Object.fromEntries(Object.entries(frozen).map(([k, v]) => [k, overlay(v, k, live, missing)])) };
}

/** The lists of an export, empty where a version frozen before they existed has none. */
const LISTS = ['sections', 'themes', 'indicators', 'budgetLines', 'regularTasks', 'decisions', 'people'];

/** Monitoring and what is computed from the frozen texts, for the activities, indicators and tasks of a theme list. */
function withMonitoring(themes: unknown, year: number): Obj[] {
  return ((themes as Obj[] | undefined) ?? []).map((t) => ({
    ...t,
    activities: ((t.activities as Obj[] | undefined) ?? []).map((a) => ({
      ...a,
      status: a.status ?? 'not_started',
      timeframe: parseTimeframe(String(a.timeframeText ?? ''), year),
      frequency: parseFrequency(String(a.frequencyText ?? '')),
    })),
    indicators: indicatorsNow(t.indicators),
  }));
}

function indicatorsNow(list: unknown): Obj[] {
  return ((list as Obj[] | undefined) ?? []).map((i) => {
    const measurements = (i.measurements as StatusMeasurementInput[] | undefined) ?? [];
    return { ...i, measurements, targetProblems: checkTarget(i as StatusIndicator), status: indicatorStatus(i as StatusIndicator, measurements) };
  });
}

/**
 * The plan as of a version: `frozen` is the version's content (`planContent`), `live` the plan's export today, `facts`
 * the version's own workflow facts (status, adopted by and on, reference) and `missing` the bookkeeping of records
 * removed from the live plan since (their monitoring is gone with them).
 */
export function planAsOfVersion(frozen: Obj, live: Obj, facts: Obj, missing: Obj): Obj {
  const index = indexRecords(live, 'plan', new Map());
  const lists = Object.fromEntries(LISTS.filter((k) => k in live).map((k) => [k, []]));
  const plan = { ...lists, ...(overlay(frozen, 'plan', index, missing) as Obj), ...facts };
  const year = parseQuarterCode(String(plan.periodStart)).year;
  const joint = plan.jointPart as Obj | null | undefined;
  return {
    ...plan,
    jointPart: joint ? { ...joint, themes: withMonitoring(joint.themes, year) } : null,
    themes: withMonitoring(plan.themes, year),
    indicators: indicatorsNow(plan.indicators),
    regularTasks: ((plan.regularTasks as Obj[] | undefined) ?? []).map((r) => ({ ...r, frequency: parseFrequency(String(r.frequencyText ?? '')) })),
  };
}

/** The records of one entity in a plan as of a version (as `planAsOfVersion` gives it), flat, without their nested lists. */
export function recordsOf(plan: Obj, entity: string): Obj[] {
  const themes = (plan.themes as Obj[] | undefined) ?? [];
  const flat = (list: Obj[]) => list.map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => !['goals', 'activities', 'indicators', 'subLines'].includes(k))));
  switch (entity) {
    case 'plans': return [plan];
    case 'themes': return flat(themes);
    case 'goals': return themes.flatMap((t) => t.goals as Obj[]);
    case 'activities': return themes.flatMap((t) => t.activities as Obj[]);
    case 'indicators': return [...(plan.indicators as Obj[]), ...themes.flatMap((t) => t.indicators as Obj[])];
    case 'measurements': return recordsOf(plan, 'indicators').flatMap((i) => (i.measurements as Obj[] | undefined) ?? []);
    case 'budget-lines': return flat((plan.budgetLines as Obj[]).flatMap((l) => [l, ...((l.subLines as Obj[] | undefined) ?? [])]));
    case 'regular-tasks': return plan.regularTasks as Obj[];
    case 'decisions': return plan.decisions as Obj[];
    default: return [];
  }
}
