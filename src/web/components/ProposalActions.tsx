import { ButtonGroup } from '@utrecht/component-library-react';
import type { TDecision } from '../../domain/schemas.ts';
import { api } from '../api/client.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppButtonLink } from './AppLink.tsx';
import { DownloadLinks } from './DownloadLinks.tsx';

/** A decision's actions on the plan page: edit it (an adviser) and download it as a Word collegevoorstel (whoever reads it). */
export function ProposalActions({ decision, canEdit }: { decision: TDecision; canEdit: boolean }) {
  return (
    <>
      {canEdit && (
        <ButtonGroup className="regie-actions">
          <AppButtonLink to={paths.editProposal(decision.planId, decision.id)} aria-label={`${nl.proposal.edit}: ${decision.title}`}>
            {nl.proposal.edit}
          </AppButtonLink>
        </ButtonGroup>
      )}
      <DownloadLinks url={(f) => api.decisionDocumentUrl(decision.id, f)} what={decision.title} formats={['docx']} />
    </>
  );
}
