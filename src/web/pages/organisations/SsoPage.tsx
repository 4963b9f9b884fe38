import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ZSsoConfigInput } from '../../../domain/accounts.ts';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { SsoSettings } from '../../api/types.ts';
import { AdminPageFrame } from '../../components/AdminPageFrame.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors, type FieldErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const t = nl.ssoConfig;
const FIELDS = ['issuer', 'clientId', 'clientSecret', 'displayName', 'linkByEmail', 'isEnabled'] as const;
const LABELS = { issuer: t.issuer, clientId: t.clientId, clientSecret: t.clientSecret, displayName: t.displayName, linkByEmail: t.linkByEmail, isEnabled: t.isEnabled };

interface Values {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  linkByEmail: boolean;
  isEnabled: boolean;
}

const valuesOf = (settings: SsoSettings): Values => {
  const c = settings.config;
  return {
    issuer: c?.issuer ?? '', clientId: c?.clientId ?? '', clientSecret: '', displayName: c?.displayName ?? '',
    linkByEmail: c?.linkByEmail ?? false, isEnabled: c?.isEnabled ?? true,
  };
};

/** /organisaties/:id/single-sign-on: the beheerder connects the organisation's identity provider (OpenID Connect). */
export function SsoPage() {
  return (
    <AdminPageFrame heading={t.heading} title={t.title} forbiddenText={t.forbiddenText}>
      {(org) => <Sso org={org} />}
    </AdminPageFrame>
  );
}

function Sso({ org }: { org: TOrganisation }) {
  // Loading again (after a conflict) starts the form afresh from what is stored.
  const loaded = useLoad(() => api.getSso(org.id), org.id);
  return (
    <>
      <Paragraph>{t.intro}</Paragraph>
      <LoadState state={loaded} isNested>
        {(s) => <SsoForm org={org} initial={s} onReload={loaded.reload} />}
      </LoadState>
    </>
  );
}

/** Checks the form with the server's schema; the secret is needed for a new configuration. */
function check(values: Values, isNew: boolean): FieldErrors {
  const parsed = ZSsoConfigInput.safeParse({ ...values, clientSecret: values.clientSecret || undefined });
  const errors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  if (!values.issuer.trim()) errors.issuer = t.required;
  if (isNew && !values.clientSecret) errors.clientSecret = t.secretRequired;
  return errors;
}

function SsoForm({ org, initial, onReload }: { org: TOrganisation; initial: SsoSettings; onReload: () => void }) {
  const [settings, setSettings] = useState(initial);
  const config = settings.config;
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const [conflictRef, focusConflict] = useFocusRequest<HTMLDivElement>();
  const set = <K extends keyof Values>(name: K) => (value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));

  /** Runs a write once at a time; the form then shows what is stored, and says what happened. */
  const run = async (write: () => Promise<SsoSettings>, done: string) => {
    if (isBusy) return;
    setBusy(true);
    try {
      const stored = await write();
      setSettings(stored);
      setValues(valuesOf(stored));
      setConfirming(false);
      form.clear();
      setNotice(done);
      focusNotice();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) {
        setConflict(true);
        focusConflict();
      } else {
        form.showServerError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values, !config);
    if (Object.keys(found).length) return form.show(found);
    void run(() => api.saveSso(org.id, {
      ...values, issuer: values.issuer.trim(), clientSecret: values.clientSecret || undefined, version: config?.version,
    }), t.saved);
  };

  return (
    <>
      {notice && (
        <FocusNotice ref={noticeRef}><Paragraph>{notice}</Paragraph></FocusNotice>
      )}
      {isConflict && <ConflictAlert ref={conflictRef} onReload={onReload} />}
      <Paragraph role="status">{config ? t.status(config.isEnabled) : t.notConfigured}</Paragraph>

      <section aria-labelledby="sso-it" className="regie-sso-it">
        <Heading level={2} id="sso-it">{t.forIt}</Heading>
        <Paragraph>{t.forItText}</Paragraph>
        <CopyField id="sso-redirect-uri" label={t.redirectUri} value={settings.redirectUri} texts={t} />
      </section>

      <section aria-labelledby="sso-form">
        <Heading level={2} id="sso-form">{t.formHeading}</Heading>
        <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
        <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="sso-form">
          <TextField name="issuer" label={t.issuer} description={t.issuerHelp} isRequired value={values.issuer} error={form.errors.issuer} onChange={set('issuer')} />
          <TextField name="clientId" label={t.clientId} isRequired size="medium" value={values.clientId} error={form.errors.clientId} onChange={set('clientId')} />
          <TextField
            name="clientSecret" label={t.clientSecret} type="password" autoComplete="new-password" size="medium"
            isRequired={!config} description={config ? t.clientSecretStored : t.clientSecretNew}
            value={values.clientSecret} error={form.errors.clientSecret} onChange={set('clientSecret')}
          />
          <TextField
            name="displayName" label={t.displayName} description={t.displayNameHelp} isRequired size="medium"
            value={values.displayName} error={form.errors.displayName} onChange={set('displayName')}
          />
          <CheckboxField name="linkByEmail" label={t.linkByEmail} description={t.linkByEmailHelp} value={values.linkByEmail} error={form.errors.linkByEmail} onChange={set('linkByEmail')} />
          <CheckboxField name="isEnabled" label={t.isEnabled} description={t.isEnabledHelp} value={values.isEnabled} error={form.errors.isEnabled} onChange={set('isEnabled')} />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
              {isBusy ? t.saving : t.save}
            </Button>
          </ButtonGroup>
        </form>
      </section>

      {config && (
        <section aria-label={t.remove} className="regie-sso-remove">
          {!isConfirming ? (
            <Button appearance="subtle-button" onClick={() => setConfirming(true)}>{t.remove}</Button>
          ) : (
            <>
              <Paragraph id="sso-confirm-remove">{t.confirmRemove}</Paragraph>
              <ButtonGroup>
                <Button
                  appearance="primary-action-button" hint="danger" aria-describedby="sso-confirm-remove" autoFocus
                  onClick={() => run(async () => {
                    await api.deleteSso(org.id);
                    return { redirectUri: settings.redirectUri, config: null };
                  }, t.removed)}
                >
                  {t.confirmYes}
                </Button>
                <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>{t.cancel}</Button>
              </ButtonGroup>
            </>
          )}
        </section>
      )}
      <span className="regie-visually-hidden" aria-live="polite">{isBusy ? t.saving : ''}</span>
    </>
  );
}
