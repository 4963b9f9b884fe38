import { computeBudgetUse, periodYears, type BudgetUse, type SpentLike, type UseLineLike } from '../../domain/budget-use.ts';
import type { TBudgetAmount } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';

interface UseRow {
  plan_id: string;
  period_start: string;
  period_end: string;
  id: string | null;
  parent_id: string | null;
  theme_id: string | null;
  is_pm: boolean;
  amounts: TBudgetAmount[];
  /** Spending on the line, summed per year. */
  spent: { year: number; amountCents: number }[] | null;
}

/**
 * Budget use (planned, spent, remaining, over budget; per line, year, theme and in total) of any number of plans, in
 * one query: the lines with their spending summed per year, computed by the domain's rules. The budget page asks for
 * one plan, dashboards for many. It does not check who asks: the caller passes only plans the actor may read.
 */
export async function budgetUseOfPlans(db: Db, planIds: string[]): Promise<Map<string, BudgetUse>> {
  if (!planIds.length) return new Map();
  const rows = await db.query<UseRow>(
    `select p.id as plan_id, p.period_start, p.period_end, b.id, b.parent_id, b.theme_id, b.is_pm, b.amounts, s.spent
       from plans p
       left join budget_lines b on b.plan_id = p.id
       left join lateral (
         select json_agg(json_build_object('year', e.year, 'amountCents', e.cents) order by e.year) as spent
           from (select year, sum(amount_cents) as cents from spending_entries where budget_line_id = b.id group by year) e
       ) s on true
      where p.id = any($1::uuid[])
      order by p.id, b.position, b.created_at`,
    [planIds],
  );
  const byPlan = new Map<string, { period: [string, string]; lines: UseLineLike[]; spent: SpentLike[] }>();
  for (const r of rows) {
    const plan = byPlan.get(r.plan_id) ?? { period: [r.period_start, r.period_end], lines: [], spent: [] };
    byPlan.set(r.plan_id, plan);
    if (!r.id) continue;
    plan.lines.push({ id: r.id, parentId: r.parent_id, themeId: r.theme_id, isPm: r.is_pm, amounts: r.amounts });
    for (const s of r.spent ?? []) plan.spent.push({ budgetLineId: r.id, year: s.year, amountCents: Number(s.amountCents) });
  }
  return new Map(
    [...byPlan].map(([planId, p]) => [planId, computeBudgetUse(p.lines, p.spent, periodYears(...p.period))]),
  );
}

/** Budget use of the given lines – a plan as of an adopted version (ADR 0020) – with the spending on them today. */
export async function budgetUseOfLines(db: Db, period: [string, string], lines: UseLineLike[]): Promise<BudgetUse> {
  const rows = await db.query<{ budget_line_id: string; year: number; cents: string | number }>(
    `select budget_line_id, year, sum(amount_cents) as cents from spending_entries
      where budget_line_id = any($1::uuid[]) group by budget_line_id, year`,
    [lines.map((l) => l.id)],
  );
  const spent = rows.map((r) => ({ budgetLineId: r.budget_line_id, year: r.year, amountCents: Number(r.cents) }));
  return computeBudgetUse(lines, spent, periodYears(...period));
}
