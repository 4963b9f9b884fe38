import { useRef, useState } from 'react';
import {
  Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { ApiToken } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDateTime } from '../../text/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

interface Props {
  tokens: ApiToken[];
  /** The token being revoked, if any. */
  busy: string | null;
  onRevoke: (token: ApiToken) => void;
}

/** An organisation's API tokens: what each may do, until when, when last used, and revoking one. */
export function TokenTable({ tokens, busy, onRevoke }: Props) {
  return (
    <ScrollRegion label={nl.tokens.heading}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{nl.tokens.heading}</TableCaption>
        <TableHeader>
          <TableRow>
            {[nl.tokens.name, nl.tokens.role, nl.tokens.created, nl.tokens.expires, nl.tokens.lastUsed, nl.tokens.status, nl.tokens.actions].map((h) => (
              <TableHeaderCell key={h} scope="col">{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((t) => <TokenRow key={`${t.id}:${t.revokedAt}`} token={t} busy={busy} onRevoke={() => onRevoke(t)} />)}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

const statusOf = (t: ApiToken) =>
  t.revokedAt ? nl.tokens.revokedAt(formatDateTime(t.revokedAt))
  : new Date(t.expiresAt).getTime() <= Date.now() ? nl.tokens.expired
  : nl.tokens.active;

/** One token; revoking asks first. */
function TokenRow({ token: t, busy, onRevoke }: { token: ApiToken; busy: string | null; onRevoke: () => void }) {
  const [isConfirming, setConfirming] = useState(false);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const isActive = !t.revokedAt && new Date(t.expiresAt).getTime() > Date.now();
  const confirmId = `confirm-revoke-${t.id}`;
  const toggle = (next: boolean) => {
    setConfirming(next);
    requestAnimationFrame(() => (next ? confirmRef : revokeRef).current?.focus());
  };
  return (
    <TableRow>
      <TableCell>{t.name}</TableCell>
      <TableCell>{nl.labels.role[t.role]}</TableCell>
      <TableCell>{formatDateTime(t.createdAt)}</TableCell>
      <TableCell>{formatDateTime(t.expiresAt)}</TableCell>
      <TableCell>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : nl.tokens.never}</TableCell>
      <TableCell>{statusOf(t)}</TableCell>
      <TableCell>
        {isActive && (
          <div className="regie-member-actions">
            {!isConfirming ? (
              <Button ref={revokeRef} appearance="subtle-button" onClick={() => toggle(true)}>
                {nl.tokens.revoke}<span className="regie-visually-hidden">{nl.tokens.forName(t.name)}</span>
              </Button>
            ) : (
              <>
                <Paragraph id={confirmId} className="regie-member-confirm">{nl.tokens.confirmRevoke(t.name)}</Paragraph>
                <Button
                  ref={confirmRef} appearance="primary-action-button" hint="danger" aria-describedby={confirmId}
                  busy={busy === t.id} aria-disabled={busy ? true : undefined} onClick={() => !busy && onRevoke()}
                >
                  {nl.tokens.confirmYes}
                </Button>
                <Button appearance="secondary-action-button" onClick={() => toggle(false)}>{nl.tokens.cancel}</Button>
              </>
            )}
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}
