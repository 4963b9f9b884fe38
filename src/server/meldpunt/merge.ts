import { AppError } from '../../domain/errors.ts';
import { canOnMelding, checkMeldingTransition, meldnummer } from '../../domain/meldpunt.ts';
import { meldingStatusLabels, meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { addEvent, expectVersion, findMelding, recordChange, updateMelding } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';
import type { Changed } from './assign.ts';

/*
 * Merging a duplicate into a main melding: the duplicate becomes samengevoegd with main_id. Both must be meldingen the
 * handler handles, of the same municipality; the main one is not itself merged.
 */

const t = meldpuntTriageText.meldpuntTriage;

export async function mergeMelding(db: Db, ctx: RequestContext, id: string, mainId: string, version: number): Promise<Changed> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    expectVersion(m, version);
    if (mainId === m.id) throw new AppError('validation', t.errors.mergeSelf, [{ path: 'mainId', message: t.errors.mergeSelf }]);
    const [main] = await tx.query<{ id: string; municipality_id: string; category_key: string; handler_id: string | null; internal_reporter_id: string | null; status: string; year: number; sequence: number }>(
      `select m.id, m.municipality_id, c.key as category_key, m.handler_id, m.internal_reporter_id, m.status, m.year, m.sequence
         from meldingen m join meldpunt_categories c on c.id = m.category_id where m.id = $1`, [mainId]);
    if (!main || main.municipality_id !== m.municipality_id || main.status === 'samengevoegd' || !canOnMelding(ctx.actor.userId, ctx.actor.duties ?? [], 'triage', {
      municipalityId: main.municipality_id, categoryKey: main.category_key, handlerId: main.handler_id, internalReporterId: main.internal_reporter_id,
    })) throw new AppError('validation', t.errors.mergeMain, [{ path: 'mainId', message: t.errors.mergeMain }]);
    if (checkMeldingTransition(m.status, 'samengevoegd', null)) {
      const msg = t.errors.notAllowed(meldingStatusLabels[m.status], meldingStatusLabels.samengevoegd);
      throw new AppError('validation', msg, [{ path: 'mainId', message: msg }]);
    }
    const number = meldnummer(main.year, main.sequence);
    const newVersion = await updateMelding(tx, m.id, version, { status: 'samengevoegd', main_id: main.id, closing_reason: t.mergedReason(number) });
    await addEvent(tx, m.id, ctx.actor.userId, 'merged', { from: m.status, to: 'samengevoegd', detail: { mainId: main.id } });
    await addEvent(tx, main.id, ctx.actor.userId, 'merged_into', { detail: { duplicateId: m.id } });
    await recordChange(tx, ctx, newTraceId(), m, 'melding samenvoegen', ['status', 'main_id', 'closing_reason']);
    return { id: m.id, version: newVersion, status: 'samengevoegd' };
  });
}
