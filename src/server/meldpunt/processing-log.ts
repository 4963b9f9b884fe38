import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';

/*
 * The processing log (Logboek Dataverwerkingen, ADR 0023; the cases room uses it too): every read and write of personal data in the meldpunt and
 * the cases writes a row in the same transaction. A row holds what was done, under which processing activity, to which
 * subject (an id or pseudonym) – no user and no content; the audit row with the same trace id names the user.
 */

export interface Processing {
  /** What was done: "melding lezen", "melding doorsturen". */
  activity: string;
  /** The processing activity of the register, as a URI slug ("meldpunt"). */
  processingActivity: string;
  subjectType: string;
  subjectRefs: readonly string[];
}

export const newTraceId = () => randomBytes(16).toString('hex');

/** Writes one row per subject, in the caller's transaction. */
export async function logProcessing(tx: Db, traceId: string, p: Processing): Promise<void> {
  if (p.subjectRefs.length === 0) return;
  await tx.query(
    `insert into processing_log (trace_id, span_id, activity, processing_activity, subject_type, subject_ref)
     select $1, $2, $3, $4, $5, unnest($6::text[])`,
    [traceId, randomBytes(8).toString('hex'), p.activity, p.processingActivity, p.subjectType, [...p.subjectRefs]],
  );
}
