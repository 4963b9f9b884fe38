import type { Db } from '../db/client.ts';
import type { Row } from '../core/resource.ts';

/*
 * The plan a record of plan content belongs to: as SQL for lists, and through a (new or stored) record's fields.
 */

/** SQL for the id of the plan a record of `table` belongs to; `a` is the record's alias. */
export const PLAN_ID_SQL: Record<string, (a: string) => string> = {
  plans: (a) => `${a}.id`,
  themes: (a) => `${a}.plan_id`,
  goals: (a) => `(select t.plan_id from themes t where t.id = ${a}.theme_id)`,
  indicators: (a) => `${a}.plan_id`,
  measurements: (a) => `(select i.plan_id from indicators i where i.id = ${a}.indicator_id)`,
  activities: (a) => `(select t.plan_id from themes t where t.id = ${a}.theme_id)`,
  budget_lines: (a) => `${a}.plan_id`,
  spending_entries: (a) => `${a}.plan_id`,
  regular_tasks: (a) => `${a}.plan_id`,
  decisions: (a) => `${a}.plan_id`,
};

const planOf = async (tx: Db, table: string, id: unknown) =>
  (await tx.query<{ plan_id: string }>(`select plan_id from ${table} where id = $1`, [id]))[0]?.plan_id ?? null;

/** The plan a (new or stored) record of `table` belongs to, through its fields. */
export async function planIdOf(tx: Db, table: string, rec: Row): Promise<string | null> {
  if (table === 'plans') return (rec.id as string) ?? null;
  if (rec.planId) return rec.planId as string;
  if (rec.themeId) return planOf(tx, 'themes', rec.themeId);
  if (rec.indicatorId) return planOf(tx, 'indicators', rec.indicatorId);
  if (rec.budgetLineId) return planOf(tx, 'budget_lines', rec.budgetLineId);
  return null;
}
