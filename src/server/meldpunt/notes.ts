import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { findMelding, recordChange } from './melding-access.ts';
import { newTraceId } from './processing-log.ts';

/** An internal note on a melding, for its handlers only. Notes are added, never changed: no version needed. */
export async function addNote(db: Db, ctx: RequestContext, id: string, body: string) {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'triage');
    const [note] = await tx.query<{ id: string; kind: 'note'; body: string; created_at: string }>(
      `insert into melding_messages (id, melding_id, kind, body, author_id) values ($1, $2, 'note', $3, $4) returning id, kind, body, created_at`,
      [randomUUID(), m.id, body, ctx.actor.userId]);
    await tx.query('update meldingen set updated_at = now() where id = $1', [m.id]);
    await recordChange(tx, ctx, newTraceId(), m, 'notitie bij melding', ['notes']);
    return { id: note.id, kind: note.kind, body: note.body, createdAt: note.created_at };
  });
}
