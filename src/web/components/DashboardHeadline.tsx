import { Heading } from '@utrecht/component-library-react';
import { formatEuro } from '../../domain/budget.ts';
import { OFF_COURSE, ON_COURSE, type TPlanDashboard } from '../../domain/dashboard.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';

const D = nl.dashboard;

interface Card {
  key: string;
  figure: string;
  label: string;
  to: string;
  /** Figures that call for attention are marked (not by colour alone: the label says it). */
  isWarning?: boolean;
}

/**
 * The figures a reader looks for first, as cards that each lead to their list: activities that lag, are delayed or
 * done; indicators on course, off course and without measurement; budget spent against planned. Where the programme's
 * table cannot show exactly the activities counted (a portefeuillehouder's themes, a local part that also lists the
 * joint programme's), the card leads to the table per theme below, whose figures each lead to their list.
 */
export function DashboardHeadline({ dashboard, isFiltered }: { dashboard: TPlanDashboard; isFiltered: boolean }) {
  const { plan, headline: h, themes } = dashboard;
  const themeId = isFiltered && themes.length === 1 ? themes[0].theme.id : undefined;
  const isExact = !plan.jointPlanId && (!isFiltered || !!themeId);
  const activities = (filter: Record<string, string>) =>
    isExact ? paths.programmeFiltered(plan.id, { themeId, ...filter }) : `#${themeTableId(plan.id)}`;
  const indicators = (statuses: readonly string[]) =>
    themeId ? paths.themeIndicators(plan.id, themeId, statuses.join(',')) : paths.planIndicators(plan.id, statuses);
  const cards: Card[] = [
    { key: 'lagging', figure: String(h.lagging), label: D.headlineLagging(h.lagging), to: activities({ lagging: 'true' }), isWarning: h.lagging > 0 },
    { key: 'delayed', figure: String(h.delayed), label: D.headlineDelayed(h.delayed), to: activities({ status: 'delayed' }), isWarning: h.delayed > 0 },
    { key: 'done', figure: String(h.done), label: `${D.headlineDone(h.done)} ${D.headlineOf(h.activities)}`, to: activities({ status: 'done' }) },
    { key: 'on', figure: String(h.onCourse), label: D.headlineOnCourse(h.onCourse), to: indicators(ON_COURSE) },
    { key: 'off', figure: String(h.offCourse), label: D.headlineOffCourse(h.offCourse), to: indicators(OFF_COURSE), isWarning: h.offCourse > 0 },
    { key: 'none', figure: String(h.withoutMeasurement), label: D.headlineNoMeasurement(h.withoutMeasurement), to: indicators(['no_data']) },
  ];
  if (!isFiltered) {
    cards.push(
      h.spentCents === null
        ? { key: 'budget', figure: nl.app.empty, label: D.headlineNoBudget, to: paths.budget(plan.id) }
        : {
          key: 'budget', figure: formatEuro(h.spentCents), to: `${paths.budget(plan.id)}#realisatie`,
          label: D.headlineSpent(h.plannedCents === null ? nl.budget.pm : formatEuro(h.plannedCents)),
        },
    );
  }
  const id = `kerncijfers-${plan.id}`;
  return (
    <section aria-labelledby={id} className="regie-headline">
      <Heading level={3} id={id} className="regie-visually-hidden">{D.headline(plan.title)}</Heading>
      <ul className="regie-headline__list">
        {cards.map((c) => (
          <li key={c.key}>
            <AppLink to={c.to} className={c.isWarning ? 'regie-headline__card regie-headline__card--warning' : 'regie-headline__card'}>
              <span className="regie-headline__figure">{c.figure}</span> <span className="regie-headline__label">{c.label}</span>
            </AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The id of a plan's table per theme, where a headline figure leads when no list shows exactly what it counts. */
export const themeTableId = (planId: string) => `stand-${planId}`;
