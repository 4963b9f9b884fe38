import {
  carriedAmounts, shiftYears, successorPeriod, successorTitle, yearsBetween, ZCarryOverInput, type TCarryOverResult, type TLeftOutKind,
} from '../../domain/carry-over.ts';
import { AppError, toFieldErrors } from '../../domain/errors.ts';
import { parseQuarterCode } from '../../domain/timeframe.ts';
import { plansText } from '../../text/nl/plans.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { createRecord } from '../core/write.ts';
import { exportPlan } from './plan-queries.ts';
import { keepPlanStatus } from './plan-status.ts';
import * as R from './resources.ts';

const OPEN = ['not_started', 'in_progress', 'delayed'];

/**
 * "Nieuw programma op basis van …": a new concept programme for the next period, holding the themes, goals, open
 * activities (their tijdpad moved by the years between the periods), indicators without measurements and the budget
 * structure without the amounts of past years (ADR 0021). Creating a plan in the owner's organisation is the
 * adviser's (the same rule as any new plan). One audit row says what was copied.
 */
export async function createSuccessorPlan(db: Db, ctx: RequestContext, planId: string, input: unknown): Promise<TCarryOverResult> {
  const parsed = ZCarryOverInput.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  return db.transaction(async (tx) => {
    const old = await exportPlan(tx, planId, ctx);
    if (old.kind !== 'uvp') {
      throw new AppError('validation', 'Alleen een uitvoeringsprogramma krijgt een volgend programma', [{ path: 'id', message: 'Geen uitvoeringsprogramma' }]);
    }
    const period = successorPeriod(old.periodEnd, parsed.data.periodStart, parsed.data.periodEnd);
    if (period.periodEnd < period.periodStart) {
      throw new AppError('validation', 'Het einde ligt voor het begin', [{ path: 'periodEnd', message: 'Het einde ligt voor het begin' }]);
    }
    const years = yearsBetween(old.periodStart, period.periodStart);
    const batch: RequestContext = { ...ctx, isAudited: false, deferred: new Set() };
    const plan = await createRecord(tx, R.plans, {
      ownerId: old.ownerId, kind: old.kind, parentPlanId: old.parentPlanId ?? null, jointPlanId: old.jointPlanId ?? null,
      title: parsed.data.title ?? successorTitle(old.title, years), ...period, status: 'draft',
      referenceAreaCodes: old.referenceAreaCodes,
    }, batch);
    const newPlanId = plan.id;
    const copied = { themes: 0, goals: 0, activities: 0, indicators: 0, budgetLines: 0, regularTasks: 0 };
    const left: Record<TLeftOutKind, number | null> = {
      closedActivities: 0, measurements: 0, pastAmounts: 0, progress: null, sections: old.sections.length ? null : 0,
      decisions: old.decisions.length, availableBudget: old.availableBudgetCents != null ? null : 0,
    };
    const themeIds = new Map<string, string>();
    const goalIds = new Map<string, string>();

    const copyIndicator = async (i: (typeof old.indicators)[number], themeId: string | null) => {
      await createRecord(tx, R.indicators, { ...i, planId: newPlanId, themeId, goalId: i.goalId ? goalIds.get(i.goalId) ?? null : null }, batch);
      copied.indicators++;
      left.measurements! += i.measurements.length;
    };
    for (const theme of old.themes) {
      const { id, planId: _, ...fields } = theme;
      const themeId = (await createRecord(tx, R.themes, { ...fields, planId: newPlanId }, batch)).id;
      themeIds.set(id, themeId);
      copied.themes++;
      for (const goal of theme.goals) {
        goalIds.set(goal.id, (await createRecord(tx, R.goals, { ...goal, themeId }, batch)).id);
        copied.goals++;
      }
      for (const indicator of theme.indicators) await copyIndicator(indicator, themeId);
      for (const activity of theme.activities) {
        if (!OPEN.includes(activity.status)) {
          left.closedActivities! += 1;
          continue;
        }
        await createRecord(tx, R.activities, {
          ...activity, themeId, timeframeText: shiftYears(activity.timeframeText, years),
          goalIds: activity.goalIds.map((g) => goalIds.get(g)).filter(Boolean),
        }, batch);
        copied.activities++;
      }
    }
    for (const indicator of old.indicators) await copyIndicator(indicator, null);

    const startYear = parseQuarterCode(period.periodStart).year;
    for (const line of old.budgetLines) {
      const { kept, dropped } = carriedAmounts(line.amounts, startYear);
      left.pastAmounts! += dropped;
      const themeId = line.themeId ? themeIds.get(line.themeId) ?? null : null;
      const lineId = (await createRecord(tx, R.budgetLines, { ...line, planId: newPlanId, parentId: null, themeId, amounts: kept }, batch)).id;
      copied.budgetLines++;
      for (const sub of line.subLines) {
        const subAmounts = carriedAmounts(sub.amounts, startYear);
        left.pastAmounts! += subAmounts.dropped;
        await createRecord(tx, R.budgetLines, { ...sub, planId: newPlanId, parentId: lineId, themeId: null, amounts: subAmounts.kept }, batch);
        copied.budgetLines++;
      }
    }
    for (const task of old.regularTasks) {
      await createRecord(tx, R.regularTasks, { ...task, planId: newPlanId }, batch);
      copied.regularTasks++;
    }
    await keepPlanStatus(tx, ctx, newPlanId);

    const leftOut = (Object.entries(left) as [TLeftOutKind, number | null][])
      .filter(([, count]) => count !== 0)
      .map(([kind, count]) => ({ kind, count, reason: plansText.carryOver.leftOut[kind] }));
    await writeAudit(tx, ctx.audit, {
      action: 'create', organisationId: old.ownerId, entity: 'plans', entityId: newPlanId,
      after: { sourcePlanId: old.id, title: plan.title, ...period, copied, leftOut: leftOut.map(({ kind, count }) => ({ kind, count })) },
    });
    return {
      plan: { id: newPlanId, title: plan.title as string, ...period, status: 'draft' },
      source: { id: old.id, title: old.title }, copied, leftOut,
    };
  });
}
