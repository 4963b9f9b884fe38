import { z } from 'zod';
import { ZFrequencyProgress } from './frequency-progress.ts';
import { ACTIVITY_STATUSES, optionalText, ZActivity, ZDate, ZId, type TActivityStatus } from './schemas.ts';

/*
 * Progress on activities: the status an activity may move to, and the one history of status changes and progress
 * notes (who, when, from → to, note, percentage or milestone). The history is append-only: a correction is a new
 * entry. Used by the server (every write path checks the transitions) and by the web app (it offers only what is
 * allowed).
 */

/** Lives in schemas.ts beside ACTIVITY_STATUSES (frequency-progress.ts takes it there); still importable from here. */
export type { TActivityStatus };

/** A status an activity can move to, why that is a normal step, and whether the step needs a note saying why. */
interface Transition {
  to: TActivityStatus;
  reason: string;
  needsNote?: boolean;
}

/**
 * The allowed transitions. Work that started does not become "niet gestart" again; "gereed" only reopens, with a
 * reason; "vervallen" only comes back as "niet gestart", by a decision that is noted. Delays and cancellations are
 * what the college and council ask about, so they always carry a note.
 */
export const STATUS_TRANSITIONS: Record<TActivityStatus, readonly Transition[]> = {
  not_started: [
    { to: 'in_progress', reason: 'het werk begint' },
    { to: 'delayed', reason: 'de start schuift op', needsNote: true },
    { to: 'done', reason: 'in één keer uitgevoerd' },
    { to: 'cancelled', reason: 'vervalt voordat het begon', needsNote: true },
  ],
  in_progress: [
    { to: 'delayed', reason: 'het loopt achter op het tijdpad', needsNote: true },
    { to: 'done', reason: 'het werk is af' },
    { to: 'cancelled', reason: 'er wordt mee gestopt', needsNote: true },
  ],
  delayed: [
    { to: 'in_progress', reason: 'weer op gang' },
    { to: 'done', reason: 'alsnog af' },
    { to: 'cancelled', reason: 'er wordt mee gestopt', needsNote: true },
  ],
  done: [{ to: 'in_progress', reason: 'heropend: toch nog niet af', needsNote: true }],
  cancelled: [{ to: 'not_started', reason: 'toch weer opgenomen', needsNote: true }],
};

/** Statuses after which nothing more is expected of an activity. */
export const FINAL_STATUSES: readonly TActivityStatus[] = ['done', 'cancelled'];

/** The statuses an activity in `from` may move to. */
export function nextStatuses(from: TActivityStatus): TActivityStatus[] {
  return STATUS_TRANSITIONS[from].map((t) => t.to);
}

/** Whether moving from `from` to `to` needs a note. */
export function needsNote(from: TActivityStatus, to: TActivityStatus): boolean {
  return !!STATUS_TRANSITIONS[from].find((t) => t.to === to)?.needsNote;
}

/**
 * Why a status change is refused: `status` when it is no allowed step (`options`: the steps there are), `note` when
 * the step needs a note. The text names it in words (src/text/nl/monitoring.ts, `statusChangeMessage`).
 */
export interface TStatusProblem {
  path: 'status' | 'note';
  from: TActivityStatus;
  to: TActivityStatus;
  options: TActivityStatus[];
}

/** Checks a status change: null when allowed, else the problem. The same status is no change and always allowed. */
export function checkStatusChange(from: TActivityStatus, to: TActivityStatus, hasNote: boolean): TStatusProblem | null {
  if (from === to) return null;
  const transition = STATUS_TRANSITIONS[from].find((t) => t.to === to);
  if (!transition) return { path: 'status', from, to, options: nextStatuses(from) };
  if (transition.needsNote && !hasNote) return { path: 'note', from, to, options: nextStatuses(from) };
  return null;
}

// Progress entries --------------------------------------------------------------------------------------------------

/**
 * A progress update as a client sends it: a note, a new status, a percentage or a milestone (at least one). A status
 * change names the activity's version it was based on, so two people changing the status at once get a 409.
 */
export const ZProgressInput = z
  .object({
    note: optionalText(5000),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    version: z.number().int().min(1).optional(),
    percentComplete: z.number().int({ message: 'Een heel percentage' }).min(0, { message: 'Tussen 0 en 100' }).max(100, { message: 'Tussen 0 en 100' }).nullable().optional(),
    milestone: optionalText(300),
  })
  .superRefine((p, ctx) => {
    if (p.status && p.version === undefined) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'Een statuswijziging noemt de versie van de activiteit' });
    }
    if (!p.status && !p.note && p.percentComplete == null && !p.milestone) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Schrijf een toelichting, of kies een nieuwe status, percentage of mijlpaal' });
    }
  });
export type TProgressInput = z.infer<typeof ZProgressInput>;

/** One entry of an activity's history. `statusFrom`/`statusTo` are set when the status changed. */
export const ZProgressEntry = z.object({
  id: ZId,
  activityId: ZId,
  /** The update round the entry was made in, when one was open for the activity's programme. */
  roundId: ZId.nullable(),
  at: z.string(),
  authorUserId: ZId.nullable(),
  authorName: z.string(),
  statusFrom: z.enum(ACTIVITY_STATUSES).nullable(),
  statusTo: z.enum(ACTIVITY_STATUSES).nullable(),
  note: z.string().nullable(),
  percentComplete: z.number().int().nullable(),
  milestone: z.string().nullable(),
});
export type TProgressEntry = z.infer<typeof ZProgressEntry>;

// Occurrences (realised frequency) ---------------------------------------------------------------------------------

/** One time a recurring activity took place ("integrale controle op 12 maart"). */
export const ZOccurrenceInput = z.object({
  occurredOn: ZDate,
  note: optionalText(2000),
});
export type TOccurrenceInput = z.infer<typeof ZOccurrenceInput>;

export const ZOccurrence = ZOccurrenceInput.extend({
  id: ZId,
  activityId: ZId,
  note: z.string().nullable(),
  authorUserId: ZId.nullable(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type TOccurrence = z.infer<typeof ZOccurrence>;

// Composite answers --------------------------------------------------------------------------------------------------

/** Where an activity stands, beside it in lists (programme table, mijn activiteiten); null for who may not read it. */
export const ZActivityMonitoring = z.object({
  isCountable: z.boolean(),
  /** Fewer occurrences than planned in some year (see domain/frequency-progress.ts). */
  isLagging: z.boolean(),
  lastUpdateAt: z.string().nullable(),
  percentComplete: z.number().int().nullable(),
  milestone: z.string().nullable(),
});
export type TActivityMonitoring = z.infer<typeof ZActivityMonitoring>;

/** GET /activities/{id}/progress: the activity with its history, occurrences, planned against realised and round. */
export const ZActivityProgress = z.object({
  activity: ZActivity,
  context: z.object({
    planId: ZId, planTitle: z.string(), ownerName: z.string(),
    themeId: ZId, themeNumber: z.string().nullable(), themeTitle: z.string(),
  }),
  entries: z.array(ZProgressEntry),
  occurrences: z.array(ZOccurrence),
  frequency: ZFrequencyProgress,
  monitoring: ZActivityMonitoring,
  /** The programme's open update round, whether it asks this activity for an update and whether one came in. */
  openRound: z.object({ id: ZId, quarter: z.string(), dueOn: z.string().nullable(), isAwaited: z.boolean(), hasUpdate: z.boolean() }).nullable(),
});
export type TActivityProgress = z.infer<typeof ZActivityProgress>;

/** The answer to a progress update: the entry, and the activity (with its new status and version). */
export const ZProgressResult = z.object({ entry: ZProgressEntry, activity: ZActivity });
export type TProgressResult = z.infer<typeof ZProgressResult>;
