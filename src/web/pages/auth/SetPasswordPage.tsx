import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import { AppButtonLink } from '../../components/AppLink.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { checkNewPassword, NewPasswordFields, type NewPassword } from '../../components/NewPasswordFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const FIELDS = ['password', 'repeat'] as const;
const LABELS = { password: nl.password.password, repeat: nl.password.repeat };

/** /wachtwoord?token=…: a new password with a one-time link a beheerder passed on. */
export function SetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [isBusy, setBusy] = useState(false);
  const [isDone, setDone] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [doneRef, focusDone] = useFocusRequest<HTMLDivElement>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = checkNewPassword(value);
    if (Object.keys(found).length) return form.show(found);
    setBusy(true);
    try {
      await api.setPassword(token, value.password);
      form.clear();
      setDone(true);
      focusDone();
    } catch (err) {
      setValue({ password: '', repeat: '' });
      form.showServerError(err, undefined, nl.password.badLink);
    } finally {
      setBusy(false);
    }
  };

  if (isDone) {
    return (
      <div className="regie-login">
        <PageHeading>{nl.password.doneTitle}</PageHeading>
        <FocusNotice ref={doneRef}><Paragraph>{nl.password.done}</Paragraph></FocusNotice>
        <Paragraph>
          <AppButtonLink to={paths.login()} appearance="primary">{nl.password.toLogin}</AppButtonLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="regie-login">
      <PageHeading>{nl.password.heading}</PageHeading>
      {!token ? (
        <Alert type="error">
          <Paragraph>{nl.password.noToken}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{nl.password.intro}</Paragraph>
          <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
          <form noValidate onSubmit={submit} className="regie-form" aria-label={nl.password.heading}>
            <NewPasswordFields value={value} onChange={setValue} errors={form.errors} />
            <ButtonGroup className="regie-form-actions">
              <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
                {isBusy ? nl.password.submitting : nl.password.submit}
              </Button>
            </ButtonGroup>
          </form>
          <span className="regie-visually-hidden" aria-live="polite">{isBusy ? nl.password.submitting : ''}</span>
        </>
      )}
    </div>
  );
}
