import { useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { looksLikeEmail, useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const FIELDS = ['email'] as const;
const LABELS = { email: nl.passwordReset.email };

/**
 * /wachtwoord-vergeten: a link to set a new password, by e-mail. The answer is the same whether or not the address has
 * an account. Without e-mail (no SMTP server configured) the page says to ask the beheerder.
 */
export function PasswordResetPage() {
  const options = useLoad(() => api.loginOptions(), 'login-options');
  return (
    <div className="regie-login">
      <PageHeading>{nl.passwordReset.heading}</PageHeading>
      <LoadState state={options} isNested>
        {(o) => (o.passwordResetByEmail ? <ResetForm /> : <Unavailable />)}
      </LoadState>
      <Paragraph>
        <AppLink to={paths.login()}>{nl.passwordReset.toLogin}</AppLink>
      </Paragraph>
    </div>
  );
}

function Unavailable() {
  return (
    <Alert type="info">
      <Heading level={2}>{nl.passwordReset.unavailableTitle}</Heading>
      <Paragraph>{nl.passwordReset.unavailable}</Paragraph>
    </Alert>
  );
}

function ResetForm() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isUnavailable, setUnavailable] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [sentRef, focusSent] = useFocusRequest<HTMLDivElement>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!email.trim()) return form.show({ email: nl.auth.emailRequired });
    if (!looksLikeEmail(email)) return form.show({ email: nl.auth.emailInvalid });
    setBusy(true);
    try {
      await api.requestPasswordReset(email.trim());
      form.clear();
      setSentTo(email.trim());
      focusSent();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unavailable') setUnavailable(true);
      else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  if (isUnavailable) return <Unavailable />;
  if (sentTo) {
    return (
      <FocusNotice ref={sentRef}>
        <Heading level={2}>{nl.passwordReset.sentTitle}</Heading>
        <Paragraph>{nl.passwordReset.sent(sentTo)}</Paragraph>
      </FocusNotice>
    );
  }
  return (
    <>
      <Paragraph>{nl.passwordReset.intro}</Paragraph>
      <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={nl.passwordReset.heading}>
        <TextField
          name="email" label={LABELS.email} type="email" autoComplete="username" isRequired size="medium"
          value={email} error={form.errors.email} onChange={setEmail}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.passwordReset.submitting : nl.passwordReset.submit}
          </Button>
        </ButtonGroup>
      </form>
      <span className="regie-visually-hidden" aria-live="polite">{isBusy ? nl.passwordReset.submitting : ''}</span>
    </>
  );
}
