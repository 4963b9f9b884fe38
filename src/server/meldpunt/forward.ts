import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { checkMeldingTransition, meldnummer, type TReporter } from '../../domain/meldpunt.ts';
import { ZId } from '../../domain/schemas.ts';
import { forwardsCopy } from '../../text/nl/meldpunt-forwards.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import type { Mailer } from '../core/mail.ts';
import type { RequestContext } from '../core/context.ts';
import { writeAudit } from '../core/audit.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';
import { findMelding } from './melding-access.ts';
import { notifyForwardReceived, type SendNotifications } from './notifications.ts';

/*
 * Forwarding a melding to a partner (issue 13, part 4): the redaction step. What leaves the OOV team is the summary the
 * handler wrote, the basis, and – only when the reporter consented and the handler ticks it – the contact details,
 * encrypted again in the forward. The melding itself never goes along. Recorded: with whom, when, by whom, on which
 * basis (an event, the processing log, an audit row of ids and field names).
 */

const t = forwardsCopy.forwards;

export const ZForwardInput = z.object({
  partnerId: z.string({ message: t.partnerRequired }).min(1, { message: t.partnerRequired }),
  summary: z.string().trim().min(1, { message: t.summaryRequired }).max(5000),
  basis: z.string().trim().min(1, { message: t.basisRequired }).max(500),
  includeContact: z.boolean().default(false),
  version: z.number().int(),
});
export type TForwardInput = z.infer<typeof ZForwardInput>;

export const ZMeldingForward = z.object({
  id: ZId,
  partnerId: ZId,
  partnerName: z.string(),
  summary: z.string(),
  basis: z.string(),
  includesContact: z.boolean(),
  forwardedAt: z.string(),
  forwardedByName: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type TMeldingForward = z.infer<typeof ZMeldingForward>;

/** The partners a municipality forwards to: partner organisations of its own, or shared ones (police, RIEC, ZVH). */
export async function partnersFor(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `select id, name from organisations where kind = 'partner' and (owner_id is null or owner_id = $1) order by name`, [municipalityId]);
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Forwards the melding; returns the forward, the melding's new version, and the notifications' e-mails to send. */
export async function forwardMelding(db: Db, ctx: RequestContext, cipher: DataCipher, mailer: Mailer | null, publicUrl: string | null,
  meldingId: string, input: TForwardInput): Promise<{ forward: TMeldingForward; version: number; send: SendNotifications }> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, meldingId, 'forward', true);
    if (m.version !== input.version) throw new AppError('conflict', t.stale, [{ path: 'version', message: t.staleField }]);
    const partners = await partnersFor(tx, m.municipality_id);
    const partner = partners.find((p) => p.id === input.partnerId.toLowerCase());
    if (!partner) throw new AppError('validation', t.partnerUnknown, [{ path: 'partnerId', message: t.partnerUnknown }]);
    let reporterEnc: string | null = null;
    if (input.includeContact) {
      if (!m.reporter_enc) throw new AppError('validation', t.noContact, [{ path: 'includeContact', message: t.noContact }]);
      if (!m.share_consent) throw new AppError('validation', t.noConsent, [{ path: 'includeContact', message: t.noConsent }]);
      reporterEnc = cipher.encryptJson(cipher.decryptJson<TReporter>(m.reporter_enc));
    }
    // A second forward (police and ZVH) keeps the status; the first one is the step to doorgestuurd.
    const to = 'doorgestuurd' as const;
    if (m.status !== to) {
      const problem = checkMeldingTransition(m.status, to, null);
      if (problem) throw new AppError('validation', t.notAllowed, [{ path: 'status', message: t.notAllowed }]);
    }
    const id = randomUUID();
    const [row] = await tx.query<{ forwarded_at: Date | string }>(
      `insert into melding_forwards (id, melding_id, partner_id, summary, basis, reporter_enc, forwarded_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning forwarded_at`,
      [id, m.id, partner.id, input.summary, input.basis, reporterEnc, ctx.actor.userId]);
    const [{ version }] = await tx.query<{ version: number }>(
      'update meldingen set status = $2, version = version + 1, updated_at = now() where id = $1 returning version', [m.id, to]);
    await tx.query(
      `insert into melding_events (id, melding_id, kind, from_status, to_status, detail, actor_id) values ($1, $2, 'forwarded', $3, $4, $5, $6)`,
      [randomUUID(), m.id, m.status, to, JSON.stringify({ forwardId: id, partnerId: partner.id, basis: input.basis, includesContact: !!reporterEnc }),
        ctx.actor.userId]);
    await logProcessing(tx, newTraceId(), { activity: 'melding doorsturen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
    await writeAudit(tx, ctx.audit, {
      action: 'create', organisationId: m.municipality_id, entity: 'melding-forwards', entityId: id,
      after: { meldingId: m.id, partnerId: partner.id, fields: ['summary', 'basis', ...(reporterEnc ? ['reporter'] : [])] },
    });
    const [me] = await tx.query<{ name: string }>('select name from users where id = $1', [ctx.actor.userId]);
    const send = await notifyForwardReceived(tx, mailer, id, publicUrl);
    return {
      forward: {
        id, partnerId: partner.id, partnerName: partner.name, summary: input.summary, basis: input.basis, includesContact: !!reporterEnc,
        forwardedAt: iso(row.forwarded_at)!, forwardedByName: me?.name ?? null, readAt: null,
      },
      version, send,
    };
  });
}

/** The melding's forwards, for its handlers. */
export async function listMeldingForwards(db: Db, ctx: RequestContext, meldingId: string): Promise<TMeldingForward[]> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, meldingId, 'forward');
    const rows = await tx.query<{
      id: string; partner_id: string; partner_name: string; summary: string; basis: string; has_contact: boolean;
      forwarded_at: Date | string; forwarded_by_name: string | null; read_at: Date | string | null;
    }>(
      `select f.id, f.partner_id, o.name as partner_name, f.summary, f.basis, f.reporter_enc is not null as has_contact, f.forwarded_at,
              u.name as forwarded_by_name, f.read_at
         from melding_forwards f join organisations o on o.id = f.partner_id left join users u on u.id = f.forwarded_by
        where f.melding_id = $1 order by f.forwarded_at, f.id`, [m.id]);
    await logProcessing(tx, newTraceId(), { activity: 'doorzendingen lezen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
    return rows.map((r) => ({
      id: r.id, partnerId: r.partner_id, partnerName: r.partner_name, summary: r.summary, basis: r.basis, includesContact: r.has_contact,
      forwardedAt: iso(r.forwarded_at)!, forwardedByName: r.forwarded_by_name, readAt: iso(r.read_at),
    }));
  });
}

export const ZForwardDraft = z.object({
  meldingId: ZId,
  number: z.string(),
  categoryName: z.string(),
  status: z.string(),
  version: z.number().int(),
  shareConsent: z.boolean(),
  hasContact: z.boolean(),
  draft: z.string(),
  partners: z.array(z.object({ id: ZId, name: z.string() })),
  forwards: z.array(ZMeldingForward),
});

/**
 * What the forward page needs: a draft summary from the reporter's answers (the category's questions in their order,
 * never the contact details), whether contact details may go along, the partners and the earlier forwards.
 */
export async function forwardDraft(db: Db, ctx: RequestContext, meldingId: string): Promise<z.infer<typeof ZForwardDraft>> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, meldingId, 'forward');
    const labelled = m.questions.filter((q) => m.answers[q.key]?.trim()).map((q) => `${q.label}\n${m.answers[q.key].trim()}`);
    const draft = [`${m.category_name} (${meldnummer(m.year, m.sequence)})`, ...labelled].join('\n\n');
    const forwards = await listMeldingForwards(tx, ctx, meldingId);
    await logProcessing(tx, newTraceId(), { activity: 'melding lezen (doorsturen)', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
    return {
      meldingId: m.id, number: meldnummer(m.year, m.sequence), categoryName: m.category_name, status: m.status, version: m.version,
      shareConsent: m.share_consent, hasContact: !!m.reporter_enc, draft, partners: await partnersFor(tx, m.municipality_id), forwards,
    };
  });
}
