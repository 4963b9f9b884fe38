import { useParams, useSearchParams } from 'react-router';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import type { ProgrammeActivity, Roadmap, RoadmapRow } from '../../api/types.ts';
import { ActivityFilterForm } from '../../components/ActivityFilterForm.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ServedVersionBanner } from '../../components/ServedVersionBanner.tsx';
import { RoadmapTable, themeName } from '../../components/RoadmapTable.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatPeriod, formatQuarterCode, quartersBetween } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { filterFromUrl, loadProgrammeContext } from '../../lib/programme.ts';
import { useLoad } from '../../lib/useLoad.ts';

const R = nl.roadmap;

/** An activity in a list: its title (to its theme), theme and status, and what is said about its timing. */
function ActivityItem({ activity: a, detail }: { activity: ProgrammeActivity; detail: string }) {
  return (
    <UnorderedListItem>
      <AppLink to={paths.theme(a.theme.planId, a.theme.id)}>{a.title}</AppLink>
      <span className="regie-cell-note">
        {[themeName(a.theme), detail, nl.labels.activityStatus[a.status]].filter(Boolean).join(' · ')}
      </span>
    </UnorderedListItem>
  );
}

function RowList({ id, title, help, rows, empty, detail }: {
  id: string;
  title: string;
  help?: string;
  rows: RoadmapRow[];
  empty: string;
  detail: (row: RoadmapRow) => string;
}) {
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>{title}</Heading>
      {help && <Paragraph>{help}</Paragraph>}
      {rows.length ? (
        <UnorderedList className="regie-roadmap-list">
          {rows.map((row) => <ActivityItem key={row.activity.id} activity={row.activity} detail={detail(row)} />)}
        </UnorderedList>
      ) : (
        <Paragraph>{empty}</Paragraph>
      )}
    </section>
  );
}

const timing = (row: RoadmapRow) =>
  row.dueLabel ? R.annualStep(row.dueLabel) : row.plannedEnd ? R.plannedUntil(formatQuarterCode(row.plannedEnd)) : row.activity.timeframeText;

function RoadmapContent({ roadmap }: { roadmap: Roadmap }) {
  const current = formatQuarterCode(roadmap.currentQuarter);
  const count = roadmap.rows.length + roadmap.unplaced.length;
  return (
    <>
      <Paragraph role="status" className="regie-count">{R.count(count)}</Paragraph>
      {count === 0 ? (
        <Paragraph>{R.none}</Paragraph>
      ) : (
        <>
          <RowList
            id="dit-kwartaal" title={R.due(current)} rows={roadmap.rows.filter((r) => r.isDue)} empty={R.noneDue} detail={timing}
          />
          <RowList
            id="over-tijd" title={R.overdue} help={R.overdueHelp} rows={roadmap.rows.filter((r) => r.isOverdue)}
            empty={R.noneOverdue} detail={timing}
          />
          <section aria-labelledby="tijdlijn">
            <Heading level={2} id="tijdlijn">{R.timeline}</Heading>
            <RoadmapTable roadmap={roadmap} />
          </section>
          {roadmap.unplaced.length > 0 && (
            <section aria-labelledby="niet-herkend">
              <Heading level={2} id="niet-herkend">{R.unplaced}</Heading>
              <Paragraph>{R.unplacedHelp}</Paragraph>
              <UnorderedList className="regie-roadmap-list">
                {roadmap.unplaced.map((a) => (
                  <ActivityItem key={a.id} activity={a} detail={a.timeframeText ? R.timeframeAs(a.timeframeText) : R.noTimeframe} />
                ))}
              </UnorderedList>
            </section>
          )}
        </>
      )}
    </>
  );
}

/**
 * A programme's planning per quarter: what is due this quarter, what is overdue, a timeline of the activities on the
 * quarters of the programme, and the activities whose tijdpad Regie cannot read. Filters (theme, partner, person …)
 * live in the URL and apply to the calendar download too.
 */
export function RoadmapPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = filterFromUrl(params);
  const search = new URLSearchParams(filter).toString();
  const context = useLoad(() => loadProgrammeContext(planId), planId);
  const roadmap = useLoad(() => api.getRoadmap(planId, filter), `${planId}?${search}`, { keepPrevious: true });

  return (
    <LoadState state={context}>
      {({ plan, themes, partners, responsibles }) => (
        <>
          <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }]} />
          <PageHeading preHeading={plan.title} title={R.title(plan.title)}>{R.heading}</PageHeading>
          <ServedVersionBanner plan={plan} />
          {roadmap.data && (
            <Paragraph>
              {R.asOf(formatDate(roadmap.data.asOf))} {R.currentQuarter(formatQuarterCode(roadmap.data.currentQuarter))}{' '}
              {!roadmap.data.isCurrentInPeriod && R.outsidePeriod(formatPeriod(plan.periodStart, plan.periodEnd))}
            </Paragraph>
          )}
          <ActivityFilterForm
            key={search}
            filter={filter}
            themes={themes}
            partners={partners}
            people={responsibles}
            quarters={quartersBetween(plan.periodStart, plan.periodEnd)}
            onApply={(next) => setParams(next)}
            clearTo={paths.roadmap(plan.id)}
          />
          <Paragraph className="regie-roadmap-download">
            <a className="utrecht-link utrecht-link--html-a" href={api.roadmapIcsUrl(plan.id, filter)} download aria-describedby="ics-help">
              {R.download}
            </a>
            <span id="ics-help" className="regie-cell-note">{R.downloadHelp}</span>
          </Paragraph>
          <LoadState state={roadmap} isNested>{(data) => <RoadmapContent roadmap={data} />}</LoadState>
        </>
      )}
    </LoadState>
  );
}
