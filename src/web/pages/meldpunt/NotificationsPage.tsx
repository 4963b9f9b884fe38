import { useState } from 'react';
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { forwardsApi, type Notification } from '../../api/meldpunt-forwards.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { formatDateTime } from '../../../text/format.ts';
import { nl } from '../../../text/nl/web.ts';

const t = nl.meldpuntForwards.notifications;

/** /notificaties: the signed-in user's notifications – a kind and a link, never content. */
export function NotificationsPage() {
  const loaded = useLoad(() => forwardsApi.notifications(), 'notifications');
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <LoadState state={loaded} isNested>
        {(data) => <NotificationList initial={data.items} />}
      </LoadState>
    </>
  );
}

function NotificationList({ initial }: { initial: Notification[] }) {
  const [items, setItems] = useState(initial);
  if (items.length === 0) return <Paragraph>{t.none}</Paragraph>;
  const markRead = async (n: Notification) => {
    await forwardsApi.markRead(n.id).catch(() => undefined);
    setItems((all) => all.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    window.dispatchEvent(new Event('regie:notifications'));
  };
  return (
    <>
      <Paragraph>{t.unread(items.filter((n) => !n.readAt).length)}</Paragraph>
      <UnorderedList className="regie-notifications">
        {items.map((n) => (
          <UnorderedListItem key={n.id} className={n.readAt ? 'regie-notification' : 'regie-notification regie-notification--unread'}>
            <AppLink to={n.link} onClick={() => !n.readAt && void markRead(n)}>{t.kinds[n.kind] ?? n.kind}</AppLink>
            {` – ${formatDateTime(n.createdAt)}`}
            {n.readAt ? ` (${t.isRead})` : (
              <>
                {' '}
                <Button appearance="subtle-button" onClick={() => void markRead(n)}>{t.markRead}</Button>
              </>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
