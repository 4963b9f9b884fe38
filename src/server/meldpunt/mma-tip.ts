import { AppError } from '../../domain/errors.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import type { RequestContext } from '../core/context.ts';
import { userOf } from './melding-access.ts';
import { handlesCategory, storeSignal, type SignalInput } from './internal-signal.ts';
import { IN_APP_ONLY, type Notifier } from './notifications.ts';
import { categoryById } from './repository.ts';

/** A tip received from Meld Misdaad Anoniem, registered by a behandelaar: no reporter fields at all, source "mma". */
export async function registerTip(db: Db, cipher: DataCipher, ctx: RequestContext, input: SignalInput, notifier: Notifier = IN_APP_ONLY) {
  userOf(ctx);
  const category = await categoryById(db, input.categoryId);
  const allowed = category && category.municipalityId === input.municipalityId
    ? handlesCategory(ctx, input.municipalityId, category.key)
    : (ctx.actor.duties ?? []).some((d) => d.duty === 'behandelaar' && d.organisationId === input.municipalityId);
  if (!allowed) throw new AppError('forbidden', meldpuntTriageText.meldpuntTriage.errors.tipRole);
  const created = await storeSignal(db, cipher, ctx, input, 'mma', notifier);
  return { id: created.id, number: created.number };
}
