import { randomUUID } from 'node:crypto';
import { forwardsCopy } from '../../text/nl/meldpunt-forwards.ts';
import type { Db } from '../db/client.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';
import type { RequestContext } from '../core/context.ts';
import { writeAudit } from '../core/audit.ts';
import { authorizeMeldpuntAdmin } from './category-admin.ts';

/*
 * Retention (issue 13, part 4; the CCV Modelprotocol keeps a "geen actie" signal one year): a daily job destroys
 * every melding whose `retain_until` has passed. One transaction per melding deletes the row and everything hanging from
 * it (files, messages, codes, events, forwards: the foreign keys cascade), its notifications, and writes a
 * `destructions` row (ids, type, rule, run by 'systeem'; no content) and a processing-log row. A transaction-level
 * advisory lock and `skip locked` keep two app servers from destroying one melding twice.
 */

const RETENTION_LOCK = 731_013;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionResult { batch: string; destroyed: string[] }

/**
 * Destroys the meldingen past their retention date (`today`: an ISO date, default the database's current date), of
 * one municipality when given (run now by its beheerder or privacy officer), else of all, and writes who ran it.
 */
export async function runRetention(db: Db, { today, municipalityId, runBy = 'systeem' }: { today?: string; municipalityId?: string; runBy?: string } = {}):
  Promise<RetentionResult> {
  const batch = randomUUID();
  const due = await db.query<{ id: string }>(
    `select id from meldingen where retain_until < coalesce($1::date, current_date) and ($2::uuid is null or municipality_id = $2)
      order by retain_until, id limit 1000`, [today ?? null, municipalityId ?? null]);
  const destroyed: string[] = [];
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
      const [still] = await tx.query<{ id: string }>(
        `select id from meldingen where id = $1 and retain_until < coalesce($2::date, current_date) for update skip locked`, [id, today ?? null]);
      if (!still) return false;
      await tx.query(`delete from notifications where link like $1`, [`%/meldpunt/meldingen/${id}%`]);
      await tx.query(
        `delete from notifications where link in (select '/meldpunt/doorgestuurd/' || f.id from melding_forwards f where f.melding_id = $1)`, [id]);
      await tx.query('delete from meldingen where id = $1', [id]);
      await tx.query(
        `insert into destructions (id, batch, subject_type, subject_ids, rule, run_by) values ($1, $2, 'melding', $3::uuid[], $4, $5)`,
        [randomUUID(), batch, [id], forwardsCopy.retention.rule, runBy]);
      await logProcessing(tx, newTraceId(), { activity: 'melding vernietigen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [id] });
      return true;
    });
    if (done) destroyed.push(id);
  }
  return { batch, destroyed };
}

/** Runs the job a minute after the start and then daily; returns the function that stops it. */
export function scheduleRetention(db: Db, onError: (err: unknown) => void = () => {}): () => void {
  const run = () => void runRetention(db).catch(onError);
  const first = setTimeout(run, 60_000);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}

/** Runs the job now for one municipality: its beheerder or privacy officer; also written in the audit trail. */
export async function runRetentionNow(db: Db, ctx: RequestContext, municipalityId: string): Promise<{ batch: string; destroyed: number }> {
  const isPrivacy = (ctx.actor.duties ?? []).some((d) => d.duty === 'privacy' && d.organisationId === municipalityId);
  if (!isPrivacy) await authorizeMeldpuntAdmin(db, ctx, municipalityId);
  const { batch, destroyed } = await runRetention(db, { municipalityId, runBy: ctx.audit.label });
  await writeAudit(db, ctx.audit, { action: 'delete', organisationId: municipalityId, entity: 'meldingen', entityId: null, after: { batch, ids: destroyed } });
  return { batch, destroyed: destroyed.length };
}
