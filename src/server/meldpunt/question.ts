import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { checkMeldingTransition } from '../../domain/meldpunt.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { addEvent, expectVersion, findMelding, recordChange, updateMelding } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';
import type { Changed } from './assign.ts';

/*
 * A question to the reporter: shown to the holder of the meldcode (or, for an internal signal, to the official who
 * reported it); the melding waits for the reporter (wacht_op_melder). A new melding passes through in_behandeling.
 */

const t = meldpuntTriageText.meldpuntTriage;

export async function askReporter(db: Db, ctx: RequestContext, id: string, body: string, version: number): Promise<Changed> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    expectVersion(m, version);
    const [code] = await tx.query('select 1 from melding_codes where melding_id = $1', [m.id]);
    if (!code && !(m.source === 'internal' && m.internal_reporter_id)) throw new AppError('conflict', t.errors.cannotAsk);
    const from = m.status === 'nieuw' ? 'in_behandeling' : m.status;
    if (m.status !== 'wacht_op_melder' && checkMeldingTransition(from, 'wacht_op_melder', null)) {
      throw new AppError('conflict', t.errors.askNotNow);
    }
    const newVersion = await updateMelding(tx, m.id, version, { status: 'wacht_op_melder' });
    await tx.query(`insert into melding_messages (id, melding_id, kind, body, author_id) values ($1, $2, 'question', $3, $4)`,
      [randomUUID(), m.id, body, ctx.actor.userId]);
    await addEvent(tx, m.id, ctx.actor.userId, 'question', { from: m.status, to: 'wacht_op_melder' });
    await recordChange(tx, ctx, newTraceId(), m, 'vraag aan melder', ['status', 'questions']);
    return { id: m.id, version: newVersion, status: 'wacht_op_melder' };
  });
}
