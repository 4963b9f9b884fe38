import type { Db } from '../db/client.ts';
import { toCsv } from './csv.ts';

/** Who a change is attributed to. Until accounts exist every request is 'anoniem'; start-up work is 'systeem'. */
export interface AuditActor {
  userId: string | null;
  label: string;
}

export const SYSTEM: AuditActor = { userId: null, label: 'systeem' };
export const ANONYMOUS_ACTOR: AuditActor = { userId: null, label: 'anoniem' };

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'import', 'export', 'login', 'login_failed', 'logout', 'role_change', 'token_use', 'password_reset'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  action: AuditAction;
  organisationId: string | null;
  entity?: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one event to the audit trail, in the caller's transaction. */
export async function writeAudit(tx: Db, actor: AuditActor, e: AuditEvent): Promise<void> {
  await tx.query(
    `insert into audit_events (actor_user_id, actor_label, organisation_id, action, entity, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.userId, actor.label, e.organisationId, e.action, e.entity ?? null, e.entityId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

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
