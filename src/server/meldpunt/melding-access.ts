import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { canOnMelding, type TMeldingAction, type TMeldingStatus } from '../../domain/meldpunt.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../core/audit.ts';
import type { RequestContext } from '../core/context.ts';
import { logProcessing } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';

/*
 * What every use case of the back office does with one melding: find it for the asker under need-to-know (unknown or
 * not allowed: 404), change it under its version (stale: 409), and record the change – an audit row with the changed
 * field names only, and a processing-log row, in the same transaction.
 */

const t = meldpuntTriageText.meldpuntTriage;

export interface MeldingRow {
  id: string; municipality_id: string; category_id: string; category_key: string; category_name: string;
  response_days: number; no_action_retention_months: number; questions: { key: string; label: string }[];
  year: number; sequence: number; source: 'public' | 'internal' | 'mma'; status: TMeldingStatus;
  answers: Record<string, string>; reporter_enc: string | null; share_consent: boolean; internal_reporter_id: string | null;
  handler_id: string | null; main_id: string | null; theme_id: string | null; activity_id: string | null;
  triage: Record<string, unknown>; closing_reason: string | null; retain_until: string | null; version: number;
  received_at: string;
}

/** The signed-in user's id; anonymous: 401. */
export function userOf(ctx: RequestContext): string {
  if (!ctx.actor.userId) throw new AppError('unauthorized', t.errors.signIn);
  return ctx.actor.userId;
}

/** Unknown and not allowed: the same answer, so a melding's existence does not leak. */
export const notFound = () => new AppError('not_found', t.errors.notFound);

/** A melding the asker may do `action` on, with its category; otherwise 404 (its existence does not leak). */
export async function findMelding(tx: Db, ctx: RequestContext, id: string, action: TMeldingAction, lock = false): Promise<MeldingRow> {
  const userId = userOf(ctx);
  const [m] = await tx.query<MeldingRow>(
    `select m.*, c.key as category_key, c.name as category_name, c.response_days, c.no_action_retention_months, c.questions
       from meldingen m join meldpunt_categories c on c.id = m.category_id where m.id = $1 ${lock ? 'for update of m' : ''}`, [id]);
  if (!m || !canOnMelding(userId, ctx.actor.duties ?? [], action, {
    municipalityId: m.municipality_id, categoryKey: m.category_key, handlerId: m.handler_id, internalReporterId: m.internal_reporter_id,
  })) throw notFound();
  return m;
}

/** The stale-version answer. */
export const staleVersion = () => new AppError('conflict', t.errors.stale, [{ path: 'version', message: t.errors.staleField }]);

/** Refuses a stale version before anything else is checked: under concurrent edits the losers get a 409, not a rule's answer. */
export function expectVersion(m: { version: number }, version: number): void {
  if (m.version !== version) throw staleVersion();
}

/**
 * Sets columns of a melding when its version is still `version` (and raises it); else 409. Under concurrent edits with
 * one version exactly one wins: the others find the row's version raised when its lock is released.
 */
export async function updateMelding(tx: Db, id: string, version: number, set: Record<string, unknown>): Promise<number> {
  const cols = Object.keys(set);
  const rows = await tx.query<{ version: number }>(
    `update meldingen set ${cols.map((c, i) => `${c} = $${i + 3}`).join(', ')}${cols.length ? ', ' : ''}version = version + 1, updated_at = now()
      where id = $1 and version = $2 returning version`,
    [id, version, ...cols.map((c) => set[c])],
  );
  if (rows.length === 0) throw staleVersion();
  return rows[0].version;
}

/** Records a change: an audit row with the entity's id and the changed fields' names, and a processing-log row. */
export async function recordChange(tx: Db, ctx: RequestContext, traceId: string, m: { id: string; municipality_id: string },
  activity: string, fields: string[], action: 'create' | 'update' = 'update'): Promise<void> {
  await writeAudit(tx, ctx.audit, { action, organisationId: m.municipality_id, entity: 'meldingen', entityId: m.id, after: { fields, traceId } });
  await logProcessing(tx, traceId, { activity, processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
}

/** Appends an event to the melding's history. */
export async function addEvent(tx: Db, meldingId: string, actorId: string | null, kind: string,
  e: { from?: TMeldingStatus | null; to?: TMeldingStatus | null; detail?: Record<string, unknown> } = {}): Promise<void> {
  await tx.query(
    `insert into melding_events (id, melding_id, kind, from_status, to_status, detail, actor_id) values ($7, $1, $2, $3, $4, $5, $6)`,
    [meldingId, kind, e.from ?? null, e.to ?? null, JSON.stringify(e.detail ?? {}), actorId, randomUUID()],
  );
}
