import { Heading, Paragraph } from '@utrecht/component-library-react';
import { api } from '../api/client.ts';
import type { PlanExport } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { useLoad } from '../lib/useLoad.ts';
import { planSubject, useCan } from '../session/useCan.ts';
import { DocumentWorkflow, VersionList } from './DocumentWorkflow.tsx';
import { DownloadLinks } from './DownloadLinks.tsx';
import { LoadState } from './LoadState.tsx';

const V = nl.versions;

/**
 * The plan's documents: the live text as Word, PDF and HTML and its adoption workflow (the adviser); the evaluation
 * report likewise (the staff read it live, the adviser adopts it); and every frozen version of the plan and its
 * reports – what the council reads.
 */
export function PlanDocuments({ plan, onPlanChanged }: { plan: PlanExport; onPlanChanged: () => void }) {
  const state = useLoad(() => api.listVersions(plan.id), `${plan.id}-${plan.version}`, { keepPrevious: true });
  const can = useCan();
  const mayAdopt = can('create', planSubject('versions', plan, plan.organisations));
  // The reports hold working notes: read live like the update rounds, by the staff (ADR 0016).
  const readsReports = can('read', planSubject('rounds', plan, plan.organisations));
  const changed = () => {
    state.reload();
    onPlanChanged();
  };
  return (
    <section aria-labelledby="documenten">
      <Heading level={2} id="documenten">{V.heading}</Heading>
      <Heading level={3}>{V.live}</Heading>
      <Paragraph>{V.liveIntro} {nl.plan.status}: {nl.labels.planStatus[plan.status]}.</Paragraph>
      <DownloadLinks url={(f) => api.documentUrl(plan.id, f)} what={V.currentText} />
      <LoadState state={state} isNested>
        {(data) => (
          <>
            {mayAdopt && (
              <DocumentWorkflow
                versions={data.versions} onChanged={changed}
                target={{
                  id: 'vaststelling', document: 'plan', heading: V.workflow, headingLevel: 3, stage: nl.labels.planStatus[plan.status],
                  // null before the first version: the adviser reads the live plan, so nothing else.
                  hasChanges: data.hasChanges ?? false, adopt: (body) => api.adoptVersion(plan.id, body), comparePlanId: plan.id,
                }}
              />
            )}
            {readsReports && (
              <section aria-labelledby="evaluatie">
                <Heading level={3} id="evaluatie">{nl.report.download.evaluation}</Heading>
                <Paragraph>{nl.report.download.evaluationIntro}</Paragraph>
                <DownloadLinks url={(f) => api.evaluationUrl(plan.id, f)} what={nl.report.download.evaluation} />
                {mayAdopt && (
                  <DocumentWorkflow
                    versions={data.versions} onChanged={state.reload}
                    target={{
                      id: 'evaluatie-vaststelling', document: 'evaluation', heading: V.workflowOf(nl.report.download.evaluation),
                      headingLevel: 4, hasChanges: null, adopt: (body) => api.adoptEvaluation(plan.id, body),
                    }}
                  />
                )}
              </section>
            )}
            <VersionList
              id="versies" headingLevel={3} versions={data.versions}
              compare={{ planId: plan.id, hasDraft: data.hasChanges !== null }}
            />
          </>
        )}
      </LoadState>
    </section>
  );
}
