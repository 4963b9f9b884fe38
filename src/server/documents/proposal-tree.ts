import type { TPlanExport } from '../../domain/plan-views.ts';
import { unfilledParts } from '../../domain/proposal.ts';
import type { TDecision } from '../../domain/schemas.ts';
import { nl } from '../../text/nl.ts';
import { formatDate } from '../../text/format.ts';
import { textBlocks, type Block, type DocumentTree } from './tree.ts';

const P = nl.proposal;

/**
 * A decision as the collegevoorstel the college reads (seed 002): the heading block (onderwerp, gemeente,
 * portefeuillehouder(s), datum, kenmerk), "Voorgesteld besluit" with the numbered points, then its sections and
 * follow-ups. A proposal that still holds placeholders says so at the top, so an unfinished draft is not mistaken for
 * the final text.
 */
export function proposalDocumentTree(decision: TDecision, plan: TPlanExport): DocumentTree {
  const unfilled = unfilledParts(decision, { title: P.heading.subject, points: P.proposedDecision });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: P.documentTitle[decision.body] },
    { kind: 'facts', items: headingFacts(decision, plan) },
    ...(unfilled.length ? [{ kind: 'paragraph', text: P.unfilledNotice(unfilled.join(', ')) } as const] : []),
    { kind: 'heading', level: 2, text: P.proposedDecision },
    { kind: 'list', isOrdered: true, items: decision.decisionPoints },
  ];
  for (const s of decision.sections) blocks.push({ kind: 'heading', level: 2, text: s.title }, ...textBlocks(s.body));
  if (decision.followUps.length) {
    blocks.push({ kind: 'heading', level: 2, text: P.followUps }, {
      kind: 'list',
      items: decision.followUps.map((f) => {
        const to = f.addressee ? ` (${nl.decision.addressee} ${f.addressee})` : '';
        const when = f.dueText || f.dueDate ? ` – ${nl.decision.due}: ${f.dueText ?? formatDate(f.dueDate)}` : '';
        return `${nl.labels.followUp[f.kind]}: ${f.description}${to}${when}`;
      }),
    });
  }
  return { lang: 'nl', title: decision.title, blocks };
}

/** The portefeuillehouders of the plan's themes, in the order they first appear. */
function portfolioHolders(plan: TPlanExport): string[] {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  const ids = [...new Set(plan.themes.flatMap((t) => t.portfolioHolderIds))];
  return ids.map((id) => people.get(id)).filter((p) => !!p).map((p) => (p.functionTitle ? `${p.name} (${p.functionTitle})` : p.name));
}

function headingFacts(decision: TDecision, plan: TPlanExport) {
  const holders = portfolioHolders(plan);
  return [
    { label: P.heading.subject, value: decision.title },
    ...(plan.owner ? [{ label: P.heading.owner, value: plan.owner.name }] : []),
    ...(holders.length ? [{ label: P.heading.portfolioHolders, value: holders.join(', ') }] : []),
    { label: P.heading.date, value: decision.decidedOn ? formatDate(decision.decidedOn) : nl.app.empty },
    { label: P.heading.reference, value: decision.reference || nl.app.empty },
    { label: P.heading.status, value: decision.isDecided ? P.statusDecided : P.statusDraft },
  ];
}
