import { Paragraph } from '@utrecht/component-library-react';
import { INDICATOR_STATUSES, type TIndicatorStatus } from '../../domain/indicator.ts';
import { nl } from '../../text/nl/web.ts';
import { AppLink } from './AppLink.tsx';

/** The statuses a dashboard figure asks for with ?indicatorstatus=a,b; none means all indicators. */
export function indicatorStatusesFromUrl(search: URLSearchParams): TIndicatorStatus[] {
  const asked = (search.get('indicatorstatus') ?? '').split(',');
  return INDICATOR_STATUSES.filter((s) => asked.includes(s));
}

/** Only the indicators with one of the statuses asked for (all when none is). */
export function withStatuses<T extends { status: { status: TIndicatorStatus } }>(indicators: T[], statuses: TIndicatorStatus[]): T[] {
  return statuses.length ? indicators.filter((i) => statuses.includes(i.status.status)) : indicators;
}

/** Says which statuses are shown, with a link to all indicators. Nothing when no status is asked for. */
export function IndicatorStatusNotice({ statuses, allTo, allLabel }: { statuses: TIndicatorStatus[]; allTo: string; allLabel: string }) {
  if (!statuses.length) return null;
  return (
    <Paragraph>
      {nl.theme.indicatorsWithStatus(statuses.map((s) => nl.monitor.status[s]).join('’ of ‘'))}{' '}
      <AppLink to={allTo}>{allLabel}</AppLink>
    </Paragraph>
  );
}
