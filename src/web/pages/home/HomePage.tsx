import { useLocation, useSearchParams } from 'react-router';
import {
  Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TOrganisation, TPlanSummary } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { LoginLink } from '../../components/LoginLink.tsx';
import { MyUpdatesNotice } from '../../components/MyUpdatesNotice.tsx';
import { SignalLink } from '../../components/SignalLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PlanList } from '../../components/PlanList.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useSession } from '../../session/SessionContext.tsx';
import type { Membership } from '../../api/session.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

async function loadHome() {
  const [organisations, plans] = await Promise.all([api.listOrganisations(), api.listPlans()]);
  return { organisations, plans };
}

/** Start page: municipalities and collaborations with their plans. */
export function HomePage() {
  const state = useLoad(loadHome, 'home');
  const { user } = useSession();
  const location = useLocation();
  const loggedOut = !user && (location.state as { loggedOut?: boolean } | null)?.loggedOut;
  return (
    <>
      <PageHeading>{nl.home.title}</PageHeading>
      {loggedOut && (
        <Alert type="ok" role="status" className="regie-notice">
          <Paragraph>{nl.auth.loggedOut}</Paragraph>
        </Alert>
      )}
      <Paragraph appearance="lead">{nl.home.intro}</Paragraph>
      {!user && <PublicNotice />}
      {user && <PendingUpdates />}
      {user && <MyDashboards memberships={user.memberships} />}
      {user && <SignalLink memberships={user.memberships} />}
      <LoadState state={state}>{(data) => <HomeContent {...data} memberships={user?.memberships ?? null} />}</LoadState>
    </>
  );
}

/** The signed-in user's awaited updates (the in-app reminder), when there are any. */
function PendingUpdates() {
  const state = useLoad(() => api.myUpdates(), 'my-updates');
  return state.data ? <MyUpdatesNotice updates={state.data} withLink /> : null;
}

/** For staff, the dashboards of their organisations: where their work stands, first. Partners have none. */
function MyDashboards({ memberships }: { memberships: Membership[] }) {
  const staff = memberships.filter((m, i) => m.role !== 'partner' && memberships.findIndex((n) => n.organisationId === m.organisationId) === i);
  if (!staff.length) return null;
  return (
    <section aria-labelledby="mijn-dashboards" className="regie-card">
      <Heading level={2} id="mijn-dashboards">{nl.dashboard.mine}</Heading>
      <UnorderedList>
        {staff.map((m) => (
          <UnorderedListItem key={m.organisationId}>
            <AppLink to={paths.dashboard(m.organisationId)}>{nl.dashboard.link(m.organisationName)}</AppLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

/** For visitors without an account: what they see, and that logging in shows the rest. */
function PublicNotice() {
  return (
    <Alert type="info" className="regie-notice">
      <Heading level={2}>{nl.auth.publicTitle}</Heading>
      <Paragraph>{nl.auth.publicText}</Paragraph>
      <Paragraph>
        <LoginLink>{nl.auth.publicLogin}</LoginLink>
      </Paragraph>
    </Alert>
  );
}

/**
 * A signed-in reader sees their own organisations by default: those they have a role in, and those of which they may
 * see plans; `?alle=1` shows all (a link, so it works without state). Visitors without an account see all. An empty
 * row says "Nog geen plannen" only to the organisation's staff: anyone else may simply not see its plans.
 */
function HomeContent({ organisations, plans, memberships }: {
  organisations: TOrganisation[]; plans: TPlanSummary[]; memberships: Membership[] | null;
}) {
  const [params] = useSearchParams();
  const showAll = !memberships || params.get('alle') === '1';
  const plansOf = (id: string) => plans.filter((p) => p.ownerId === id);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const staffOf = new Set((memberships ?? []).filter((m) => m.role !== 'partner').map((m) => m.organisationId));
  const mine = new Set([...(memberships ?? []).map((m) => m.organisationId), ...plans.map((p) => p.ownerId)]);
  const shown = (o: TOrganisation) => showAll || mine.has(o.id) || (o.kind === 'collaboration' && o.memberIds.some((id) => mine.has(id)));
  const emptyText = (id: string) => (staffOf.has(id) ? nl.home.noPlans : nl.home.noVisiblePlans);
  const municipalities = organisations.filter((o) => o.kind === 'municipality' && shown(o));
  const collaborations = organisations.filter((o) => o.kind === 'collaboration' && shown(o));
  return (
    <>
      <section aria-labelledby="gemeenten">
        <Heading level={2} id="gemeenten">{nl.home.municipalities}</Heading>
        {memberships && (
          <Paragraph>
            {!showAll && <>{nl.home.mineOnly}{' '}</>}
            <AppLink to={showAll ? paths.home() : paths.homeAll()}>{showAll ? nl.home.showMine : nl.home.showAll}</AppLink>
          </Paragraph>
        )}
        {!municipalities.length && <Paragraph>{nl.home.noneOfMine}</Paragraph>}
        {municipalities.length > 0 && <ScrollRegion label={nl.home.municipalities}>
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{nl.home.municipalities}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.home.municipality}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.home.plans}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {municipalities.map((m) => (
                <TableRow key={m.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={paths.organisation(m.id)}>{m.name}</AppLink>
                  </TableHeaderCell>
                  <TableCell>
                    <PlanList plans={plansOf(m.id)} empty={emptyText(m.id)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>}
      </section>
      <section aria-labelledby="samenwerkingen">
        <Heading level={2} id="samenwerkingen">{nl.home.collaborations}</Heading>
        {collaborations.map((c) => (
          <section key={c.id} className="regie-card" aria-labelledby={`org-${c.id}`}>
            <Heading level={3} id={`org-${c.id}`}>
              <AppLink to={paths.organisation(c.id)}>{c.name}</AppLink>
            </Heading>
            <Paragraph>
              {nl.home.members}:{' '}
              {c.memberIds.map((id, n) => (
                <span key={id}>
                  {n > 0 && ', '}
                  <AppLink to={paths.organisation(id)}>{byId.get(id)?.name ?? id}</AppLink>
                </span>
              ))}
            </Paragraph>
            <PlanList plans={plansOf(c.id)} empty={emptyText(c.id)} />
          </section>
        ))}
      </section>
    </>
  );
}
