import type { ResourceDef } from '../core/resource.ts';
import * as S from './definitions.ts';
import { planKeeper } from './plan-status.ts';
import { servedReads } from './served-reads.ts';

/*
 * The plans room's entities as the write path takes them: each definition (definitions.ts) with whether its records
 * are the plan's content and, if so, the keeper that derives the plan's status after every content write (ADR 0014,
 * 0019). Measurements and spending are monitoring: they never change a plan's content. An activity's status is
 * monitoring too.
 */

export const plans: ResourceDef = { ...S.plans, served: servedReads('plans', 'plans'), isContent: true, keptBy: planKeeper('plans') };
export const themes: ResourceDef = { ...S.themes, served: servedReads('themes', 'themes'), isContent: true, keptBy: planKeeper('themes') };
export const goals: ResourceDef = { ...S.goals, served: servedReads('goals', 'goals'), isContent: true, keptBy: planKeeper('goals') };
export const indicators: ResourceDef = { ...S.indicators, served: servedReads('indicators', 'indicators'), isContent: true, keptBy: planKeeper('indicators') };
export const measurements: ResourceDef = { ...S.measurements, served: servedReads('measurements', 'measurements'), isContent: false };
export const activities: ResourceDef = { ...S.activities, served: servedReads('activities', 'activities'), isContent: true, keptBy: planKeeper('activities', ['status']) };
export const budgetLines: ResourceDef = { ...S.budgetLines, served: servedReads('budget-lines', 'budget_lines'), isContent: true, keptBy: planKeeper('budget_lines') };
export const spendingEntries: ResourceDef = { ...S.spendingEntries, isContent: false };
export const regularTasks: ResourceDef = { ...S.regularTasks, served: servedReads('regular-tasks', 'regular_tasks'), isContent: true, keptBy: planKeeper('regular_tasks') };
export const decisions: ResourceDef = { ...S.decisions, served: servedReads('decisions', 'decisions'), isContent: true, keptBy: planKeeper('decisions') };

/** The plans room's entities with generic routes. */
export const PLAN_RESOURCES: ResourceDef[] = [
  plans, themes, goals, indicators, measurements, activities, budgetLines, spendingEntries, regularTasks, decisions,
];
