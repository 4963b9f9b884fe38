import { z } from 'zod';
import { DECIDING_BODIES, optionalText, text, ZDate, ZId } from './schemas.ts';

/*
 * Frozen document versions (ADR 0014): what the college (or council, or mayor) adopted, exactly as adopted, and the
 * workflow it goes through afterwards – sent to the council or a committee for information, published.
 */

export const DOCUMENT_KINDS = ['plan', 'progress_report', 'evaluation'] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The stages of an adopted version, in order: a version only moves forward. */
export const VERSION_STAGES = ['adopted', 'sent_to_council', 'published'] as const;
export type TVersionStage = (typeof VERSION_STAGES)[number];

/** The steps after adoption: ter kennisname to the council or a committee, then publication. */
export const VERSION_STEPS = ['council', 'publish'] as const;
export type TVersionStep = (typeof VERSION_STEPS)[number];

/**
 * Which steps a version at this stage may take. Ter kennisname comes once, straight after adoption; publication may
 * follow it or the adoption directly (a plan the council adopted itself needs no ter kennisname); nothing after that.
 */
export function allowedSteps(stage: TVersionStage): TVersionStep[] {
  if (stage === 'adopted') return ['council', 'publish'];
  if (stage === 'sent_to_council') return ['publish'];
  return [];
}

/** POST /plans/{id}/versions, /rounds/{id}/versions, /plans/{id}/evaluation/versions: who adopted it, when, and the decision's reference. */
export const ZVersionAdopt = z.object({
  adoptedBy: z.enum(DECIDING_BODIES, { message: 'Kies wie het heeft vastgesteld' }),
  adoptedOn: ZDate,
  decisionReference: optionalText(200),
});
export type TVersionAdopt = z.infer<typeof ZVersionAdopt>;

/** POST /versions/{id}/council: the council ('raad') or the committee, and the meeting date. */
export const ZVersionCouncil = z.object({
  councilBody: text(200).min(1, { message: 'Vul de raad of de commissie in' }),
  councilOn: ZDate,
  version: z.number().int().min(1),
});
export type TVersionCouncil = z.infer<typeof ZVersionCouncil>;

export const ZVersionPublish = z.object({ version: z.number().int().min(1) });

/** A frozen version's facts (the files are downloaded separately). */
export const ZDocumentVersion = z.object({
  id: ZId,
  ownerId: ZId,
  planId: ZId,
  document: z.enum(DOCUMENT_KINDS),
  roundId: ZId.nullable(),
  /** The quarter of a progress report's round ('2024-Q3'); null for the other documents. */
  roundQuarter: z.string().nullable(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(VERSION_STAGES),
  adoptedBy: z.enum(DECIDING_BODIES),
  adoptedOn: z.string(),
  decisionReference: z.string().nullable(),
  councilBody: z.string().nullable(),
  councilOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  contentHash: z.string(),
  // Who recorded the adoption is not here: a name is personal data; the staff find it in the audit trail.
  createdAt: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TDocumentVersion = z.infer<typeof ZDocumentVersion>;

/** The versions of a plan, and whether its live content differs from the newest adopted plan version. */
export const ZPlanVersions = z.object({
  versions: z.array(ZDocumentVersion),
  /** The newest version of the plan document, or null before the first adoption. */
  latestPlanVersionId: ZId.nullable(),
  /** Whether the live plan differs from that version (null for who may not read the live plan, or without versions). */
  hasChanges: z.boolean().nullable(),
});
export type TPlanVersions = z.infer<typeof ZPlanVersions>;
