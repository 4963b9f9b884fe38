import { AppError } from '../../domain/errors.ts';
import { canOnMelding, type TMeldingAction, type TMeldingStatus, type TQuestion } from '../../domain/meldpunt.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import type { MeldingWithReporter } from './reporter.ts';

/*
 * One melding for one action of the actor, by the need-to-know rule (`canOnMelding`): unknown and not allowed are the
 * same 404, so a melding's existence does not leak; signed out is a 401.
 */

export interface MeldingForAction extends MeldingWithReporter {
  id: string;
  year: number;
  sequence: number;
  status: TMeldingStatus;
  version: number;
  shareConsent: boolean;
  answers: Record<string, string>;
  categoryName: string;
  questions: TQuestion[];
}

export const notFound = () => new AppError('not_found', 'Niet gevonden');
export const requireSignedIn = (ctx: RequestContext) => {
  if (!ctx.actor.userId) throw new AppError('unauthorized', 'Log in om dit te zien');
};

/** The melding, locked for update when `forUpdate`, or a 404. */
export async function meldingFor(tx: Db, ctx: RequestContext, id: string, action: TMeldingAction, { forUpdate = false } = {}): Promise<MeldingForAction> {
  requireSignedIn(ctx);
  const [r] = await tx.query<{
    id: string; municipality_id: string; key: string; name: string; questions: TQuestion[]; handler_id: string | null;
    internal_reporter_id: string | null; reporter_enc: string | null; year: number; sequence: number; status: TMeldingStatus;
    version: number; share_consent: boolean; answers: Record<string, string>;
  }>(
    `select m.id, m.municipality_id, c.key, c.name, c.questions, m.handler_id, m.internal_reporter_id, m.reporter_enc, m.year, m.sequence,
            m.status, m.version, m.share_consent, m.answers
       from meldingen m join meldpunt_categories c on c.id = m.category_id where m.id = $1 ${forUpdate ? 'for update of m' : ''}`, [id]);
  if (!r) throw notFound();
  const m: MeldingForAction = {
    id: r.id, municipalityId: r.municipality_id, categoryKey: r.key, categoryName: r.name, questions: r.questions, handlerId: r.handler_id,
    internalReporterId: r.internal_reporter_id, reporterEnc: r.reporter_enc, year: r.year, sequence: r.sequence, status: r.status,
    version: r.version, shareConsent: r.share_consent, answers: r.answers,
  };
  if (!canOnMelding(ctx.actor.userId, ctx.actor.duties ?? [], action, m)) throw notFound();
  return m;
}
