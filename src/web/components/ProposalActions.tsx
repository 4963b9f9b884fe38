import { ButtonGroup } from '@utrecht/component-library-react';
import type { TDecision } from '../../domain/schemas.ts';
import { api } from '../api/client.ts';
import { nl } from '../i18n/nl.ts';
import { paths } from '../lib/paths.ts';
import { AppButtonLink } from './AppLink.tsx';

/** A decision's actions on the plan page: edit it (an adviser) and download it as a Word collegevoorstel (whoever reads it). */
export function ProposalActions({ decision, canEdit }: { decision: TDecision; canEdit: boolean }) {
  return (
    <ButtonGroup className="regie-actions">
      {canEdit && (
        <AppButtonLink to={paths.editProposal(decision.planId, decision.id)} aria-label={`${nl.proposal.edit}: ${decision.title}`}>
          {nl.proposal.edit}
        </AppButtonLink>
      )}
      <a
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        href={api.decisionDocumentUrl(decision.id, 'docx')}
        aria-label={nl.proposal.asWord(decision.title)}
        download
      >
        {nl.proposal.downloadWord}
      </a>
    </ButtonGroup>
  );
}
