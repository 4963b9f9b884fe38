import { z } from 'zod';
import { meldnummer, ZReporter, type TReporter } from '../../domain/meldpunt.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import type { RequestContext } from '../core/context.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';
import { notFound, userOf } from './melding-access.ts';

/*
 * The partner's inbox (issue 13, part 4): the forwards to the partner organisations the actor is a `partner` member
 * of – only what was forwarded (summary, category, meldnummer, date, basis, contact details only when they went
 * along), never the melding itself. Another partner's forwards are a 404.
 */

export const ZInboxItem = z.object({
  id: ZId,
  number: z.string(),
  categoryName: z.string(),
  municipalityName: z.string(),
  partnerName: z.string(),
  basis: z.string(),
  forwardedAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZInboxForward = ZInboxItem.extend({ summary: z.string(), contact: ZReporter.nullable() });
export type TInboxItem = z.infer<typeof ZInboxItem>;

interface Row {
  id: string; melding_id: string; year: number; sequence: number; category_name: string; municipality_name: string; partner_name: string;
  basis: string; summary: string; reporter_enc: string | null; forwarded_at: Date | string; read_at: Date | string | null;
}
const SELECT = `select f.id, f.melding_id, m.year, m.sequence, c.name as category_name, mu.name as municipality_name, p.name as partner_name,
                       f.basis, f.summary, f.reporter_enc, f.forwarded_at, f.read_at
                  from melding_forwards f join meldingen m on m.id = f.melding_id join meldpunt_categories c on c.id = m.category_id
                  join organisations mu on mu.id = m.municipality_id join organisations p on p.id = f.partner_id`;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const item = (r: Row): TInboxItem => ({
  id: r.id, number: meldnummer(r.year, r.sequence), categoryName: r.category_name, municipalityName: r.municipality_name,
  partnerName: r.partner_name, basis: r.basis, forwardedAt: iso(r.forwarded_at)!, readAt: iso(r.read_at),
});

/** The partner organisations the actor reads forwards of. */
const partnerOrgs = (ctx: RequestContext) => ctx.actor.roles.filter((r) => r.role === 'partner').map((r) => r.organisationId);

export async function listInbox(db: Db, ctx: RequestContext): Promise<TInboxItem[]> {
  userOf(ctx);
  const orgs = partnerOrgs(ctx);
  if (orgs.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx.query<Row>(`${SELECT} where f.partner_id = any($1::uuid[]) order by f.forwarded_at desc, f.id limit 500`, [orgs]);
    await logProcessing(tx, newTraceId(), {
      activity: 'doorgestuurde meldingen lijst', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: rows.map((r) => r.melding_id),
    });
    return rows.map(item);
  });
}

/** One forward, read by a member of its partner: marks it read. */
export async function readForward(db: Db, ctx: RequestContext, cipher: DataCipher, id: string): Promise<z.infer<typeof ZInboxForward>> {
  userOf(ctx);
  const orgs = partnerOrgs(ctx);
  return db.transaction(async (tx) => {
    const [r] = await tx.query<Row>(`${SELECT} where f.id = $1 and f.partner_id = any($2::uuid[])`, [id, orgs]);
    if (!r) throw notFound();
    const [marked] = await tx.query<{ read_at: Date | string }>('update melding_forwards set read_at = coalesce(read_at, now()) where id = $1 returning read_at', [id]);
    await logProcessing(tx, newTraceId(), { activity: 'doorgestuurde melding lezen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [r.melding_id] });
    return { ...item({ ...r, read_at: marked.read_at }), summary: r.summary, contact: r.reporter_enc ? cipher.decryptJson<TReporter>(r.reporter_enc) : null };
  });
}
