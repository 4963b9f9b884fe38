import { useParams } from 'react-router';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TOrganisation, TPlanSummary } from '../../../domain/schemas.ts';
import type { TDocumentVersion } from '../../../domain/versions.ts';
import { api } from '../../api/client.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { VersionList } from '../../components/DocumentWorkflow.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PlanList } from '../../components/PlanList.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { meldpuntPaths } from '../../lib/meldpunt-paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { organisationSubject, useCan } from '../../session/useCan.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { mayReadMeldpuntOverview } from '../../../domain/meldpunt-overview.ts';

async function loadOrganisation(id: string) {
  const [organisation, organisations, plans, versions] = await Promise.all([
    api.getOrganisation(id), api.listOrganisations(), api.listPlans({ organisationId: id }), api.listOrganisationVersions(id),
  ]);
  return { organisation, organisations, plans, versions };
}

const V = nl.versions;

/** Versions per plan, in the order the server gives them (newest first within a plan). */
function byPlan(versions: TDocumentVersion[]): TDocumentVersion[][] {
  const groups = new Map<string, TDocumentVersion[]>();
  for (const v of versions) groups.set(v.planId, [...(groups.get(v.planId) ?? []), v]);
  return [...groups.values()];
}

/** An organisation: its own plans, and for a municipality the joint programmes of its collaborations. */
export function OrganisationPage() {
  const { organisationId = '' } = useParams();
  const state = useLoad(() => loadOrganisation(organisationId), organisationId);
  return <LoadState state={state}>{(data) => <OrganisationContent {...data} />}</LoadState>;
}

interface Props {
  organisation: TOrganisation;
  organisations: TOrganisation[];
  plans: TPlanSummary[];
  versions: TDocumentVersion[];
}

function OrganisationContent({ organisation: org, organisations, plans, versions }: Props) {
  const can = useCan();
  const { user } = useSession();
  const canAudit = can('read', organisationSubject('audit', org));
  const canUsers = can('read', organisationSubject('users', org));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const memberOf = organisations.filter((o) => o.kind === 'collaboration' && o.memberIds.includes(org.id));
  const own = plans.filter((p) => p.ownerId === org.id);
  const joint = plans.filter((p) => p.ownerId !== org.id);
  const kind = org.kind === 'collaboration' && org.collaborationKind
    ? nl.labels.collaborationKind[org.collaborationKind]
    : nl.labels.organisationKind[org.kind];
  return (
    <>
      <Breadcrumbs items={[]} />
      <PageHeading preHeading={kind}>{org.name}</PageHeading>
      {(org.kind === 'municipality' || org.kind === 'collaboration') && (
        <Paragraph className="regie-dashboard-link">
          <AppButtonLink appearance="primary" to={paths.dashboard(org.id)}>{nl.dashboard.link(org.name)}</AppButtonLink>{' '}
          <span className="regie-muted">{nl.dashboard.linkHint}</span>
        </Paragraph>
      )}
      {org.kind === 'municipality' && user && mayReadMeldpuntOverview({ roles: user.memberships, duties: user.duties }, org.id) && (
        <Paragraph>
          <AppLink to={paths.meldpuntOverview(org.id)}>{nl.meldpuntOverview.navLink}</AppLink>
        </Paragraph>
      )}
      {memberOf.length > 0 && (
        <Paragraph>
          {nl.organisation.memberOf}:{' '}
          {memberOf.map((c, n) => (
            <span key={c.id}>
              {n > 0 && ', '}
              <AppLink to={paths.organisation(c.id)}>{c.name}</AppLink>
            </span>
          ))}
        </Paragraph>
      )}
      {org.kind === 'collaboration' && (
        <section aria-labelledby="leden">
          <Heading level={2} id="leden">{nl.organisation.members}</Heading>
          <UnorderedList>
            {org.memberIds.map((id) => (
              <UnorderedListItem key={id}>
                <AppLink to={paths.organisation(id)}>{byId.get(id)?.name ?? id}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      <section aria-labelledby="eigen-plannen">
        <Heading level={2} id="eigen-plannen">
          {org.kind === 'municipality' ? nl.organisation.ownPlans : nl.organisation.plans}
        </Heading>
        <PlanList plans={own} empty={nl.organisation.noPlans} />
      </section>
      {versions.length > 0 && (
        <section aria-labelledby="vastgestelde-documenten">
          <Heading level={2} id="vastgestelde-documenten">{nl.versions.organisationHeading}</Heading>
          <Paragraph>{V.listIntro}</Paragraph>
          {byPlan(versions).map((group) => (
            <VersionList key={group[0].planId} versions={group} id={`versies-${group[0].planId}`} headingLevel={3} title={group[0].title} />
          ))}
        </section>
      )}
      {org.kind === 'municipality' && (
        <section aria-labelledby="gezamenlijk">
          <Heading level={2} id="gezamenlijk">{nl.organisation.jointProgrammes}</Heading>
          <PlanList plans={joint} empty={nl.organisation.noJoint} noteFor={(p) => nl.organisation.jointProgrammeOf(p.owner.name)} />
        </section>
      )}
      {(canAudit || canUsers) && (
        <section aria-labelledby="beheer">
          <Heading level={2} id="beheer">{nl.organisation.management}</Heading>
          <UnorderedList>
            {canUsers && (
              <>
                <UnorderedListItem>
                  <AppLink to={paths.members(org.id)}>{nl.organisation.membersLink}</AppLink>
                </UnorderedListItem>
                <UnorderedListItem>
                  <AppLink to={paths.apiTokens(org.id)}>{nl.organisation.tokensLink}</AppLink>
                </UnorderedListItem>
                <UnorderedListItem>
                  <AppLink to={paths.sso(org.id)}>{nl.organisation.ssoLink}</AppLink>
                </UnorderedListItem>
                {(org.kind === 'municipality' || org.kind === 'collaboration') && (
                  <UnorderedListItem>
                    <AppLink to={paths.publicSiteSettings(org.id)}>{nl.organisation.publicSiteLink}</AppLink>
                  </UnorderedListItem>
                )}
                {org.kind === 'municipality' && (
                  <UnorderedListItem>
                    <AppLink to={meldpuntPaths.settings(org.id)}>{nl.meldpuntForwards.settings.nav}</AppLink>
                  </UnorderedListItem>
                )}
              </>
            )}
            {canAudit && (
              <UnorderedListItem>
                <AppLink to={paths.auditLog(org.id)}>{nl.organisation.auditLink}</AppLink>
              </UnorderedListItem>
            )}
          </UnorderedList>
        </section>
      )}
    </>
  );
}
