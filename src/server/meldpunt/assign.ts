import { AppError } from '../../domain/errors.ts';
import type { TMeldingStatus } from '../../domain/meldpunt.ts';
import type { FieldError } from '../../domain/errors.ts';
import type { z } from 'zod';
import type { ZMeldingPatch } from '../../domain/meldpunt-triage.ts';
import { meldpuntTriageText } from '../../text/nl/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { addEvent, expectVersion, findMelding, recordChange, updateMelding } from './melding-access.ts';
import { isHandlerOf } from './melding.ts';
import { newTraceId } from './processing-log.ts';

/*
 * Assigning a melding to a behandelaar (of its municipality and category) and linking it to a theme or activity of the
 * municipality's programme: PATCH with the version the handler saw.
 */

const t = meldpuntTriageText.meldpuntTriage;
const COLUMNS = { handlerId: 'handler_id', themeId: 'theme_id', activityId: 'activity_id' } as const;

export interface Changed { id: string; version: number; status: TMeldingStatus }

export async function changeMelding(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof ZMeldingPatch>): Promise<Changed> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    expectVersion(m, body.version);
    const errors: FieldError[] = [];
    if (body.handlerId && !(await isHandlerOf(tx, body.handlerId, m.municipality_id, m.category_key))) errors.push({ path: 'handlerId', message: t.errors.notHandler });
    if (body.themeId) {
      const [theme] = await tx.query('select 1 from themes where id = $1 and owner_id = $2', [body.themeId, m.municipality_id]);
      if (!theme) errors.push({ path: 'themeId', message: t.errors.notTheme });
    }
    if (body.activityId) {
      const [act] = await tx.query('select 1 from activities a join themes th on th.id = a.theme_id where a.id = $1 and th.owner_id = $2', [body.activityId, m.municipality_id]);
      if (!act) errors.push({ path: 'activityId', message: t.errors.notActivity });
    }
    if (errors.length) throw new AppError('validation', errors[0].message, errors);
    const set: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS)) {
      const v = body[field as keyof typeof COLUMNS];
      if (v !== undefined && v !== m[column]) set[column] = v;
    }
    const version = await updateMelding(tx, m.id, body.version, set);
    const fields = Object.keys(set);
    if (fields.includes('handler_id')) await addEvent(tx, m.id, ctx.actor.userId, 'assigned', { detail: { handlerId: set.handler_id } });
    if (fields.includes('theme_id') || fields.includes('activity_id')) await addEvent(tx, m.id, ctx.actor.userId, 'linked');
    await recordChange(tx, ctx, newTraceId(), m, 'melding toewijzen of koppelen', fields);
    return { id: m.id, version, status: m.status };
  });
}
