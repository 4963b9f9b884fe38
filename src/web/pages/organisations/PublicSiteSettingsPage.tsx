import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Link, Paragraph } from '@utrecht/component-library-react';
import { ZPublicSiteSettings } from '../../../domain/public-site.ts';
import type { TOrganisation } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { AdminPageFrame } from '../../components/AdminPageFrame.tsx';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors, type FieldErrors } from '../../forms/useFormErrors.ts';
import { publicSiteText } from '../../../text/nl/public-site.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const t = publicSiteText.publicSite.settings;
const FIELDS = ['headerName', 'primaryColor', 'linkColor', 'contactEmail'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const LABELS: Record<Field, string> = { headerName: t.headerName, primaryColor: t.primaryColor, linkColor: t.linkColor, contactEmail: t.contactEmail };

const valuesOf = (org: TOrganisation): Values =>
  Object.fromEntries(FIELDS.map((f) => [f, org.publicSite?.[f] ?? ''])) as Values;
/** Empty fields are "the default": stored as null. */
const settingsOf = (values: Values) => Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || null]));

/** The server's rules (hex colours with 4.5:1 contrast against white), checked before sending. */
function check(values: Values): FieldErrors {
  const parsed = ZPublicSiteSettings.safeParse(settingsOf(values));
  const errors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** /organisaties/:id/openbare-site: the beheerder sets the public site's design tokens and contact address. */
export function PublicSiteSettingsPage() {
  return (
    <AdminPageFrame heading={t.heading} title={t.title} forbiddenText={t.forbiddenText}>
      {(org) => <Settings organisationId={org.id} />}
    </AdminPageFrame>
  );
}

function Settings({ organisationId }: { organisationId: string }) {
  // Loading again (after a conflict) starts the form afresh from what is stored.
  const loaded = useLoad(() => api.getOrganisation(organisationId), organisationId);
  return (
    <>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>
        <Link href="/openbaar">{t.siteLink}</Link>
      </Paragraph>
      <LoadState state={loaded} isNested>
        {(org) => <SettingsForm key={org.version} initial={org} onReload={loaded.reload} />}
      </LoadState>
    </>
  );
}

function SettingsForm({ initial, onReload }: { initial: TOrganisation; onReload: () => void }) {
  const [org, setOrg] = useState(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const [conflictRef, focusConflict] = useFocusRequest<HTMLDivElement>();
  const set = (name: Field) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = check(values);
    if (Object.keys(found).length) return form.show(found);
    setBusy(true);
    setNotice(null);
    try {
      const stored = await api.update('organisations', org.id, org.version, { publicSite: settingsOf(values) });
      setOrg(stored);
      setValues(valuesOf(stored));
      form.clear();
      setNotice(t.saved);
      focusNotice();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) {
        setConflict(true);
        focusConflict();
      } else {
        // The server names the field inside the settings: "publicSite.linkColor".
        form.showServerError(err, (path) => path.replace(/^publicSite\./, ''));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {notice && (
        <FocusNotice ref={noticeRef}><Paragraph>{notice}</Paragraph></FocusNotice>
      )}
      {isConflict && <ConflictAlert ref={conflictRef} onReload={onReload} />}
      <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={t.heading}>
        <TextField name="headerName" label={t.headerName} description={t.headerNameHelp} size="medium" value={values.headerName} error={form.errors.headerName} onChange={set('headerName')} />
        <TextField name="primaryColor" label={t.primaryColor} description={t.primaryColorHelp} size="small" value={values.primaryColor} error={form.errors.primaryColor} onChange={set('primaryColor')} />
        <TextField name="linkColor" label={t.linkColor} description={t.linkColorHelp} size="small" value={values.linkColor} error={form.errors.linkColor} onChange={set('linkColor')} />
        <TextField
          name="contactEmail" label={t.contactEmail} description={t.contactEmailHelp} type="email" autoComplete="email" size="medium"
          value={values.contactEmail} error={form.errors.contactEmail} onChange={set('contactEmail')}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? t.saving : t.save}
          </Button>
        </ButtonGroup>
      </form>
      <span className="regie-visually-hidden" aria-live="polite">{isBusy ? t.saving : ''}</span>
    </>
  );
}
