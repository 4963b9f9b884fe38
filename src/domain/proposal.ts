import { z } from 'zod';
import { ZId } from './schemas.ts';

/*
 * The collegevoorstel (ADR 0017): a decision record prefilled from the plan's data. What the data cannot say is a
 * placeholder the adviser must replace; it starts with this marker, so the editor and the document can find it.
 */

export const PROPOSAL_PURPOSES = ['adopt_plan', 'report_to_council'] as const;
export type TProposalPurpose = (typeof PROPOSAL_PURPOSES)[number];

/** POST /plans/{id}/proposals: adopt the plan, or send the progress report of a closed update round to the council. */
export const ZProposalRequest = z.strictObject({
  purpose: z.enum(PROPOSAL_PURPOSES),
  roundId: ZId.optional(),
}).superRefine((r, ctx) => {
  if (r.purpose === 'report_to_council' && !r.roundId) {
    ctx.addIssue({ code: 'custom', path: ['roundId'], message: 'Kies de afgesloten updateronde waarover u rapporteert' });
  }
});
export type TProposalRequest = z.infer<typeof ZProposalRequest>;

/** The start of every placeholder: "[Vul in: de naam van de raadscommissie]". */
export const PLACEHOLDER_OPEN = '[Vul in:';

/** Whether a text still holds a placeholder. */
export const hasPlaceholder = (text: string | null | undefined) => !!text && text.includes(PLACEHOLDER_OPEN);

/** The parts of a decision that still hold a placeholder: its title, points and sections, by name. */
export function unfilledParts(d: { title: string; decisionPoints: string[]; sections: { title: string; body: string }[] }, labels: { title: string; points: string }): string[] {
  return [
    ...(hasPlaceholder(d.title) ? [labels.title] : []),
    ...(d.decisionPoints.some(hasPlaceholder) ? [labels.points] : []),
    ...d.sections.filter((s) => hasPlaceholder(s.title) || hasPlaceholder(s.body)).map((s) => s.title),
  ];
}
