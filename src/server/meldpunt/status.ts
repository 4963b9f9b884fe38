import { AppError } from '../../domain/errors.ts';
import { checkMeldingTransition, type TMeldingStatus } from '../../domain/meldpunt.ts';
import { meldingStatusLabels, meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { addEvent, expectVersion, findMelding, recordChange, updateMelding } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';
import type { Changed } from './assign.ts';

/*
 * A status change by the transitions as data (domain/meldpunt.ts): closing keeps its text as the closing reason,
 * reopening needs a text and clears it. Merging has its own use case (merge.ts).
 */

const t = meldpuntTriageText.meldpuntTriage;

export async function changeStatus(db: Db, ctx: RequestContext, id: string, body: { to: TMeldingStatus; text?: string; version: number }): Promise<Changed> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    expectVersion(m, body.version);
    if (body.to === 'samengevoegd') throw new AppError('validation', t.errors.useMerge, [{ path: 'to', message: t.errors.useMerge }]);
    const problem = checkMeldingTransition(m.status, body.to, body.text);
    if (problem === 'not_allowed') {
      const msg = t.errors.notAllowed(meldingStatusLabels[m.status], meldingStatusLabels[body.to]);
      throw new AppError('validation', msg, [{ path: 'to', message: msg }]);
    }
    if (problem === 'text_required') throw new AppError('validation', t.errors.textRequired, [{ path: 'text', message: t.errors.textRequired }]);
    const set: Record<string, unknown> = { status: body.to };
    if (body.to === 'afgesloten') set.closing_reason = body.text!.trim();
    if (m.status === 'afgesloten') set.closing_reason = null;
    const version = await updateMelding(tx, m.id, body.version, set);
    await addEvent(tx, m.id, ctx.actor.userId, 'status', { from: m.status, to: body.to, detail: body.text?.trim() ? { text: body.text.trim() } : {} });
    await recordChange(tx, ctx, newTraceId(), m, 'status van melding wijzigen', Object.keys(set));
    return { id: m.id, version, status: body.to };
  });
}
