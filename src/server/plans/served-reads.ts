import { recordsOf } from '../../domain/served-version.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import type { Record_, Row, ServedReads } from '../core/resource.ts';
import { exportPlan } from './plan-queries.ts';
import { PLAN_ID_SQL } from './plan-of.ts';
import { plans as plansDef } from './definitions.ts';
import { servedVersionOf } from './served-version.ts';
import { getRecord } from '../core/read.ts';
import type { TPlan } from '../../domain/schemas.ts';

/*
 * The generic reads of plan content for who reads an adopted version instead of the draft (ADR 0020): a record by id
 * and a list by plan or theme come from the plan as of that version, so bookmarks and the pages' lists keep working.
 */

/** The plan a record belongs to: the live record's, or – for a record removed since – the newest version holding it. */
async function planOfRecord(db: Db, table: string, id: string): Promise<string | null> {
  const [live] = await db.query<{ plan_id: string }>(`select ${PLAN_ID_SQL[table]('r')} as plan_id from ${table} r where r.id = $1`, [id]);
  if (live) return live.plan_id;
  const [frozen] = await db.query<{ plan_id: string }>(
    `select plan_id from document_versions where document = 'plan' and strpos(content, $1) > 0 order by created_at desc limit 1`, [`"${id}"`],
  );
  return frozen?.plan_id ?? null;
}

/** The plan as the actor reads it when that is an adopted version instead of the live plan; null otherwise. */
async function servedPlan(db: Db, ctx: RequestContext, planId: string | null) {
  // Only a served reader pays for the export: staff, and readers of the live plan, get null at the cost of the check.
  if (!planId || !(await servedVersionOf(db, ctx, planId).catch(() => null))) return null;
  const doc = await exportPlan(db, planId, ctx).catch(() => null);
  return doc?.servedVersion ? doc : null;
}

/** The served reads of a plan-content entity (`entity` as `recordsOf` names it, `table` its table). */
export function servedReads(entity: string, table: string): ServedReads {
  return {
    get: async (db, ctx, id) => {
      const doc = await servedPlan(db, ctx, await planOfRecord(db, table, id));
      return ((doc && recordsOf(doc, entity).find((r) => r.id === id)) ?? null) as Record_ | null;
    },
    list: async (db, ctx, filter: Row) => {
      if (ctx.isSystem) return null;
      const planId = typeof filter.planId === 'string' ? filter.planId
        : typeof filter.themeId === 'string' ? await planOfRecord(db, 'themes', filter.themeId)
          : typeof filter.indicatorId === 'string' ? await planOfRecord(db, 'indicators', filter.indicatorId) : null;
      const doc = await servedPlan(db, ctx, planId).catch(() => null);
      if (!doc) return null;
      const given = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
      return recordsOf(doc, entity).filter((r) => given.every(([k, v]) => String(r[k]) === String(v))) as Record_[];
    },
  };
}

/** A plan as the actor reads it: the live record, or the plan as of the version served to them (ADR 0020). */
export async function readPlan(db: Db, planId: string, ctx: RequestContext): Promise<TPlan> {
  if (await servedVersionOf(db, ctx, planId)) return exportPlan(db, planId, ctx);
  return (await getRecord(db, plansDef, planId, ctx)) as TPlan;
}
