import { z } from 'zod';
import zodNl from 'zod/v4/locales/nl.js';
import { REQUIRED } from './errors.ts';
import { ZQuarterCode, ZTimeframe } from './timeframe.ts';

// Zod's own messages (wrong type, too long …) in Dutch, on the server and in the web app alike.
z.config(zodNl());
import { ZFrequency } from './frequency.ts';
import { ZPublicSiteSettings } from './public-site.ts';

/*
 * The entities of a plan, as the API reads and writes them. Each entity has a `Z<Name>Fields` object (what a client
 * may write), a `Z<Name>Create` schema (the fields plus the rules between them) and a `Z<Name>` output schema.
 * Updates are PATCHes: the service merges the patch into the stored record and validates the result with the create
 * schema, so the rules between fields hold after every write.
 */

export const ZId = z.uuid({ message: 'Ongeldige id' });
// PostgreSQL cannot store the NUL character; refuse it here rather than fail in the database.
export const text = (max: number) =>
  z.string().trim().max(max, { message: `Maximaal ${max} tekens` }).refine((s) => !s.includes('\u0000'), { message: 'Ongeldig teken' });
const required = (max: number) => text(max).min(1, { message: REQUIRED });
export const optionalText = (max: number) => text(max).nullable().optional();
export const ZDate = z.iso
  .date({ message: 'Gebruik de vorm JJJJ-MM-DD' })
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', { message: 'Kies een datum tussen 1900 en 2100' });
export const ZCents = z.number().int({ message: 'Bedrag in hele centen' }).min(-1e14).max(1e14);
const ZYear = z.number().int().min(1990).max(2100);

export const ZCbsCode = z.string().regex(/^GM\d{4}$/, { message: 'Een CBS-gemeentecode heeft de vorm GM0000' });
/** A CBS region code: the Netherlands (NL01), a province (PV27), a police unit (RE03) or a municipality (GM0406). */
export const ZRegionCode = z.string().regex(/^(NL\d{2}|PV\d{2}|RE\d{2}|GM\d{4})$/, {
  message: 'Een CBS-regiocode heeft de vorm NL01, PV27, RE03 of GM0406',
});
export const ZKernbeleidCode = z.string().regex(/^([1-5]|X)\.\d{1,2}$/, { message: 'Een Kernbeleid-code heeft de vorm 5.2' });

export const ORGANISATION_KINDS = ['municipality', 'collaboration', 'partner', 'team'] as const;
export const COLLABORATION_KINDS = ['district', 'basisteam', 'region', 'other'] as const;
export const PARTNER_KINDS = [
  'police', 'prosecutor', 'riec', 'care_safety_house', 'halt', 'welfare', 'housing', 'fire_service',
  'safety_region', 'health', 'education', 'business', 'residents', 'government', 'other',
] as const;
export const PERSON_ROLES = ['mayor', 'alderman', 'municipal_secretary', 'adviser', 'official', 'partner_contact', 'other'] as const;
export const PLAN_KINDS = ['ivp', 'uvp'] as const;
export const PLAN_STATUSES = ['draft', 'adopted', 'sent_to_council', 'published', 'archived'] as const;
export const DECIDING_BODIES = ['council', 'college', 'mayor'] as const;
export const THEME_SCOPES = ['joint', 'local', 'other'] as const;
export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export const TARGET_KINDS = ['absolute', 'relative', 'maximum', 'minimum'] as const;
export const MEASUREMENT_KINDS = ['value', 'change_percent'] as const;
export const ACTIVITY_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export type TActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const BUDGET_NATURES = ['structural', 'incidental'] as const;
export const FUNDING_KINDS = ['own', 'subsidy'] as const;
export const FOLLOW_UP_KINDS = ['inform_council', 'publish', 'start', 'evaluate', 'other'] as const;

const ZSection = z.object({ key: required(60), title: required(200), body: text(50_000) });
export type TSection = z.infer<typeof ZSection>;

/** Fields every stored record has. */
const stored = {
  id: ZId,
  ownerId: ZId.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** An update names the version it was based on, so concurrent edits are detected (409). */
export const ZVersion = z.object({ version: z.number().int().min(1, { message: 'Verplicht veld' }) });

// Organisations ------------------------------------------------------------------------------------------------------

export const ZOrganisationFields = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  name: required(200),
  shortName: optionalText(60),
  cbsCode: ZCbsCode.nullable().optional(),
  collaborationKind: z.enum(COLLABORATION_KINDS).nullable().optional(),
  partnerKind: z.enum(PARTNER_KINDS).nullable().optional(),
  /** A team's municipality; a local partner's municipality or collaboration. */
  parentId: ZId.nullable().optional(),
  /** A collaboration's member municipalities. */
  memberIds: z.array(ZId).max(400).optional(),
  /** A municipality's or collaboration's design tokens for the public site (colours checked for WCAG contrast). */
  publicSite: ZPublicSiteSettings.nullable().optional(),
});
export const ZOrganisationCreate = ZOrganisationFields.superRefine((o, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (o.kind === 'municipality' && !o.cbsCode) issue('cbsCode', 'Een gemeente heeft een CBS-code');
  if (o.kind !== 'municipality' && o.cbsCode) issue('cbsCode', 'Alleen een gemeente heeft een CBS-code');
  if (o.kind === 'collaboration' && !o.collaborationKind) issue('collaborationKind', 'Kies het soort samenwerking');
  if (o.kind !== 'collaboration' && o.memberIds?.length) issue('memberIds', 'Alleen een samenwerking heeft leden');
  if (o.kind === 'partner' && !o.partnerKind) issue('partnerKind', 'Kies het soort partner');
  if (o.kind === 'team' && !o.parentId) issue('parentId', 'Een team hoort bij een gemeente');
  if (o.publicSite && o.kind !== 'municipality' && o.kind !== 'collaboration') issue('publicSite', 'Alleen een gemeente of samenwerking publiceert');
});
export const ZOrganisation = ZOrganisationFields.extend({ ...stored, memberIds: z.array(ZId) });

/** An organisation's name as compared for duplicates: without case and extra spaces ("Sociaal Domein" = "sociaal  domein"). */
export const normalisedName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
export type TOrganisation = z.infer<typeof ZOrganisation>;

// People -------------------------------------------------------------------------------------------------------------

export const ZPersonFields = z.object({
  organisationId: ZId,
  name: required(200),
  role: z.enum(PERSON_ROLES),
  functionTitle: optionalText(200),
  email: z.email({ message: 'Ongeldig e-mailadres' }).max(254).nullable().optional(),
  /** The Regie account of this person, so their activities and update requests reach them ("mijn updates"). */
  userId: ZId.nullable().optional(),
});
export const ZPersonCreate = ZPersonFields;
export const ZPerson = ZPersonFields.extend(stored);
export type TPerson = z.infer<typeof ZPerson>;

// Plans --------------------------------------------------------------------------------------------------------------

export const ZPlanFields = z.object({
  ownerId: ZId,
  kind: z.enum(PLAN_KINDS),
  /** A UVP's IVP. */
  parentPlanId: ZId.nullable().optional(),
  /** A local part's joint (district, basisteam) programme. */
  jointPlanId: ZId.nullable().optional(),
  title: required(300),
  subtitle: optionalText(300),
  periodStart: ZQuarterCode,
  periodEnd: ZQuarterCode,
  status: z.enum(PLAN_STATUSES).default('draft'),
  adoptedBy: z.enum(DECIDING_BODIES).nullable().optional(),
  adoptedOn: ZDate.nullable().optional(),
  decisionReference: optionalText(200),
  availableBudgetCents: ZCents.nullable().optional(),
  sections: z.array(ZSection).max(100).default([]),
  /** The areas the plan compares its figures with: the Netherlands, a province or police unit, comparable municipalities. */
  referenceAreaCodes: z.array(ZRegionCode).max(50).default([]),
});
export const ZPlanCreate = ZPlanFields.superRefine((p, ctx) => {
  if (p.periodEnd < p.periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Het einde ligt voor het begin' });
  }
  if (p.kind === 'ivp' && p.parentPlanId) {
    ctx.addIssue({ code: 'custom', path: ['parentPlanId'], message: 'Een IVP hoort niet bij een ander plan' });
  }
});
/**
 * The adopted version a reader is served instead of the draft they may not read (ADR 0020): absent for the live plan.
 */
export const ZServedVersion = z.object({
  id: ZId, number: z.number().int().positive(), status: z.enum(PLAN_STATUSES), adoptedOn: ZDate,
});
export type TServedVersion = z.infer<typeof ZServedVersion>;
export const ZPlan = ZPlanFields.extend({ ...stored, ownerId: ZId, servedVersion: ZServedVersion.optional() });
export type TPlan = z.infer<typeof ZPlan>;

/** A plan in a list: enough to choose it. */
export const ZPlanSummary = ZPlan.pick({
  id: true, kind: true, title: true, periodStart: true, periodEnd: true, status: true, ownerId: true,
  parentPlanId: true, jointPlanId: true,
}).extend({
  owner: z.object({ id: ZId, name: z.string(), kind: z.enum(ORGANISATION_KINDS), cbsCode: z.string().nullable().optional() }),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

// Themes -------------------------------------------------------------------------------------------------------------

export const ZThemeFields = z.object({
  planId: ZId,
  number: optionalText(20),
  title: required(300),
  scope: z.enum(THEME_SCOPES),
  kernbeleidCodes: z.array(ZKernbeleidCode).max(10).default([]),
  portfolioHolderIds: z.array(ZId).max(20).default([]),
  /** Responsible officials in order: the first is eerste verantwoordelijke, the others achtervang. */
  officialIds: z.array(ZId).max(20).default([]),
  challenge: optionalText(50_000),
  motivation: optionalText(50_000),
  evaluation: optionalText(50_000),
  ambition: optionalText(50_000),
  approach: optionalText(50_000),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZThemeCreate = ZThemeFields;
export const ZTheme = ZThemeFields.extend(stored);
export type TTheme = z.infer<typeof ZTheme>;

// Goals --------------------------------------------------------------------------------------------------------------

export const ZGoalFields = z.object({
  themeId: ZId,
  title: required(2000),
  description: optionalText(20_000),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZGoalCreate = ZGoalFields;
export const ZGoal = ZGoalFields.extend(stored);
export type TGoal = z.infer<typeof ZGoal>;

// Indicators ---------------------------------------------------------------------------------------------------------

export const ZIndicatorFields = z.object({
  planId: ZId,
  themeId: ZId.nullable().optional(),
  goalId: ZId.nullable().optional(),
  name: required(500),
  source: optionalText(300),
  unit: optionalText(60),
  direction: z.enum(DIRECTIONS).default('neutral'),
  baselineValue: z.number().finite().nullable().optional(),
  baselineYear: ZYear.nullable().optional(),
  targetKind: z.enum(TARGET_KINDS).nullable().optional(),
  /** The value to reach (absolute), the cap (maximum), the floor (minimum), or the stated result of a relative target. */
  targetValue: z.number().finite().nullable().optional(),
  /** A relative target: the change against the baseline in percent (-25 for "-25%"). */
  targetChangePercent: z.number().finite().min(-100).max(10_000).nullable().optional(),
  targetYear: ZYear.nullable().optional(),
  /** The target as the document writes it ("60 (-25%)", "Max. 1,2%"). */
  targetText: optionalText(200),
  /** The key under which open-data files name the indicator ("geregistreerde_misdrijven"); unique within the plan. */
  importKey: z.string().trim().max(100, { message: 'Maximaal 100 tekens' })
    .regex(/^[a-z0-9_]+$/, { message: 'Alleen kleine letters, cijfers en _, bijvoorbeeld geregistreerde_misdrijven' })
    .nullable().optional(),
  /** A category of the plan owner's meldpunt: its monthly counts become measurements (source "Meldpunt (Regie)"). */
  meldpuntCategoryKey: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: 'Kies een categorie van het meldpunt' }).nullable().optional(),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZIndicatorCreate = ZIndicatorFields.superRefine((i, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (i.targetKind === 'relative' && i.targetChangePercent == null) issue('targetChangePercent', 'Een relatief doel heeft een percentage');
  if (i.targetKind && i.targetKind !== 'relative' && i.targetValue == null) issue('targetValue', 'Vul de doelwaarde in');
  if (i.targetKind === 'relative' && i.baselineValue == null) issue('baselineValue', 'Een relatief doel heeft een nulmeting');
});
export const ZIndicator = ZIndicatorFields.extend(stored);
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZMeasurementFields = z.object({
  indicatorId: ZId,
  /** The period as written ("jan-jun 2017", "2017"). */
  periodLabel: required(60),
  periodStart: ZDate,
  periodEnd: ZDate,
  kind: z.enum(MEASUREMENT_KINDS).default('value'),
  value: z.number().finite(),
  /** A reference area ("Midden-Nederland"); empty, with `areaCode`, for the plan owner's own area. */
  area: optionalText(120),
  /** The reference area's CBS region code, where it has one (imports match on it). */
  areaCode: ZRegionCode.nullable().optional(),
  source: optionalText(300),
  isProvisional: z.boolean().default(false),
  note: optionalText(2000),
});
export const ZMeasurementCreate = ZMeasurementFields.refine((m) => m.periodEnd >= m.periodStart, {
  path: ['periodEnd'],
  message: 'Het einde ligt voor het begin',
});
export const ZMeasurement = ZMeasurementFields.extend(stored);
export type TMeasurement = z.infer<typeof ZMeasurement>;

// Activities ---------------------------------------------------------------------------------------------------------

export const ZActivityFields = z.object({
  themeId: ZId,
  title: required(1000),
  explanation: optionalText(20_000),
  timeframeText: text(300).default(''),
  frequencyText: text(300).default(''),
  /** Betrokkenen as the document writes them; `stakeholderIds` links the organisations and teams. */
  stakeholdersText: text(1000).default(''),
  stakeholderIds: z.array(ZId).max(50).default([]),
  responsibleIds: z.array(ZId).max(20).default([]),
  goalIds: z.array(ZId).max(50).default([]),
  status: z.enum(ACTIVITY_STATUSES).default('not_started'),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZActivityCreate = ZActivityFields;
export const ZActivity = ZActivityFields.extend({ ...stored, timeframe: ZTimeframe, frequency: ZFrequency });
export type TActivity = z.infer<typeof ZActivity>;

/** Filters of a programme's activity table; also the query of /plans/{id}/activities and the web app's URL. */
export const ZActivityFilter = z.object({
  themeId: ZId.optional(),
  scope: z.enum(THEME_SCOPES).optional(),
  stakeholderId: ZId.optional(),
  responsibleId: ZId.optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** "2023-Q4": activities with planned work in that quarter. */
  quarter: ZQuarterCode.optional(),
  /** "true": only the activities with fewer occurrences than planned to date (the dashboards' "loopt achter"). */
  lagging: z.literal('true').optional(),
  q: z.string().max(200).optional(),
});
export type TActivityFilter = z.infer<typeof ZActivityFilter>;

// Budget -------------------------------------------------------------------------------------------------------------

/** An amount for one year, or, with `year` null, an amount per year throughout the plan period. */
export const ZBudgetAmount = z.object({ year: ZYear.nullable(), amountCents: ZCents });
export type TBudgetAmount = z.infer<typeof ZBudgetAmount>;

export const ZBudgetLineFields = z.object({
  planId: ZId,
  /** A sub-specification's line. */
  parentId: ZId.nullable().optional(),
  title: required(500),
  /** The table the line stands in ("Overzicht beschikbare subsidies"). */
  section: optionalText(300),
  nature: z.enum(BUDGET_NATURES).nullable().optional(),
  /** Pro memorie: the amount is not yet known. */
  isPm: z.boolean().default(false),
  funding: z.enum(FUNDING_KINDS).default('own'),
  funderId: ZId.nullable().optional(),
  funderName: optionalText(300),
  /** The theme a main line pays for, so budget use can be reported per theme; a sub-line follows its main line. */
  themeId: ZId.nullable().optional(),
  /** A subsidy's grant: its reference (beschikkingskenmerk), conditions, end date and the date to account for it by. */
  grantReference: optionalText(200),
  conditions: optionalText(5000),
  endDate: ZDate.nullable().optional(),
  accountabilityDate: ZDate.nullable().optional(),
  note: optionalText(5000),
  amounts: z.array(ZBudgetAmount).max(50).default([]),
  position: z.number().int().min(0).max(10_000).default(0),
});
/** The fields that only a subsidy has. */
export const SUBSIDY_FIELDS = ['grantReference', 'conditions', 'endDate', 'accountabilityDate'] as const;
export const ZBudgetLineCreate = ZBudgetLineFields.superRefine((b, ctx) => {
  if (b.isPm && b.amounts.length) {
    ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'Een PM-post heeft nog geen bedrag' });
  }
  const years = b.amounts.map((a) => a.year);
  if (new Set(years).size !== years.length) {
    ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'Elk jaar komt één keer voor' });
  }
  if (b.funding === 'own' && (b.funderId || b.funderName)) {
    ctx.addIssue({ code: 'custom', path: ['funderName'], message: 'Alleen een subsidie heeft een subsidiegever' });
  }
  for (const field of SUBSIDY_FIELDS) {
    if (b.funding === 'own' && b[field]) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'Alleen een subsidie heeft een kenmerk, voorwaarden en data' });
    }
  }
  if (b.parentId && b.themeId) {
    ctx.addIssue({ code: 'custom', path: ['themeId'], message: 'Een subpost hoort bij het thema van zijn hoofdpost' });
  }
  if (b.endDate && b.accountabilityDate && b.accountabilityDate < b.endDate) {
    ctx.addIssue({ code: 'custom', path: ['accountabilityDate'], message: 'De verantwoording volgt op het einde van de subsidie' });
  }
});
export const ZBudgetLine = ZBudgetLineFields.extend(stored);
export type TBudgetLine = z.infer<typeof ZBudgetLine>;

// Spending (budget realisation) --------------------------------------------------------------------------------------

/**
 * Money spent on a budget line, counted against a budget year (boekjaar). The year is its own field: an invoice of
 * December may be paid in January and still count against the old year.
 */
export const ZSpendingEntryFields = z.object({
  budgetLineId: ZId,
  year: ZYear,
  /** Negative for a correction or refund (creditnota); never zero. */
  amountCents: ZCents.refine((c) => c !== 0, { message: 'Vul een bedrag in (niet nul)' }),
  /** The date of the invoice or payment. */
  spentOn: ZDate,
  note: optionalText(2000),
});
export const ZSpendingEntryCreate = ZSpendingEntryFields;
export const ZSpendingEntry = ZSpendingEntryFields.extend({ ...stored, planId: ZId });
export type TSpendingEntry = z.infer<typeof ZSpendingEntry>;

// Regular tasks ------------------------------------------------------------------------------------------------------

export const ZRegularTaskFields = z.object({
  planId: ZId,
  title: required(500),
  description: optionalText(20_000),
  frequencyText: text(300).default(''),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const ZRegularTaskCreate = ZRegularTaskFields;
export const ZRegularTask = ZRegularTaskFields.extend({ ...stored, frequency: ZFrequency });
export type TRegularTask = z.infer<typeof ZRegularTask>;

// Decisions (collegevoorstel, raadsbesluit) --------------------------------------------------------------------------

export const ZFollowUp = z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  description: required(2000),
  /** Who it goes to ("commissie ABM"). */
  addressee: optionalText(200),
  /** When, as written ("eind 2024"), and as a date where known. */
  dueText: optionalText(100),
  dueDate: ZDate.nullable().optional(),
});

export const ZDecisionFields = z.object({
  planId: ZId,
  title: required(300),
  body: z.enum(DECIDING_BODIES),
  isDecided: z.boolean().default(false),
  decidedOn: ZDate.nullable().optional(),
  reference: optionalText(200),
  decisionPoints: z.array(required(2000)).max(30).default([]),
  sections: z.array(ZSection).max(30).default([]),
  followUps: z.array(ZFollowUp).max(30).default([]),
});
export const ZDecisionCreate = ZDecisionFields;
export const ZDecision = ZDecisionFields.extend(stored);
export type TDecision = z.infer<typeof ZDecision>;

// Reference ----------------------------------------------------------------------------------------------------------

export const REGION_KINDS = ['country', 'province', 'police_unit', 'municipality'] as const;

/** A CBS region: code, name as StatLine writes it, kind, and a municipality's province. */
export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(REGION_KINDS),
  provinceCode: z.string().nullable(),
});
export type TRegion = z.infer<typeof ZRegion>;

export const ZKernbeleidTheme = z.object({
  code: z.string(),
  fieldNumber: z.string(),
  fieldName: z.string(),
  name: z.string(),
  examples: z.string().nullable(),
});
export type TKernbeleidTheme = z.infer<typeof ZKernbeleidTheme>;
