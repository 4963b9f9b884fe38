import { AppError } from '../../../domain/errors.ts';
import type { TPlanExport } from '../../../domain/plan-views.ts';
import type { TProposalRequest } from '../../../domain/proposal.ts';
import type { TDecision } from '../../../domain/schemas.ts';
import type { Db } from '../../db/client.ts';
import { authorize, type RequestContext } from '../../core/access.ts';
import { exportPlan } from '../../plans/plan-queries.ts';
import { getRound } from '../../monitoring/rounds.ts';
import { getRecord } from '../../core/read.ts';
import { createRecord } from '../../core/write.ts';
import { decisions, plans } from '../../plans/resources.ts';
import { prefillProposal, type ProposalSource } from './prefill.ts';

const roundError = (message: string) => new AppError('validation', message, [{ path: 'roundId', message }]);

/**
 * Makes a collegevoorstel for a plan, prefilled from its data (ADR 0017): a decision of the college, not yet decided,
 * created through the generic service – so the rules, the version and the audit row are those of every decision.
 */
export async function createProposal(db: Db, ctx: RequestContext, planId: string, request: TProposalRequest): Promise<TDecision> {
  const plan = await exportPlan(db, planId, ctx);
  // Who may not write decisions in this plan is refused before any work is done.
  await authorize(db, ctx, decisions, { planId, ownerId: plan.ownerId }, 'create');
  const source: ProposalSource = { plan, purpose: request.purpose, parent: await parentOf(db, ctx, plan) };
  if (request.purpose === 'report_to_council') source.round = await closedRound(db, ctx, planId, request.roundId!);
  return (await createRecord(db, decisions, prefillProposal(source), ctx)) as unknown as TDecision;
}

/** The IVP a programme elaborates, when the actor may read it. */
async function parentOf(db: Db, ctx: RequestContext, plan: TPlanExport): Promise<ProposalSource['parent']> {
  if (!plan.parentPlanId) return null;
  const parent = await getRecord(db, plans, plan.parentPlanId, ctx).catch(() => null);
  return parent && { title: String(parent.title), adoptedBy: parent.adoptedBy as 'council' | null, adoptedOn: parent.adoptedOn as string | null };
}

/** A closed round of this plan: its figures are frozen, so the report says what the council will read. */
async function closedRound(db: Db, ctx: RequestContext, planId: string, roundId: string): Promise<NonNullable<ProposalSource['round']>> {
  const round = await getRound(db, ctx, roundId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });
  if (!round || round.planId !== planId) throw roundError('Deze updateronde hoort niet bij dit programma');
  if (round.status !== 'closed') throw roundError('Sluit de updateronde eerst: alleen de cijfers van een afgesloten ronde liggen vast');
  return { quarter: round.quarter, closedAt: round.closedAt, snapshot: round.snapshot };
}
