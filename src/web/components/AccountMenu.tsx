import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '@utrecht/component-library-react';
import type { SessionUser } from '../api/session.ts';
import type { TRole } from '../../domain/permissions.ts';
import { nl } from '../../text/nl/web.ts';
import { useSession } from '../session/SessionContext.tsx';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { LoginLink } from './LoginLink.tsx';
import { NotificationsNavItem } from './NotificationsNavItem.tsx';
import { meldpuntPaths } from '../lib/meldpunt-paths.ts';

/** "Adviseur – Huizen", one per organisation the user has a role in. */
export function roleLines(user: SessionUser): string[] {
  const lines = user.memberships.map((m) => nl.auth.role(nl.labels.role[m.role] ?? m.role, m.organisationName));
  return user.isPlatformAdmin ? [nl.auth.platformAdmin, ...lines] : lines;
}

/** The roles whose members have activities of their own to update: only they get "Mijn activiteiten". */
const HAS_ACTIVITIES: readonly TRole[] = ['adviseur', 'partner'];

/**
 * The header's menu, fitting the role: "Mijn activiteiten" for who updates activities (adviseur, partner), "Dashboard"
 * for a bestuurder (their organisation's), "Meldingen" for a behandelaar of the meldpunt, and Help for everyone.
 */
export function MainNav() {
  const { user } = useSession();
  const roles = user?.memberships ?? [];
  const governs = roles.find((m) => m.role === 'bestuurder');
  return (
    <nav aria-label={nl.app.mainNav} className="regie-header-nav">
      <ul className="regie-header-nav__list">
        {roles.some((m) => HAS_ACTIVITIES.includes(m.role)) && (
          <li><AppLink to={paths.myActivities()}>{nl.myActivities.title}</AppLink></li>
        )}
        {governs && <li><AppLink to={paths.dashboard(governs.organisationId)}>{nl.app.dashboard}</AppLink></li>}
        {user?.duties?.some((d) => d.duty === 'behandelaar') && <li><AppLink to={paths.meldingen()}>{nl.meldpuntTriage.nav}</AppLink></li>}
        {roles.some((m) => m.role === 'partner') && <li><AppLink to={meldpuntPaths.inbox()}>{nl.meldpuntForwards.inbox.title}</AppLink></li>}
        {/* Notifications are for who handles meldingen or receives them as a partner. */}
        {user && (user.duties?.length || roles.some((m) => m.role === 'partner')) && <NotificationsNavItem />}
        <li><AppLink to={paths.help()}>{nl.help.link}</AppLink></li>
      </ul>
    </nav>
  );
}

/** In the header: who is signed in, with their roles, and "Uitloggen"; signed out, a link to log in. */
export function AccountMenu() {
  const { user, isLoading, logout } = useSession();
  const navigate = useNavigate();
  const [isBusy, setBusy] = useState(false);
  const isLoginPage = useLocation().pathname === '/inloggen';
  if (isLoading || (!user && isLoginPage)) return null;
  if (!user) {
    return (
      <div className="regie-account">
        <LoginLink />
      </div>
    );
  }

  const onLogout = async () => {
    if (isBusy) return;
    setBusy(true);
    try {
      await logout();
      void navigate('/', { state: { loggedOut: true } });
    } catch {
      setBusy(false);
    }
  };
  const roles = roleLines(user);
  return (
    <section className="regie-account" aria-label={nl.auth.account}>
      <span className="regie-account__name">{user.name}</span>
      <ul className="regie-account__roles" aria-label={nl.auth.roles}>
        {roles.length ? roles.map((r) => <li key={r}>{r}</li>) : <li>{nl.auth.noRoles}</li>}
      </ul>
      <Button
        appearance="secondary-action-button"
        className="regie-account__logout"
        onClick={onLogout}
        busy={isBusy}
        aria-disabled={isBusy || undefined}
      >
        {isBusy ? nl.auth.loggingOut : nl.auth.logout}
      </Button>
    </section>
  );
}
