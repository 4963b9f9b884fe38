import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { ZCategoryFields } from '../../domain/meldpunt.ts';
import { forwardsCopy } from '../../text/nl/meldpunt-forwards.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { writeAudit } from '../core/audit.ts';
import { categoryById, listCategories, type Category } from './repository.ts';

/*
 * The beheerder's configuration of a municipality's meldpunt (issue 13, parts 1 and 4): its categories with their
 * questions, handling text, response time, referral and retention. Only the municipality's beheerder; signed out 401,
 * another role 403, an unknown municipality 404. Optimistic concurrency with `version` (409).
 */

const t = forwardsCopy.settings;

/** The municipality's beheerder, or an error. */
export async function authorizeMeldpuntAdmin(db: Db, ctx: RequestContext, municipalityId: string): Promise<void> {
  const [org] = await db.query<{ kind: string }>('select kind from organisations where id = $1', [municipalityId]);
  if (!ctx.actor.userId) throw new AppError('unauthorized', 'Log in om het meldpunt in te stellen');
  if (!org || org.kind !== 'municipality') throw new AppError('not_found', 'Niet gevonden');
  if (!ctx.actor.roles.some((r) => r.organisationId === municipalityId && r.role === 'beheerder')) throw new AppError('forbidden', t.forbidden);
}

export const ZCategory = ZCategoryFields.extend({ id: z.string(), municipalityId: z.string(), version: z.number().int() });
export const ZCategoryCreate = ZCategoryFields.extend({ municipalityId: z.string() });
/** A PATCH: only the fields sent (the create schema's defaults would overwrite the others). */
const { key: _key, ...editable } = ZCategoryFields.shape;
export const ZCategoryPatch = z.object({
  ...Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : v).optional()])) as {
    [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K] extends z.ZodDefault<infer T> ? T : (typeof editable)[K]>
  },
  version: z.number().int(),
});

export async function adminListCategories(db: Db, ctx: RequestContext, municipalityId: string): Promise<Category[]> {
  await authorizeMeldpuntAdmin(db, ctx, municipalityId);
  return listCategories(db, municipalityId, { activeOnly: false });
}

const keyTaken = () => new AppError('conflict', t.keyTaken, [{ path: 'key', message: t.keyTaken }]);

export async function createCategory(db: Db, ctx: RequestContext, input: z.infer<typeof ZCategoryCreate>): Promise<Category> {
  return db.transaction(async (tx) => {
    await authorizeMeldpuntAdmin(tx, ctx, input.municipalityId);
    const [taken] = await tx.query('select 1 from meldpunt_categories where municipality_id = $1 and key = $2', [input.municipalityId, input.key]);
    if (taken) throw keyTaken();
    const id = randomUUID();
    await tx.query(
      `insert into meldpunt_categories (id, municipality_id, key, name, description, questions, handling_text, response_days, referral_url,
         no_action_retention_months, is_active, position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [id, input.municipalityId, input.key, input.name, input.description, JSON.stringify(input.questions), input.handlingText, input.responseDays,
        input.referralUrl, input.noActionRetentionMonths, input.isActive, input.position]);
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId: input.municipalityId, entity: 'meldpunt-categories', entityId: id });
    return (await categoryById(tx, id))!;
  });
}

const COLUMNS: Record<string, string> = {
  name: 'name', description: 'description', questions: 'questions', handlingText: 'handling_text', responseDays: 'response_days',
  referralUrl: 'referral_url', noActionRetentionMonths: 'no_action_retention_months', isActive: 'is_active', position: 'position',
};

export async function updateCategory(db: Db, ctx: RequestContext, id: string, patch: z.infer<typeof ZCategoryPatch>): Promise<Category> {
  return db.transaction(async (tx) => {
    const current = await categoryById(tx, id);
    if (!current) throw new AppError('not_found', 'Niet gevonden');
    await authorizeMeldpuntAdmin(tx, ctx, current.municipalityId);
    const fields = Object.keys(COLUMNS).filter((k) => patch[k as keyof typeof patch] !== undefined);
    const values = fields.map((k) => (k === 'questions' ? JSON.stringify(patch.questions) : patch[k as keyof typeof patch]));
    const sets = fields.map((k, i) => `${COLUMNS[k]} = $${i + 3}`);
    const rows = await tx.query(
      `update meldpunt_categories set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        where id = $1 and version = $2 returning id`, [id, patch.version, ...values]);
    if (rows.length === 0) throw new AppError('conflict', t.stale, [{ path: 'version', message: 'Verouderde versie' }]);
    await writeAudit(tx, ctx.audit, { action: 'update', organisationId: current.municipalityId, entity: 'meldpunt-categories', entityId: id, after: { fields } });
    return (await categoryById(tx, id))!;
  });
}
