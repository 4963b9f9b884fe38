import { meldnummer, OPEN_STATUSES } from '../../domain/meldpunt.ts';
import { ageAgainstNorm, type TQueue, type TQueueQuery } from '../../domain/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/context.ts';
import { userOf } from './melding-access.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { meldingScope, MELDPUNT_PROCESSING } from './repository.ts';

/*
 * The queue of the behandelaar: the meldingen they handle, newest or oldest first, with each one's age in working days
 * against its category's response time. Need-to-know is in the SQL (`meldingScope`); the filters on municipality,
 * status and received_at let PostgreSQL walk the index meldingen_queue. A page is one row longer than asked, to know
 * whether there is more, so no count of all rows is needed.
 */

interface Row {
  id: string; municipality_id: string; year: number; sequence: number; source: 'public' | 'internal' | 'mma';
  status: TQueue['items'][number]['status']; received_at: string; handler_id: string | null; handler_name: string | null;
  category_key: string; category_name: string; response_days: number;
}

export async function listQueue(db: Db, ctx: RequestContext, q: TQueueQuery): Promise<TQueue> {
  const userId = userOf(ctx);
  const duties = (ctx.actor.duties ?? []).filter((d) => d.duty === 'behandelaar');
  if (duties.length === 0) return { items: [], hasMore: false, offset: q.offset, limit: q.limit };
  const scope = meldingScope(null, duties, 'm', 'c', 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const municipalities = q.municipality ? [q.municipality] : [...new Set(duties.map((d) => d.organisationId))];
  params.push(municipalities);
  where.push(`m.municipality_id = any($${params.length}::uuid[])`);
  const statuses = q.status === 'open' ? OPEN_STATUSES : q.status === 'alle' ? null : [q.status];
  if (statuses) {
    params.push(statuses);
    where.push(`m.status = any($${params.length}::text[])`);
  }
  if (q.category) {
    params.push(q.category);
    where.push(`c.key = $${params.length}`);
  }
  if (q.assigned === 'me') {
    params.push(userId);
    where.push(`m.handler_id = $${params.length}`);
  } else if (q.assigned === 'niemand') where.push('m.handler_id is null');
  params.push(q.limit + 1, q.offset);
  return db.transaction(async (tx) => {
    const rows = await tx.query<Row>(
      `select m.id, m.municipality_id, m.year, m.sequence, m.source, m.status, m.received_at, m.handler_id, u.name as handler_name,
              c.key as category_key, c.name as category_name, c.response_days
         from meldingen m join meldpunt_categories c on c.id = m.category_id left join users u on u.id = m.handler_id
        where ${where.join(' and ')}
        order by m.received_at ${q.order === 'nieuwste' ? 'desc' : 'asc'}, m.id
        limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const now = new Date();
    await logProcessing(tx, newTraceId(), { activity: 'wachtrij lezen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: page.map((r) => r.id) });
    return {
      items: page.map((r) => {
        const age = ageAgainstNorm(r.received_at, r.response_days, now);
        return {
          id: r.id, number: meldnummer(r.year, r.sequence), municipalityId: r.municipality_id,
          category: { key: r.category_key, name: r.category_name, responseDays: r.response_days }, source: r.source, status: r.status,
          receivedAt: r.received_at, ageDays: age.ageDays, lateDays: OPEN_STATUSES.includes(r.status) ? age.lateDays : 0,
          handler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? '' } : null,
        };
      }),
      hasMore: rows.length > q.limit, offset: q.offset, limit: q.limit,
    };
  });
}
