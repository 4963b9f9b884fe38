import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { forwardsApi } from '../api/meldpunt-forwards.ts';
import { meldpuntPaths } from '../lib/meldpunt-paths.ts';
import { nl } from '../../text/nl/web.ts';
import { AppLink } from './AppLink.tsx';

/** "Notificaties (3)" in the header: the unread count, asked again on every page change and after marking one read. */
export function NotificationsNavItem() {
  const [unread, setUnread] = useState(0);
  const { pathname } = useLocation();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    window.addEventListener('regie:notifications', again);
    return () => window.removeEventListener('regie:notifications', again);
  }, []);
  useEffect(() => {
    let isCurrent = true;
    forwardsApi.notifications().then((r) => isCurrent && setUnread(r.unread), () => undefined);
    return () => {
      isCurrent = false;
    };
  }, [pathname, tick]);
  return <li><AppLink to={meldpuntPaths.notifications()}>{nl.meldpuntForwards.notifications.nav(unread)}</AppLink></li>;
}
