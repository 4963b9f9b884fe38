import { AppError } from '../../domain/errors.ts';
import type { TPlanDocument } from '../../domain/plan-document.ts';
import { normalisedName } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM_CONTEXT } from '../core/access.ts';
import { SYSTEM, writeAudit, type AuditActor } from '../core/audit.ts';
import { createRecord } from '../core/write.ts';
import * as A from '../accounts/definitions.ts';
import type { ResourceDef } from '../core/resource.ts';
import * as P from './resources.ts';

/** What an import created, by kind. */
export type ImportCounts = Record<string, number>;

/**
 * Loads plan documents (the demo data, or an imported plan) in one transaction, through the same validation as the
 * API: either everything is written or nothing. Keys are resolved to ids; a municipality that already exists (same
 * CBS code) is reused.
 */
export async function importPlanDocuments(db: Db, docs: TPlanDocument[], actor: AuditActor = SYSTEM): Promise<ImportCounts> {
  return db.transaction(async (tx) => {
    const counts: ImportCounts = {};
    const ids = new Map<string, string>();
    const create = async (def: ResourceDef, input: Record<string, unknown>, key?: string) => {
      const rec = await createRecord(tx, def, input, { ...SYSTEM_CONTEXT, audit: actor, isAudited: false });
      counts[def.name] = (counts[def.name] ?? 0) + 1;
      if (key) ids.set(`${def.name}:${key}`, rec.id);
      return rec.id;
    };
    const id = (kind: string, key: string | null | undefined, where: string) => {
      if (key == null) return null;
      const found = ids.get(`${kind}:${key}`);
      if (!found) throw new AppError('validation', `Onbekende sleutel "${key}" bij ${where}`, [{ path: where, message: 'Onbekende sleutel' }]);
      return found;
    };
    const idList = (kind: string, keys: string[], where: string) => keys.map((k) => id(kind, k, where)!);

    // Organisations: parents and members before the organisations that name them; each key once.
    const orgs = byKey(docs.flatMap((d) => d.organisations), 'organisatie');
    let pending = [...orgs.values()];
    while (pending.length) {
      const ready = pending.filter((o) => [o.parentKey, ...o.memberKeys].every((k) => !k || ids.has(`organisations:${k}`)));
      if (!ready.length) throw new AppError('validation', `Onbekende organisatie bij ${pending.map((o) => o.key).join(', ')}`);
      for (const { key, parentKey, memberKeys, ...o } of ready) {
        const parentId = id('organisations', parentKey, `organisation ${key}`);
        const [existing] = o.cbsCode
          ? await tx.query<{ id: string }>('select id from organisations where cbs_code = $1', [o.cbsCode])
          : await tx.query<{ id: string }>(SAME_NAME_SQL, [parentId, o.kind, normalisedName(o.name)]);
        if (existing) ids.set(`organisations:${key}`, existing.id);
        else {
          await create(A.organisations, { ...o, parentId, memberIds: idList('organisations', memberKeys, key) }, key);
        }
      }
      pending = pending.filter((o) => !ready.includes(o));
    }

    const people = byKey(docs.flatMap((d) => d.people), 'persoon');
    for (const { key, organisationKey, ...p } of people.values()) {
      await create(A.people, { ...p, organisationId: id('organisations', organisationKey, `person ${key}`) }, key);
    }

    // Plans: an IVP or joint programme before the plans that refer to it.
    let plans = docs.flatMap((d) => d.plans);
    while (plans.length) {
      const ready = plans.filter((p) => [p.parentPlanKey, p.jointPlanKey].every((k) => !k || ids.has(`plans:${k}`)));
      if (!ready.length) throw new AppError('validation', `Onbekend plan bij ${plans.map((p) => p.key).join(', ')}`);
      for (const plan of ready) await importPlan(plan);
      plans = plans.filter((p) => !ready.includes(p));
    }
    // One audit row for the whole import: what was imported, from which documents.
    await writeAudit(tx, actor, {
      action: 'import', organisationId: null, entity: 'plan-documents',
      after: { sources: docs.map((d) => d.source.title), counts },
    });
    return counts;

    async function importPlan(doc: TPlanDocument['plans'][number]) {
      const { key, ownerKey, parentPlanKey, jointPlanKey, indicators, themes, budgetLines, regularTasks, decisions, printedTotals: _, ...plan } = doc;
      const planId = await create(P.plans, {
        ...plan,
        ownerId: id('organisations', ownerKey, `plan ${key}`),
        parentPlanId: id('plans', parentPlanKey, `plan ${key}`),
        jointPlanId: id('plans', jointPlanKey, `plan ${key}`),
      }, key);

      const addIndicators = async (list: typeof indicators, themeId: string | null, goalIds: Map<string, string>, start: number) => {
        for (const [n, { measurements, goalKey, ...indicator }] of list.entries()) {
          const indicatorId = await create(P.indicators, {
            ...indicator, planId, themeId, goalId: goalKey ? goalIds.get(goalKey) ?? null : null, position: start + n,
          });
          for (const m of measurements) await create(P.measurements, { ...m, indicatorId });
        }
      };
      await addIndicators(indicators, null, new Map(), 0);

      for (const [n, { portfolioHolderKeys, officialKeys, goals, indicators: themeIndicators, activities, ...theme }] of themes.entries()) {
        const themeId = await create(P.themes, {
          ...theme, planId, position: n,
          portfolioHolderIds: idList('people', portfolioHolderKeys, theme.title),
          officialIds: idList('people', officialKeys, theme.title),
        });
        const goalIds = new Map<string, string>();
        for (const [g, { key: goalKey, ...goal }] of goals.entries()) {
          const goalId = await create(P.goals, { ...goal, themeId, position: g });
          if (goalKey) goalIds.set(goalKey, goalId);
        }
        await addIndicators(themeIndicators, themeId, goalIds, 0);
        for (const [a, { stakeholderKeys, responsibleKeys, goalKeys, ...activity }] of activities.entries()) {
          await create(P.activities, {
            ...activity, themeId, position: a,
            stakeholderIds: idList('organisations', stakeholderKeys, activity.title),
            responsibleIds: idList('people', responsibleKeys, activity.title),
            goalIds: goalKeys.map((k) => goalIds.get(k) ?? id('goals', k, activity.title)!),
          });
        }
      }

      for (const [n, { subLines, funderKey, ...line }] of budgetLines.entries()) {
        const lineId = await create(P.budgetLines, { ...line, planId, position: n, funderId: id('organisations', funderKey, line.title) });
        for (const [s, { funderKey: subFunder, ...sub }] of subLines.entries()) {
          await create(P.budgetLines, { ...sub, planId, parentId: lineId, position: s, funderId: id('organisations', subFunder, sub.title) });
        }
      }
      for (const [n, task] of regularTasks.entries()) await create(P.regularTasks, { ...task, planId, position: n });
      for (const decision of decisions) await create(P.decisions, { ...decision, planId });
    }
  });
}

/**
 * A team or partner of the same organisation written twice in the sources ("Sociaal domein" and "Sociaal Domein") is
 * one organisation: names are compared without case and extra spaces. Municipalities match on their CBS code.
 */
const SAME_NAME_SQL = `select id from organisations where parent_id is not distinct from $1 and kind = $2
  and lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) = $3 order by created_at limit 1`;

/** Items by key; a key may be defined in several documents, but only with the same content. */
function byKey<T extends { key: string }>(items: T[], label: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const seen = map.get(item.key);
    if (seen && JSON.stringify(seen) !== JSON.stringify(item)) {
      throw new AppError('validation', `De ${label} "${item.key}" is in twee documenten verschillend beschreven`, [
        { path: item.key, message: 'Verschillende beschrijvingen' },
      ]);
    }
    map.set(item.key, item);
  }
  return map;
}
