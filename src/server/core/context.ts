import { ANONYMOUS, type Actor } from '../../domain/permissions.ts';
import { SYSTEM, type AuditActor } from './audit.ts';

/** Who a service call is for. System work (start-up, the demo import) is not checked, but is audited as 'systeem'. */
export interface RequestContext {
  actor: Actor;
  audit: AuditActor;
  isSystem?: boolean;
  /** False for bulk work that writes one audit row of its own. */
  isAudited?: boolean;
  /**
   * Bulk work (an Excel import): the documents whose keeper would run after each write (`Keeper`) are collected here
   * instead, and brought in step once by the caller, after all the writes.
   */
  deferred?: Set<string>;
}

export const SYSTEM_CONTEXT: RequestContext = { actor: ANONYMOUS, audit: SYSTEM, isSystem: true };
