import { useState } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { AdminPageFrame } from '../../components/AdminPageFrame.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NewTokenForm, TOKEN_FIELDS, type NewToken } from '../../components/NewTokenForm.tsx';
import { TokenTable } from '../../components/TokenTable.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatDateTime } from '../../../text/format.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { rolesOf } from './useMemberActions.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const LABELS = { name: nl.tokens.name, role: nl.tokens.role, expiresInDays: nl.tokens.days };

/** /organisaties/:id/api-tokens: the beheerder's tokens for integrations – list, make (secret shown once), revoke. */
export function ApiTokensPage() {
  return (
    <AdminPageFrame heading={nl.tokens.heading} title={nl.tokens.title} forbiddenText={nl.tokens.forbiddenText}>
      {(org) => <Tokens org={org} />}
    </AdminPageFrame>
  );
}

function Tokens({ org }: { org: TOrganisation }) {
  const tokens = useLoad(() => api.listTokens(org.id), org.id, { keepPrevious: true });
  const [made, setMade] = useState<{ token: string; apiToken: ApiToken } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const errors = useFormErrors({ fieldOrder: TOKEN_FIELDS, labels: LABELS });
  const [secretRef, focusSecret] = useFocusRequest<HTMLHeadingElement>();
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();

  const create = async (input: NewToken) => {
    if (busy) return false;
    setBusy('create');
    try {
      setMade(await api.createToken(org.id, input));
      setNotice(null);
      errors.clear();
      focusSecret();
      tokens.reload();
      return true;
    } catch (err) {
      errors.showServerError(err);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const revoke = async (token: ApiToken) => {
    if (busy) return;
    setBusy(token.id);
    try {
      await api.revokeToken(org.id, token.id);
      setMade(null);
      setNotice(nl.tokens.revoked(token.name));
      errors.clear();
      focusNotice();
      tokens.reload();
    } catch (err) {
      errors.showServerError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Paragraph>{nl.tokens.intro}</Paragraph>
      {made && (
        <section className="regie-one-time-link" aria-labelledby="token-secret-heading">
          <Heading level={2} id="token-secret-heading" ref={secretRef} tabIndex={-1} className="regie-page-heading">
            {nl.tokens.secretHeading(made.apiToken.name)}
          </Heading>
          <CopyField id="token-secret" label={nl.tokens.secretLabel} value={made.token} texts={nl.tokens} describedBy="token-secret-expiry" />
          <Paragraph id="token-secret-expiry">
            {nl.labels.role[made.apiToken.role]} · {nl.tokens.expires} {formatDateTime(made.apiToken.expiresAt)}
          </Paragraph>
          <Paragraph className="regie-one-time-link__advice">{nl.tokens.secretAdvice}</Paragraph>
          <Button appearance="subtle-button" onClick={() => setMade(null)}>{nl.tokens.close}</Button>
        </section>
      )}
      {notice && (
        <FocusNotice ref={noticeRef}><Paragraph>{notice}</Paragraph></FocusNotice>
      )}
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <Paragraph role="status" className="regie-count" aria-busy={tokens.isLoading}>
        {tokens.data && nl.tokens.count(tokens.data.length)}
      </Paragraph>
      <LoadState state={tokens} isNested>
        {(rows) => rows.length ? <TokenTable tokens={rows} busy={busy} onRevoke={revoke} /> : <Paragraph>{nl.tokens.none}</Paragraph>}
      </LoadState>
      <NewTokenForm roles={rolesOf(org)} errors={errors.errors} isBusy={busy === 'create'} onInvalid={(found) => errors.show(found)} onCreate={create} />
    </>
  );
}
