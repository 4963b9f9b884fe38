import { z } from 'zod';
import {
  ZActivityFields, ZBudgetLineFields, ZCents, ZDecisionFields, ZGoalFields, ZIndicatorFields, ZMeasurementFields,
  ZOrganisationFields, ZPersonFields, ZPlanFields, ZRegularTaskFields, ZThemeFields,
} from './schemas.ts';

/*
 * A plan document: plans with everything in them, organisations and people, referring to each other by `key`
 * instead of database id. The demo data is written in this form (data/seeds/*.json) and it is what an import of
 * a whole plan takes. Keys are unique within the set of documents loaded together.
 */

const ZKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'Een sleutel bestaat uit a-z, 0-9 en -' }).max(120);
const keys = z.array(ZKey).default([]);

export const ZOrganisationDoc = ZOrganisationFields.omit({ parentId: true, memberIds: true }).extend({
  key: ZKey,
  parentKey: ZKey.nullable().optional(),
  memberKeys: keys,
});

export const ZPersonDoc = ZPersonFields.omit({ organisationId: true, userId: true }).extend({ key: ZKey, organisationKey: ZKey });

export const ZMeasurementDoc = ZMeasurementFields.omit({ indicatorId: true });

export const ZIndicatorDoc = ZIndicatorFields.omit({ planId: true, themeId: true, goalId: true }).extend({
  goalKey: ZKey.nullable().optional(),
  measurements: z.array(ZMeasurementDoc).default([]),
});

export const ZGoalDoc = ZGoalFields.omit({ themeId: true, position: true }).extend({ key: ZKey.optional() });

export const ZActivityDoc = ZActivityFields.omit({
  themeId: true, stakeholderIds: true, responsibleIds: true, goalIds: true, position: true,
}).extend({ stakeholderKeys: keys, responsibleKeys: keys, goalKeys: keys });

export const ZThemeDoc = ZThemeFields.omit({ planId: true, portfolioHolderIds: true, officialIds: true, position: true }).extend({
  portfolioHolderKeys: keys,
  officialKeys: keys,
  goals: z.array(ZGoalDoc).default([]),
  indicators: z.array(ZIndicatorDoc).default([]),
  activities: z.array(ZActivityDoc).default([]),
});

// Budget lines name no theme in a document: themes have no keys (yet).
const ZBudgetLineBase = ZBudgetLineFields.omit({ planId: true, parentId: true, funderId: true, themeId: true, position: true }).extend({
  funderKey: ZKey.nullable().optional(),
});
export const ZBudgetLineDoc = ZBudgetLineBase.extend({ subLines: z.array(ZBudgetLineBase).default([]) });

/** A total as the source document prints it, checked against the total Regie computes. */
export const ZPrintedTotal = z.object({
  label: z.string(),
  /** Which total: of all lines, or of the lines in one section. */
  section: z.string().nullable().optional(),
  year: z.number().int().nullable(),
  amountCents: ZCents,
  /** Whether PM lines and lines of other natures are left out; by default all non-PM lines count. */
  nature: z.enum(['structural', 'incidental']).nullable().optional(),
});

export const ZPlanDoc = ZPlanFields.omit({ ownerId: true, parentPlanId: true, jointPlanId: true }).extend({
  key: ZKey,
  ownerKey: ZKey,
  parentPlanKey: ZKey.nullable().optional(),
  jointPlanKey: ZKey.nullable().optional(),
  /** Plan-level indicators: the main targets and the figures of the veiligheidsbeeld. */
  indicators: z.array(ZIndicatorDoc).default([]),
  themes: z.array(ZThemeDoc).default([]),
  budgetLines: z.array(ZBudgetLineDoc).default([]),
  regularTasks: z.array(ZRegularTaskFields.omit({ planId: true, position: true })).default([]),
  decisions: z.array(ZDecisionFields.omit({ planId: true })).default([]),
  printedTotals: z.array(ZPrintedTotal).default([]),
});

export const ZPlanDocument = z.object({
  /** Where the content comes from. */
  source: z.object({ title: z.string(), file: z.string().optional(), note: z.string().optional() }),
  organisations: z.array(ZOrganisationDoc).default([]),
  people: z.array(ZPersonDoc).default([]),
  plans: z.array(ZPlanDoc).default([]),
});
export type TPlanDocument = z.infer<typeof ZPlanDocument>;
export type TPlanDoc = z.infer<typeof ZPlanDoc>;
export type TThemeDoc = z.infer<typeof ZThemeDoc>;
export type TBudgetLineDoc = z.infer<typeof ZBudgetLineDoc>;
