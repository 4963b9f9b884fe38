import { AppError } from '../../domain/errors.ts';
import { checkAnswers, type TSignalCategories } from '../../domain/meldpunt-triage.ts';
import type { TMeldingSource } from '../../domain/meldpunt.ts';
import { handles } from '../../domain/meldpunt.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import type { RequestContext } from '../core/context.ts';
import { recordChange, userOf } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';
import { IN_APP_ONLY, notifyNewMelding, type Notifier, type SendNotifications } from './notifications.ts';
import { categoryById, insertMelding, listCategories, type CreatedMelding } from './repository.ts';

/*
 * Internal signals: any official with a role in the municipality (adviseur, beheerder, bestuurder …) reports one with
 * the same categories and questions; the signal records who reported it, and they may read it back. A tip of Meld
 * Misdaad Anoniem (mma-tip.ts) goes the same way, without any reporter.
 */

const t = meldpuntTriageText.meldpuntTriage;

export interface SignalInput { municipalityId: string; categoryId: string; answers: Record<string, string>; idempotencyKey?: string }

/** Checks the category and answers, stores the melding and records it (audit: field names; processing log). */
export async function storeSignal(db: Db, cipher: DataCipher, ctx: RequestContext, input: SignalInput, source: TMeldingSource,
  notifier: Notifier = IN_APP_ONLY): Promise<CreatedMelding> {
  let send: SendNotifications = async () => {};
  const created = await db.transaction(async (tx): Promise<CreatedMelding> => {
    const category = await categoryById(tx, input.categoryId);
    if (!category || category.municipalityId !== input.municipalityId || !category.isActive) {
      throw new AppError('validation', t.errors.category, [{ path: 'categoryId', message: t.errors.category }]);
    }
    if (category.referralUrl) throw new AppError('validation', t.errors.referral, [{ path: 'categoryId', message: t.errors.referral }]);
    const answers = Object.fromEntries(Object.entries(input.answers).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    const errors = checkAnswers(category.questions, answers, { required: t.errors.required, unknown: t.errors.unknownQuestion, choice: t.errors.choice });
    if (errors.length) throw new AppError('validation', errors[0].message, errors);
    const traceId = newTraceId();
    const created = await insertMelding(tx, cipher, {
      municipalityId: input.municipalityId, categoryId: category.id, source, answers,
      internalReporterId: source === 'internal' ? ctx.actor.userId : null,
      idempotencyHash: input.idempotencyKey ? cipher.hmac('melding-idempotency', `${ctx.actor.userId}:${input.idempotencyKey}`) : null,
    }, traceId);
    if (created.isNew) {
      await recordChange(tx, ctx, traceId, { id: created.id, municipality_id: input.municipalityId }, 'melding registreren', ['source', 'category_id', 'answers'], 'create');
      send = await notifyNewMelding(tx, notifier.mailer, created.id, notifier.publicUrl);
    }
    return created;
  });
  await send();
  return created;
}

export async function reportSignal(db: Db, cipher: DataCipher, ctx: RequestContext, input: SignalInput, notifier: Notifier = IN_APP_ONLY) {
  userOf(ctx);
  if (!ctx.actor.roles.some((r) => r.organisationId === input.municipalityId && r.role !== 'partner')) throw new AppError('forbidden', t.errors.signalRole);
  const created = await storeSignal(db, cipher, ctx, input, 'internal', notifier);
  return { id: created.id, number: created.number };
}

/** The municipalities the asker may report a signal to, with their categories (no referrals) and questions. */
export async function signalCategories(db: Db, ctx: RequestContext): Promise<TSignalCategories> {
  userOf(ctx);
  const ids = [...new Set([
    ...ctx.actor.roles.filter((r) => r.role !== 'partner').map((r) => r.organisationId),
    ...(ctx.actor.duties ?? []).filter((d) => d.duty === 'behandelaar').map((d) => d.organisationId),
  ])];
  const orgs = await db.query<{ id: string; name: string }>(
    `select id, name from organisations where id = any($1::uuid[]) and kind = 'municipality' order by name`, [ids]);
  const out: TSignalCategories = [];
  for (const o of orgs) {
    const categories = (await listCategories(db, o.id)).filter((c) => !c.referralUrl);
    if (categories.length === 0) continue;
    out.push({
      municipality: o,
      categories: categories.map((c) => ({ id: c.id, key: c.key, name: c.name, description: c.description, questions: c.questions })),
      handles: (ctx.actor.duties ?? []).some((d) => d.duty === 'behandelaar' && d.organisationId === o.id),
    });
  }
  return out;
}

/** Whether the asker handles meldingen of this category (for a tip). */
export const handlesCategory = (ctx: RequestContext, municipalityId: string, categoryKey: string) =>
  handles(ctx.actor.duties ?? [], municipalityId, categoryKey);
