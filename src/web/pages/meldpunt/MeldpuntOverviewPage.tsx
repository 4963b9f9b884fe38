import type { FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  Button, FormField, FormLabel, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { monthName, type TMeldpuntOverview, type TShownCount } from '../../../domain/meldpunt-overview.ts';
import { api } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const T = nl.meldpuntOverview;
const WIDTHS = [360, 720] as const;

/** A count as the page shows it: the number, or "minder dan 5" when it is suppressed for this reader. */
const shown = (c: TShownCount) => (c.count === null ? T.lessThanFive : String(c.count));

/**
 * "Meldpunt in cijfers": a municipality's meldingen per category and month as a chart and its table, the response
 * times against the norm and the triage outcomes – aggregates only. The months are chosen in the URL (?van=, ?tot=).
 */
export function MeldpuntOverviewPage() {
  const { organisationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = params.get('van') ?? undefined;
  const to = params.get('tot') ?? undefined;
  const state = useLoad(() => api.getMeldpuntOverview(organisationId, { from, to }), `${organisationId}?${params.toString()}`, { keepPrevious: true });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ['van', 'tot']) {
      const value = data.get(key);
      if (typeof value === 'string' && value) next[key] = value;
    }
    setParams(next);
  };
  return (
    <LoadState state={state}>
      {(o) => (
        <>
          <Breadcrumbs items={[{ label: o.municipality.name, to: paths.organisation(organisationId) }]} />
          <PageHeading preHeading={o.municipality.name} title={`${T.title} – ${o.municipality.name}`}>{T.title}</PageHeading>
          <Paragraph>{T.intro}</Paragraph>
          {o.isSuppressed && <Paragraph>{T.suppressedNote}</Paragraph>}
          <form onSubmit={submit} className="regie-filter-form regie-filter-form--row" role="search" aria-label={T.title} key={params.toString()}>
            <FormField>
              <FormLabel htmlFor="meldpunt-van">{T.from}</FormLabel>
              <Textbox id="meldpunt-van" name="van" type="month" defaultValue={o.from} />
            </FormField>
            <FormField>
              <FormLabel htmlFor="meldpunt-tot">{T.to}</FormLabel>
              <Textbox id="meldpunt-tot" name="tot" type="month" defaultValue={o.to} />
            </FormField>
            <Button type="submit" appearance="secondary-action-button">{T.show}</Button>
          </form>
          {WIDTHS.map((width) => (
            <img
              key={width} className={`regie-dashboard-chart regie-dashboard-chart--${width === WIDTHS[0] ? 'narrow' : 'wide'}`}
              src={api.meldpuntOverviewChartUrl(organisationId, { from: o.from, to: o.to, width })} width={width} height={width < 500 ? 420 : 380}
              alt={T.chartTitle} loading="lazy"
            />
          ))}
          <CountsTable overview={o} />
          <ResponseTable overview={o} />
          <TriageTable overview={o} />
        </>
      )}
    </LoadState>
  );
}

function CountsTable({ overview: o }: { overview: TMeldpuntOverview }) {
  const caption = T.countsCaption(monthName(o.from), monthName(o.to));
  return (
    <ScrollRegion label={caption} caption={caption}>
      <Table className="regie-meldpunt-counts">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{T.month}</TableHeaderCell>
            {o.categories.map((c) => <TableHeaderCell key={c.key} scope="col" className="num">{c.name}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {o.months.map((m, i) => (
            <TableRow key={m}>
              <TableHeaderCell scope="row">{monthName(m)}</TableHeaderCell>
              {o.categories.map((c) => <TableCell key={c.key} className="num">{shown(c.months[i])}</TableCell>)}
            </TableRow>
          ))}
          <TableRow>
            <TableHeaderCell scope="row">{T.total}</TableHeaderCell>
            {o.categories.map((c) => <TableCell key={c.key} className="num">{shown(c.total)}</TableCell>)}
          </TableRow>
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function ResponseTable({ overview: o }: { overview: TMeldpuntOverview }) {
  return (
    <section aria-labelledby="reactietijd">
      <Heading level={2} id="reactietijd">{T.share}</Heading>
      <ScrollRegion label={T.responseCaption} caption={T.responseCaption}>
        <Table>
          <TableCaption className="regie-visually-hidden">{T.responseCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{T.category}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.norm}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.handled}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.withinNorm}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.share}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.overdue}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.categories.map((c) => (
              <TableRow key={c.key}>
                <TableHeaderCell scope="row">{c.name}</TableHeaderCell>
                <TableCell className="num">{c.responseDays}</TableCell>
                <TableCell className="num">{shown(c.handled)}</TableCell>
                <TableCell className="num">{shown(c.withinNorm)}</TableCell>
                <TableCell className="num">{c.withinNormPercent === null ? nl.app.empty : `${c.withinNormPercent}%`}</TableCell>
                <TableCell className="num">{shown(c.overdue)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

function TriageTable({ overview: o }: { overview: TMeldpuntOverview }) {
  return (
    <section aria-labelledby="triage">
      <Heading level={2} id="triage">{T.triageCaption}</Heading>
      <ScrollRegion label={T.triageCaption}>
        <Table>
          <TableCaption className="regie-visually-hidden">{T.triageCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{T.outcome}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{T.count}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.triageOutcomes.map((t) => (
              <TableRow key={t.outcome}>
                <TableHeaderCell scope="row">{T.outcomes[t.outcome]}</TableHeaderCell>
                <TableCell className="num">{shown(t.count)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
