import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useMatch } from 'react-router';
import { api } from '../api/client.ts';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { useLoad } from '../lib/useLoad.ts';
import { planSubject, useCan } from '../session/useCan.ts';
import { AppLink } from './AppLink.tsx';

const N = nl.planNav;

/** Lets a page outside /plannen/… (an activity, a plan's dashboard) say which plan it belongs to. */
const PagePlanContext = createContext<(planId: string | undefined) => void>(() => {});

/** Holds the plan the current page belongs to: from the URL (/plannen/:planId/…) or as a page says. */
export function PlanNavProvider({ children }: { children: (planId: string | undefined) => ReactNode }) {
  const [pagePlanId, setPagePlanId] = useState<string>();
  const routePlanId = useMatch('/plannen/:planId/*')?.params.planId;
  return <PagePlanContext.Provider value={setPagePlanId}>{children(routePlanId ?? pagePlanId)}</PagePlanContext.Provider>;
}

/** Rendered by a page of a plan whose address does not name it: shows that plan's menu while the page is open. */
export function CurrentPlanNav({ planId }: { planId: string | undefined }) {
  const setPlanId = useContext(PagePlanContext);
  useEffect(() => {
    setPlanId(planId);
    return () => setPlanId(undefined);
  }, [planId, setPlanId]);
  return null;
}

/**
 * The menu of a plan on every page of it: Overzicht, Dashboard, Activiteiten, Planning, Begroting, Indicatoren,
 * Updaterondes (a programme's, for who may follow them) and Documenten. The current page is marked with aria-current;
 * Indicatoren and Documenten are sections of the overview. Nothing while the plan loads or may not be read.
 */
export function PlanNav({ planId }: { planId: string }) {
  const { data: plan } = useLoad(() => api.getPlan(planId), planId, { keepPrevious: true });
  const { pathname } = useLocation();
  const can = useCan();
  if (!plan || plan.id !== planId) return null;
  const items = [
    { label: N.overview, to: paths.plan(plan.id) },
    { label: N.dashboard, to: paths.dashboard(plan.ownerId, { plan: plan.id }) },
    { label: N.activities, to: paths.programme(plan.id) },
    { label: N.roadmap, to: paths.roadmap(plan.id) },
    { label: N.budget, to: paths.budget(plan.id) },
    { label: N.indicators, to: `${paths.plan(plan.id)}#indicatoren` },
    ...(plan.kind === 'uvp' && can('read', planSubject('rounds', plan)) ? [{ label: N.rounds, to: paths.rounds(plan.id) }] : []),
    { label: N.documents, to: `${paths.plan(plan.id)}#documenten` },
  ];
  return (
    <nav aria-label={N.label(plan.title)} className="regie-plan-nav">
      <ul className="regie-plan-nav__list">
        {items.map((i) => {
          const isCurrent = !i.to.includes('#') && i.to.split('?')[0] === pathname;
          return (
            <li key={i.label}>
              <AppLink to={i.to} aria-current={isCurrent ? 'page' : undefined} className="regie-plan-nav__link">
                {i.label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
