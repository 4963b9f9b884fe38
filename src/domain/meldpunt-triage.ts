import { z } from 'zod';
import { ZId } from './schemas.ts';
import {
  MELDING_SOURCES, MELDING_STATUSES, PUBLIC_STATUSES, ZReporter, ZTriageAnswer, type TQuestion,
} from './meldpunt.ts';
import type { FieldError } from './errors.ts';

/*
 * Intake and triage of meldingen (issue 13, part 3–4): the queue's age against the category's response time, the
 * checks on an internal signal's answers, and the API's shapes of the back office.
 */

/** Working days (Monday to Friday) from `from` to `to`; public holidays are not counted apart. */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let days = 0;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days += 1;
  }
  return days;
}

/** Age in working days and how many of them are past the response time (0: on time). */
export function ageAgainstNorm(receivedAt: string, responseDays: number, now = new Date()) {
  const ageDays = workingDaysBetween(new Date(receivedAt), now);
  return { ageDays, lateDays: Math.max(0, ageDays - responseDays) };
}

/** The date `months` after `today` (YYYY-MM-DD): how long a "geen actie" signal is kept. */
export function retainUntil(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** Checks answers against a category's questions: required ones filled, no unknown keys, choices from the options. */
export function checkAnswers(questions: readonly TQuestion[], answers: Record<string, string>,
  msg: { required: string; unknown: string; choice: string }): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set(questions.map((q) => q.key));
  for (const k of Object.keys(answers)) if (!keys.has(k)) errors.push({ path: `answers.${k}`, message: msg.unknown });
  for (const q of questions) {
    const v = answers[q.key]?.trim() ?? '';
    if (q.required && !v) errors.push({ path: `answers.${q.key}`, message: msg.required });
    else if (v && q.kind === 'choice' && q.options && !q.options.includes(v)) errors.push({ path: `answers.${q.key}`, message: msg.choice });
  }
  return errors;
}

// --- API shapes -----------------------------------------------------------------------------------------------------

const ZPerson = z.object({ id: ZId, name: z.string() });
export const QUEUE_ORDERS = ['oudste', 'nieuwste'] as const;

export const ZQueueQuery = z.object({
  municipality: ZId.optional(),
  status: z.enum([...MELDING_STATUSES, 'open', 'alle']).default('open'),
  category: z.string().max(40).optional(),
  assigned: z.enum(['me', 'niemand']).optional(),
  order: z.enum(QUEUE_ORDERS).default('oudste'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

export const ZQueueItem = z.object({
  id: ZId,
  number: z.string(),
  municipalityId: ZId,
  category: z.object({ key: z.string(), name: z.string(), responseDays: z.number() }),
  source: z.enum(MELDING_SOURCES),
  status: z.enum(MELDING_STATUSES),
  receivedAt: z.string(),
  ageDays: z.number(),
  lateDays: z.number(),
  handler: ZPerson.nullable(),
});
export const ZQueue = z.object({ items: z.array(ZQueueItem), hasMore: z.boolean(), offset: z.number(), limit: z.number() });
export type TQueue = z.infer<typeof ZQueue>;
export type TQueueItem = z.infer<typeof ZQueueItem>;

export const ZTriageRecord = z.intersection(ZTriageAnswer, z.object({ decidedBy: z.string(), decidedByName: z.string(), decidedAt: z.string() }));

export const ZMeldingDetail = z.object({
  id: ZId,
  number: z.string(),
  municipalityId: ZId,
  category: z.object({
    id: ZId, key: z.string(), name: z.string(), responseDays: z.number(),
    questions: z.array(z.object({ key: z.string(), label: z.string() })),
  }),
  source: z.enum(MELDING_SOURCES),
  status: z.enum(MELDING_STATUSES),
  publicStatus: z.enum(PUBLIC_STATUSES),
  nextStatuses: z.array(z.enum(MELDING_STATUSES)),
  answers: z.record(z.string(), z.string()),
  /** Contact details: in clear for the melding's handlers, masked (*****) for anyone else; null when anonymous. */
  reporter: ZReporter.nullable(),
  reporterMasked: z.boolean(),
  shareConsent: z.boolean(),
  internalReporter: ZPerson.nullable(),
  handler: ZPerson.nullable(),
  main: z.object({ id: ZId, number: z.string() }).nullable(),
  theme: z.object({ id: ZId, title: z.string() }).nullable(),
  activity: z.object({ id: ZId, title: z.string() }).nullable(),
  triage: z.record(z.string(), ZTriageRecord),
  closingReason: z.string().nullable(),
  retainUntil: z.string().nullable(),
  receivedAt: z.string(),
  ageDays: z.number(),
  lateDays: z.number(),
  version: z.number(),
  /** Whether the asker handles this melding (triage, notes, status); false for the official who reported it. */
  canHandle: z.boolean(),
  /** Whether a question can reach the reporter (a meldcode, or an internal signal). */
  canAsk: z.boolean(),
  events: z.array(z.object({
    id: ZId, kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(),
    text: z.string().nullable(), weging: z.number().nullable(), actor: z.string().nullable(), at: z.string(),
  })),
  messages: z.array(z.object({ id: ZId, kind: z.enum(['note', 'question', 'answer', 'addition']), body: z.string(), author: z.string().nullable(), createdAt: z.string() })),
  files: z.array(z.object({ id: ZId, mediaType: z.string(), size: z.number(), createdAt: z.string() })),
  /** For assigning: the behandelaars of this melding's municipality and category. */
  handlers: z.array(ZPerson),
  /** For linking: the municipality's themes with their activities. */
  themes: z.array(z.object({ id: ZId, title: z.string(), activities: z.array(z.object({ id: ZId, title: z.string() })) })),
});
export type TMeldingDetail = z.infer<typeof ZMeldingDetail>;

const ZVersion = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

export const ZMeldingPatch = z.object({
  version: ZVersion,
  handlerId: ZId.nullable().optional(),
  themeId: ZId.nullable().optional(),
  activityId: ZId.nullable().optional(),
});
export const ZNoteInput = z.object({ body: text(4000).min(1, { message: 'Verplicht veld' }) });
export const ZQuestionInput = z.object({ body: text(2000).min(1, { message: 'Verplicht veld' }), version: ZVersion });
export const ZStatusInput = z.object({ to: z.enum(MELDING_STATUSES), text: text(2000).optional(), version: ZVersion });
export const ZTriageInput = z.object({ answer: ZTriageAnswer, version: ZVersion });
export const ZMergeInput = z.object({ mainId: ZId, version: ZVersion });
export const ZMessage = z.object({ id: ZId, kind: z.enum(['note', 'question', 'answer', 'addition']), body: z.string(), createdAt: z.string() });

const ZAnswers = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().trim().max(5000));
export const ZSignalInput = z.strictObject({
  municipalityId: ZId,
  categoryId: ZId,
  answers: ZAnswers,
  idempotencyKey: z.string().min(8).max(100).optional(),
});
/** A tip from Meld Misdaad Anoniem: no reporter fields at all (a strict object refuses them). */
export const ZTipInput = z.strictObject({
  municipalityId: ZId,
  categoryId: ZId,
  answers: ZAnswers,
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export const ZCreated = z.object({ id: ZId, number: z.string() });
export const ZSignalCategories = z.array(z.object({
  municipality: z.object({ id: ZId, name: z.string() }),
  categories: z.array(z.object({
    id: ZId, key: z.string(), name: z.string(), description: z.string(),
    questions: z.array(z.object({ key: z.string(), label: z.string(), hint: z.string().optional(), kind: z.string(), required: z.boolean(), options: z.array(z.string()).optional() })),
  })),
  /** Whether the asker handles meldingen here (and may register a tip of Meld Misdaad Anoniem). */
  handles: z.boolean(),
}));
export type TSignalCategories = z.infer<typeof ZSignalCategories>;
