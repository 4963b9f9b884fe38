import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError } from '../../api/client.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { checkNewPassword, NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { looksLikeEmail, useFormErrors, type FieldErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';

const FIELDS = ['organisationName', 'cbsCode', 'name', 'email', 'password', 'repeat'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const LABELS: Values = {
  organisationName: nl.setup.organisationName, cbsCode: nl.setup.cbsCode, name: nl.setup.name,
  email: nl.setup.email, password: nl.setup.password, repeat: nl.setup.repeat,
};
const EMPTY: Values = { organisationName: '', cbsCode: '', name: '', email: '', password: '', repeat: '' };

function check(v: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organisationName.trim()) errors.organisationName = nl.setup.organisationRequired;
  if (!v.cbsCode.trim()) errors.cbsCode = nl.setup.cbsRequired;
  else if (!/^GM\d{4}$/i.test(v.cbsCode.trim())) errors.cbsCode = nl.setup.cbsInvalid;
  if (!v.name.trim()) errors.name = nl.setup.nameRequired;
  if (!v.email.trim()) errors.email = nl.setup.emailRequired;
  else if (!looksLikeEmail(v.email)) errors.email = nl.auth.emailInvalid;
  return { ...errors, ...checkNewPassword(v) };
}

/** /inrichten?token=…: the first run without demo data – the municipality and its first beheerder. */
export function SetupPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [isBusy, setBusy] = useState(false);
  const [isSetUp, setSetUp] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const field = (name: keyof Values) => ({
    name, label: LABELS[name], isRequired: true, value: values[name], error: form.errors[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = check(values);
    if (Object.keys(found).length) return form.show(found);
    setBusy(true);
    const email = values.email.trim();
    try {
      await api.setup({
        token, organisationName: values.organisationName.trim(), cbsCode: values.cbsCode.trim().toUpperCase(),
        name: values.name.trim(), email, password: values.password,
      });
      void navigate(paths.login(), { replace: true, state: { setupDone: true, email } });
    } catch (err) {
      setBusy(false);
      setValues((v) => ({ ...v, password: '', repeat: '' }));
      // 404: the token is unknown, or Regie has users already.
      setSetUp(err instanceof ApiError && err.status === 404);
      form.showServerError(err, undefined, nl.setup.badLink);
    }
  };

  return (
    <>
      <PageHeading>{nl.setup.heading}</PageHeading>
      {!token ? (
        <Alert type="error">
          <Paragraph>{nl.setup.noToken}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{nl.setup.intro}</Paragraph>
          <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
          {isSetUp && (
            <Paragraph>
              <AppLink to={paths.login()}>{nl.setup.alreadySetUp}</AppLink>
            </Paragraph>
          )}
          <form noValidate onSubmit={submit} className="regie-form" aria-label={nl.setup.heading}>
            <Fieldset className="regie-fieldset">
              <FieldsetLegend>{nl.setup.municipality}</FieldsetLegend>
              <TextField {...field('organisationName')} size="medium" />
              <TextField {...field('cbsCode')} size="small" description={nl.setup.cbsHelp} />
            </Fieldset>
            <Fieldset className="regie-fieldset">
              <FieldsetLegend>{nl.setup.you}</FieldsetLegend>
              <TextField {...field('name')} size="medium" autoComplete="name" />
              <TextField {...field('email')} size="medium" type="email" autoComplete="email" />
              <NewPasswordFields
                value={values} onChange={(p) => setValues((v) => ({ ...v, ...p }))} errors={form.errors} labels={nl.setup}
              />
            </Fieldset>
            <ButtonGroup className="regie-form-actions">
              <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
                {isBusy ? nl.setup.submitting : nl.setup.submit}
              </Button>
            </ButtonGroup>
          </form>
          <span className="regie-visually-hidden" aria-live="polite">{isBusy ? nl.setup.submitting : ''}</span>
        </>
      )}
    </>
  );
}
