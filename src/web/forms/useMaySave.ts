import type { TEntity } from '../../domain/permissions.ts';
import { planSubject, useCan } from '../session/useCan.ts';
import type { FormContext } from './context.ts';

/**
 * Whether the user may save this form: create in the plan, or update the record (an activity with its organisations
 * involved, which a partner may update). The server decides again; this only spares a form that cannot be saved.
 */
export function useMaySave(ctx: FormContext, entity: TEntity, record?: object): boolean {
  const can = useCan();
  const subject = planSubject(entity, ctx.plan, ctx.organisations);
  if (!record) return can('create', subject);
  const stakeholderIds = 'stakeholderIds' in record ? (record.stakeholderIds as string[]) : undefined;
  return can('update', stakeholderIds ? { ...subject, stakeholderIds } : subject);
}
