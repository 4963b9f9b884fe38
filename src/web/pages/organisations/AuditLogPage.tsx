import { useParams, useSearchParams } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import type { AuditEntry, AuditFilter } from '../../api/types.ts';
import { AuditFilterForm } from '../../components/AuditFilterForm.tsx';
import { AuditTable } from '../../components/AuditTable.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NotFoundMessage } from '../../components/NotFoundMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { organisationSubject, useCan } from '../../session/useCan.ts';

/** At most this many rows on the page; the CSV has them all. */
const LIMIT = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the URL; a value that does not fit is left out. */
function filterFromUrl(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const action = params.get('action');
  const entity = params.get('entity');
  const from = params.get('from');
  const to = params.get('to');
  if (action && action in nl.audit.actions) filter.action = action;
  if (entity && entity in nl.audit.entities) filter.entity = entity;
  if (from && DATE.test(from)) filter.from = from;
  if (to && DATE.test(to)) filter.to = to;
  return filter;
}

/** The audit trail of an organisation, for its beheerders: filtered by action, part and period, and as CSV. */
export function AuditLogPage() {
  const { organisationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = filterFromUrl(params);
  const search = new URLSearchParams(filter as Record<string, string>).toString();
  const organisation = useLoad(() => api.getOrganisation(organisationId), organisationId);
  const entries = useLoad<AuditEntry[]>(
    () => api.listAudit(organisationId, filter, LIMIT),
    `${organisationId}?${search}`,
    { keepPrevious: true },
  );

  const can = useCan();
  return (
    <LoadState state={organisation}>
      {(org) => !can('read', organisationSubject('audit', org)) ? <NotFoundMessage /> : (
        <>
          <Breadcrumbs items={[{ label: org.name, to: paths.organisation(org.id) }]} />
          <PageHeading preHeading={org.name} title={nl.audit.title(org.name)}>
            {nl.audit.heading}
          </PageHeading>
          <Paragraph>{nl.audit.intro}</Paragraph>
          <AuditFilterForm key={search} filter={filter} onApply={(next) => setParams(next)} clearTo={paths.auditLog(org.id)} />
          <Paragraph className="regie-download">
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={api.auditCsvUrl(org.id, filter)}
              download
              aria-describedby="audit-csv-help"
            >
              {nl.audit.csv}
            </a>{' '}
            <span id="audit-csv-help" className="regie-muted">{nl.audit.csvHelp}</span>
          </Paragraph>
          <Paragraph role="status" className="regie-count" aria-busy={entries.isLoading}>
            {entries.data && nl.audit.count(entries.data.length)}
          </Paragraph>
          <LoadState state={entries} isNested>
            {(rows) => (
              <>
                {rows.length >= LIMIT && <Paragraph>{nl.audit.truncated(LIMIT)}</Paragraph>}
                {rows.length ? <AuditTable entries={rows} /> : <Paragraph>{nl.audit.none}</Paragraph>}
              </>
            )}
          </LoadState>
        </>
      )}
    </LoadState>
  );
}
