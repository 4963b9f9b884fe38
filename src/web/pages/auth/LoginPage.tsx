import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { LoginOptions } from '../../api/types.ts';
import { api, ApiError } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorMessage } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { nl } from '../../../text/nl/web.ts';
import { landingPage, paths, returnTarget } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useSession } from '../../session/SessionContext.tsx';

type Field = 'email' | 'password';
const LABELS: Record<Field, string> = { email: nl.auth.email, password: nl.auth.password };
const FIELDS: Field[] = ['email', 'password'];

function validate(email: string, password: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!email.trim()) errors.email = nl.auth.emailRequired;
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = nl.auth.emailInvalid;
  if (!password) errors.password = nl.auth.passwordRequired;
  return errors;
}

/** The server's own message for a wrong password (401) or too many attempts (429); a rate limit may not give one. */
function loginMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429 && !error.message) return nl.errors.too_many_requests;
  return errorMessage(error);
}

/**
 * Log in with e-mail address and password, or with the account of an organisation that has single sign-on
 * (`?organisatie=<id>` shows only that organisation's); afterwards back to the page the user came from. A single
 * sign-on login that did not work comes back here with `?sso=<reason>`.
 */
export function LoginPage() {
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const back = returnTarget(search, '/');
  // After the first-run setup (SetupPage): say so, with the new account's e-mail address filled in.
  const setup = useLocation().state as { setupDone?: boolean; email?: string } | null;
  const [email, setEmail] = useState(setup?.email ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | undefined>(nl.sso.errors[search.get('sso') ?? '']);
  const options = useLoad(() => api.loginOptions(), 'login-options');
  const only = search.get('organisatie');
  const sso = (options.data?.sso ?? []).filter((o) => !only || o.organisationId === only);
  const [isBusy, setBusy] = useState(false);
  const [summaryRef, focusSummary] = useFocusRequest<HTMLDivElement>();

  const show = (next: Partial<Record<Field, string>>, message?: string) => {
    setErrors(next);
    setGeneral(message);
    focusSummary();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = validate(email, password);
    if (Object.keys(found).length) return show(found);
    setBusy(true);
    try {
      const user = await login(email.trim(), password);
      void navigate(back === '/' && user ? landingPage(user.memberships) : back, { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      const fields: Partial<Record<Field, string>> = {};
      if (err instanceof ApiError) {
        for (const e of err.errors) if (FIELDS.includes(e.path as Field)) fields[e.path as Field] ??= e.message;
      }
      show(fields, loginMessage(err));
    }
  };

  if (user && !isBusy) {
    return (
      <>
        <PageHeading>{nl.auth.login}</PageHeading>
        <Paragraph>{nl.auth.alreadySignedIn(user.name)}</Paragraph>
        <Paragraph>
          <AppLink to={back}>{nl.auth.continue}</AppLink>
        </Paragraph>
      </>
    );
  }

  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f]!, label: LABELS[f] }));
  return (
    <div className="regie-login">
      <PageHeading>{nl.auth.login}</PageHeading>
      {setup?.setupDone && (
        <Alert type="ok" className="regie-notice">
          <Paragraph>{nl.setup.done}</Paragraph>
        </Alert>
      )}
      <ErrorSummary ref={summaryRef} items={items} general={general} title={nl.auth.loginFailed} />
      {sso.length > 0 && <SsoOptions options={sso} back={back} />}
      {sso.length > 0 && <Heading level={2}>{nl.sso.orPassword}</Heading>}
      <Paragraph>{nl.auth.loginIntro}</Paragraph>
      <form noValidate onSubmit={submit} className="regie-form" aria-label={nl.auth.login}>
        <TextField
          name="email" label={LABELS.email} type="email" autoComplete="username" isRequired size="medium"
          value={email} error={errors.email} onChange={setEmail}
        />
        <TextField
          name="password" label={LABELS.password} type="password" autoComplete="current-password" isRequired
          size="medium" value={password} error={errors.password} onChange={setPassword}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? nl.auth.submitting : nl.auth.login}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <AppLink to={paths.passwordReset()}>{nl.passwordReset.link}</AppLink>
      </Paragraph>
      <span className="regie-visually-hidden" aria-live="polite">{isBusy ? nl.auth.submitting : ''}</span>
    </div>
  );
}

/** A button per organisation with single sign-on: a link to its identity provider (a page navigation, not a fetch). */
function SsoOptions({ options, back }: { options: LoginOptions['sso']; back: string }) {
  return (
    <section aria-labelledby="sso-heading" className="regie-sso">
      <Heading level={2} id="sso-heading">{nl.sso.heading}</Heading>
      <Paragraph>{nl.sso.intro}</Paragraph>
      <UnorderedList className="regie-sso__list">
        {options.map((o) => (
          <UnorderedListItem key={o.organisationId}>
            <a
              href={api.ssoStartUrl(o.organisationId, back)}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            >
              {nl.sso.button(o.displayName)}
              {options.length > 1 && ` (${o.organisationName})`}
            </a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
