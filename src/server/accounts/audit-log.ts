import type { Db } from '../db/client.ts';
import type { AuditAction } from '../core/audit.ts';
import { toCsv } from '../core/csv.ts';

/*
 * The audit trail as its beheerder reads it: one organisation's events, filtered, as a list or as CSV. Writing is the
 * core's (core/audit.ts), in the transaction of each change.
 */

export interface AuditFilter {
  organisationId: string;
  action?: AuditAction;
  entity?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit?: number;
}

/** The audit trail of one organisation, newest first, filtered. */
export async function listAudit(db: Db, f: AuditFilter) {
  const params: unknown[] = [f.organisationId];
  // The organisation's own changes, and the logins and logouts of its users (those rows name no organisation).
  const where = ['(organisation_id = $1 or (organisation_id is null and actor_user_id in (select user_id from memberships where organisation_id = $1)))'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.action) add('action = ?', f.action);
  if (f.entity) add('entity = ?', f.entity);
  if (f.from) add('at >= ?::date', f.from);
  if (f.to) add("at < ?::date + interval '1 day'", f.to);
  params.push(Math.min(f.limit ?? 200, 5000));
  const rows = await db.query<Record<string, unknown>>(
    `select id, at, actor_user_id, actor_label, organisation_id, action, entity, entity_id, before, after
       from audit_events where ${where.join(' and ')} order by id desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: Number(r.id), at: r.at as string, actorUserId: r.actor_user_id as string | null, actorLabel: r.actor_label as string,
    organisationId: r.organisation_id as string | null, action: r.action as AuditAction, entity: r.entity as string | null,
    entityId: r.entity_id as string | null, before: r.before ?? null, after: r.after ?? null,
  }));
}

/** CSV of audit rows (semicolon-separated, as Dutch spreadsheet programs expect), quoting every field. */
export function auditToCsv(rows: Awaited<ReturnType<typeof listAudit>>): string {
  const header = ['tijdstip', 'wie', 'gebruiker_id', 'actie', 'onderdeel', 'id', 'voor', 'na'];
  return toCsv(header, rows.map((r) =>
    [r.at, r.actorLabel, r.actorUserId, r.action, r.entity, r.entityId, r.before ? JSON.stringify(r.before) : '', r.after ? JSON.stringify(r.after) : '']));
}
