import { AppError } from '../../domain/errors.ts';
import { checkMeldingTransition, type TMeldingStatus, type TTriageAnswer, type TTriageRecord } from '../../domain/meldpunt.ts';
import { retainUntil } from '../../domain/meldpunt-triage.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { addEvent, expectVersion, findMelding, recordChange, updateMelding } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';
import type { Changed } from './assign.ts';

/*
 * Triage by the CCV Modelprotocol: weging 1 to 4 in order, each answer kept in `meldingen.triage` with who decided and
 * when, and an event. A new melding goes in_behandeling with its first weging. Weging 3 with the outcome "geen actie"
 * closes the melding with that reason and keeps it until today + the category's retention (one year by default); the
 * retention job destroys it then.
 */

const t = meldpuntTriageText.meldpuntTriage;

export async function recordTriage(db: Db, ctx: RequestContext, id: string, answer: TTriageAnswer, version: number): Promise<Changed> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    expectVersion(m, version);
    if (m.status === 'afgesloten' || m.status === 'samengevoegd') throw new AppError('conflict', t.errors.closed);
    const triage = m.triage as Record<string, TTriageRecord>;
    const w = answer.weging;
    if (w > 1 && !triage[String(w - 1)]) throw new AppError('validation', t.errors.wegingOrder(w - 1), [{ path: 'answer.weging', message: t.errors.wegingOrder(w - 1) }]);
    if (w === 4 && triage['3']?.weging === 3 && triage['3'].uitkomst === 'geen_actie') {
      throw new AppError('validation', t.errors.afterNoAction, [{ path: 'answer.weging', message: t.errors.afterNoAction }]);
    }
    const [me] = await tx.query<{ name: string }>('select name from users where id = $1', [ctx.actor.userId]);
    const record: TTriageRecord = { ...answer, decidedBy: ctx.actor.userId!, decidedByName: me?.name ?? '', decidedAt: new Date().toISOString() };
    const next = { ...triage, [String(w)]: record };
    const set: Record<string, unknown> = { triage: JSON.stringify(next) };
    let status: TMeldingStatus = m.status;
    if (answer.weging === 3 && answer.uitkomst === 'geen_actie') {
      status = 'afgesloten';
      set.status = status;
      set.closing_reason = t.noActionReason(answer.toelichting.trim());
      const [{ today }] = await tx.query<{ today: string }>("select to_char(now() at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as today");
      set.retain_until = retainUntil(new Date(`${today}T00:00:00Z`), m.no_action_retention_months);
    } else if (m.status === 'nieuw' && !checkMeldingTransition('nieuw', 'in_behandeling', null)) {
      status = 'in_behandeling';
      set.status = status;
    }
    const newVersion = await updateMelding(tx, m.id, version, set);
    await addEvent(tx, m.id, ctx.actor.userId, 'triage', { from: status !== m.status ? m.status : null, to: status !== m.status ? status : null, detail: { weging: w } });
    await recordChange(tx, ctx, newTraceId(), m, 'triage van melding', Object.keys(set));
    return { id: m.id, version: newVersion, status };
  });
}
