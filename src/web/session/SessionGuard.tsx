import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { api, refreshSession } from '../api/client.ts';
import { sessionStore } from '../api/session.ts';
import { errorMessage } from '../components/LoadState.tsx';
import { TextField } from '../components/TextField.tsx';
import { nl } from '../../text/nl/web.ts';

/** The warning shows this long before the session ends. */
const WARN_MS = 2 * 60_000;

/** Minutes left, rounded up, for the warning; null when no warning is due. */
function minutesLeft(expiresAt: number | null, now: number): number | null {
  if (expiresAt === null || expiresAt - now > WARN_MS || expiresAt <= now) return null;
  return Math.ceil((expiresAt - now) / 60_000);
}

/**
 * Nothing typed is lost to an ended session (review D3): a polite warning two minutes before the session ends, with
 * "Ingelogd blijven"; and when a request met an ended session, a modal login dialog – the page and its form stay as they
 * are, and the request is sent again after the login.
 */
export function SessionGuard() {
  const clock = useSyncExternalStore(sessionStore.subscribeClock, sessionStore.clock);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (clock.expiresAt === null) return;
    const tick = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(tick);
  }, [clock.expiresAt]);
  const minutes = minutesLeft(clock.expiresAt, now);
  return (
    <>
      <div className="regie-session-warning" role="status">
        {minutes !== null && !clock.isLoginAsked && (
          <div className="regie-session-warning__inner" role="region" aria-label={nl.sessionExpiry.warningLabel}>
            <Paragraph>
              <strong>{nl.sessionExpiry.warning(minutes)}</strong> {nl.sessionExpiry.warningHelp}
            </Paragraph>
            <Button appearance="primary-action-button" onClick={() => void refreshSession().catch(() => undefined)}>
              {nl.sessionExpiry.stay}
            </Button>
          </div>
        )}
      </div>
      {clock.isLoginAsked && <LoginDialog />}
    </>
  );
}

/** The login again, in a modal dialog over the page; the e-mail address of the user who was signed in is filled in. */
function LoginDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const [email, setEmail] = useState(() => sessionStore.get().user?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: 'email' | 'password'; message: string }>();
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    document.getElementById(email ? 'field-reloginPassword' : 'field-reloginEmail')?.focus();
    // Escape closes a modal dialog: that is cancelling.
    const onCancel = () => sessionStore.answerLogin(false);
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
    };
    // Once, when the dialog opens: the focus goes to its first empty field.
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!email.trim()) return setError({ field: 'email', message: nl.auth.emailRequired });
    if (!password) return setError({ field: 'password', message: nl.auth.passwordRequired });
    setBusy(true);
    try {
      await api.login(email.trim(), password);
      sessionStore.answerLogin(true);
    } catch (err) {
      setBusy(false);
      setPassword('');
      setError({ message: errorMessage(err) });
    }
  };

  return (
    <dialog ref={ref} className="regie-dialog" aria-labelledby="relogin-heading" aria-describedby="relogin-text">
      <Heading level={2} id="relogin-heading">{nl.sessionExpiry.expiredTitle}</Heading>
      <Paragraph id="relogin-text">{nl.sessionExpiry.expiredText}</Paragraph>
      {error && !error.field && (
        <Alert type="error" role="alert">
          <Paragraph>{error.message}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="relogin-heading">
        <TextField
          name="reloginEmail" label={nl.auth.email} type="email" autoComplete="username" isRequired size="medium"
          value={email} error={error?.field === 'email' ? error.message : undefined} onChange={setEmail}
        />
        <TextField
          name="reloginPassword" label={nl.auth.password} type="password" autoComplete="current-password" isRequired
          size="medium" value={password} error={error?.field === 'password' ? error.message : undefined} onChange={setPassword}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.auth.submitting : nl.auth.login}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => sessionStore.answerLogin(false)}>
            {nl.sessionExpiry.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}
