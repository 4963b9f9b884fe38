import { useLocation } from 'react-router';
import { nl } from '../../text/nl/web.ts';
import { paths } from '../lib/paths.ts';
import { AppButtonLink, AppLink } from './AppLink.tsx';

/** A link to the login page that comes back to the page it was on. */
export function LoginLink({ asButton, children = nl.auth.login }: { asButton?: boolean; children?: string }) {
  const location = useLocation();
  const to = location.pathname === '/inloggen' ? '/inloggen' : paths.login(`${location.pathname}${location.search}`);
  return asButton ? <AppButtonLink to={to}>{children}</AppButtonLink> : <AppLink to={to}>{children}</AppLink>;
}
