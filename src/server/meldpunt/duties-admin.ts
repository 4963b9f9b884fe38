import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { forwardsCopy } from '../../text/nl/meldpunt-forwards.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { writeAudit } from '../core/audit.ts';
import { authorizeMeldpuntAdmin } from './category-admin.ts';
import { listCategories } from './repository.ts';

/*
 * Who handles a municipality's meldingen (issue 13, part 4): the beheerder makes members behandelaar, for all
 * categories (categoryKeys null) or some. PUT replaces the municipality's behandelaar duties as a whole.
 */

const t = forwardsCopy.settings;

export const ZDutyMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** Behandelaar for all categories, or for `categoryKeys` only. */
  isBehandelaar: z.boolean(),
  allCategories: z.boolean(),
  categoryKeys: z.array(z.string()),
});
export const ZDutiesPut = z.object({
  behandelaars: z.array(z.object({ userId: z.string(), categoryKeys: z.array(z.string()).nullable() })).max(500),
});

/** The municipality's members with their behandelaar duties. */
export async function listDuties(db: Db, ctx: RequestContext, municipalityId: string): Promise<z.infer<typeof ZDutyMember>[]> {
  await authorizeMeldpuntAdmin(db, ctx, municipalityId);
  const members = await db.query<{ id: string; name: string; email: string }>(
    'select u.id, u.name, u.email from memberships ms join users u on u.id = ms.user_id where ms.organisation_id = $1 order by u.name, u.email', [municipalityId]);
  const duties = await db.query<{ user_id: string; category_key: string | null }>(
    `select user_id, category_key from meldpunt_duties where organisation_id = $1 and duty = 'behandelaar'`, [municipalityId]);
  return members.map((m) => {
    const mine = duties.filter((d) => d.user_id === m.id);
    return {
      userId: m.id, name: m.name, email: m.email, isBehandelaar: mine.length > 0, allCategories: mine.some((d) => d.category_key === null),
      categoryKeys: mine.flatMap((d) => (d.category_key ? [d.category_key] : [])).sort(),
    };
  });
}

export async function putDuties(db: Db, ctx: RequestContext, municipalityId: string, input: z.infer<typeof ZDutiesPut>) {
  await db.transaction(async (tx) => {
    await authorizeMeldpuntAdmin(tx, ctx, municipalityId);
    const members = new Set((await tx.query<{ user_id: string }>('select user_id from memberships where organisation_id = $1', [municipalityId])).map((r) => r.user_id));
    const keys = new Set((await listCategories(tx, municipalityId, { activeOnly: false })).map((c) => c.key));
    input.behandelaars.forEach((b, i) => {
      if (!members.has(b.userId.toLowerCase())) throw new AppError('validation', t.notMember, [{ path: `behandelaars.${i}.userId`, message: t.notMember }]);
      b.categoryKeys?.forEach((k, j) => {
        if (!keys.has(k)) throw new AppError('validation', t.unknownCategory, [{ path: `behandelaars.${i}.categoryKeys.${j}`, message: t.unknownCategory }]);
      });
    });
    await tx.query(`delete from meldpunt_duties where organisation_id = $1 and duty = 'behandelaar'`, [municipalityId]);
    for (const b of input.behandelaars) {
      for (const key of b.categoryKeys === null ? [null] : [...new Set(b.categoryKeys)]) {
        await tx.query(`insert into meldpunt_duties (user_id, organisation_id, duty, category_key) values ($1, $2, 'behandelaar', $3) on conflict do nothing`,
          [b.userId.toLowerCase(), municipalityId, key]);
      }
    }
    await writeAudit(tx, ctx.audit, {
      action: 'update', organisationId: municipalityId, entity: 'meldpunt-duties', entityId: null,
      after: { userIds: input.behandelaars.map((b) => b.userId.toLowerCase()) },
    });
  });
  return listDuties(db, ctx, municipalityId);
}
