import type { Db } from '../db/client.ts';

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
