import { DataBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TPlanSummary } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatPeriod } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';

interface Props {
  plans: TPlanSummary[];
  /** A note after a plan, such as "gezamenlijk programma van Basisteam Heuvelrug". */
  noteFor?: (plan: TPlanSummary) => string | undefined;
  empty?: string;
}

/** Plans as a list: kind, title (a link), period and status. */
export function PlanList({ plans, noteFor, empty = nl.home.noPlans }: Props) {
  if (!plans.length) return <span className="regie-muted">{empty}</span>;
  return (
    <UnorderedList className="regie-plan-list">
      {plans.map((p) => {
        const note = noteFor?.(p);
        return (
          <UnorderedListItem key={p.id} className="regie-plan-list__item">
            <DataBadge className="regie-badge regie-badge--kind">
              <abbr title={nl.labels.planKindLong[p.kind]}>{nl.labels.planKind[p.kind]}</abbr>
            </DataBadge>{' '}
            <AppLink to={paths.plan(p.id)}>{p.title}</AppLink>
            <span className="regie-plan-list__meta">
              {formatPeriod(p.periodStart, p.periodEnd)} · {nl.labels.planStatus[p.status]}
              {note && <> · <em>{note}</em></>}
            </span>
          </UnorderedListItem>
        );
      })}
    </UnorderedList>
  );
}
