import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../../api/client.ts';
import { forwardsApi, type ForwardDraft } from '../../api/meldpunt-forwards.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { useFormErrors, type FieldErrors } from '../../forms/useFormErrors.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { meldpuntPaths } from '../../lib/meldpunt-paths.ts';
import { formatDateTime } from '../../../text/format.ts';
import { nl } from '../../../text/nl/web.ts';

const t = nl.meldpuntForwards.forwards;
const FIELDS = ['partnerId', 'summary', 'basis', 'includeContact'] as const;
const LABELS = { partnerId: t.partner, summary: t.summary, basis: t.basis, includeContact: t.includeContact };

/**
 * /meldpunt/meldingen/:meldingId/doorsturen: the redaction step. The handler edits the summary (a draft from the
 * reporter's answers, without contact details), picks the partner and the basis; contact details go along only with
 * the reporter's consent and a tick.
 */
export function ForwardPage() {
  const { meldingId = '' } = useParams();
  const loaded = useLoad(() => forwardsApi.draft(meldingId), meldingId);
  return (
    <LoadState state={loaded}>
      {(d) => (
        <>
          <PageHeading>{t.title(d.number)}</PageHeading>
          <Paragraph>{t.intro}</Paragraph>
          <ForwardForm key={d.version} draft={d} onReload={loaded.reload} />
          <Heading level={2}>{t.history}</Heading>
          {d.forwards.length === 0 ? <Paragraph>{t.none}</Paragraph> : (
            <UnorderedList>
              {d.forwards.map((f) => (
                <UnorderedListItem key={f.id}>
                  {`${f.partnerName} – ${formatDateTime(f.forwardedAt)} – ${f.includesContact ? t.withContact : t.withoutContact}`}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph>
            <AppLink to={meldpuntPaths.melding(d.meldingId)}>{t.backToMelding}</AppLink>
          </Paragraph>
        </>
      )}
    </LoadState>
  );
}

function ForwardForm({ draft, onReload }: { draft: ForwardDraft; onReload: () => void }) {
  const [partnerId, setPartnerId] = useState('');
  const [summary, setSummary] = useState(draft.draft);
  const [basis, setBasis] = useState('');
  const [includeContact, setIncludeContact] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [isConflict, setConflict] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const [conflictRef, focusConflict] = useFocusRequest<HTMLDivElement>();
  const canShare = draft.shareConsent && draft.hasContact;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found: FieldErrors = {};
    if (!partnerId) found.partnerId = t.partnerRequired;
    if (!summary.trim()) found.summary = t.summaryRequired;
    if (!basis.trim()) found.basis = t.basisRequired;
    if (Object.keys(found).length) return form.show(found);
    setBusy(true);
    try {
      const res = await forwardsApi.forward(draft.meldingId, { partnerId, summary, basis, includeContact: canShare && includeContact, version: draft.version });
      form.clear();
      setSent(t.sent(res.forward.partnerName));
      focusNotice();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) {
        setConflict(true);
        focusConflict();
      } else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <FocusNotice ref={noticeRef}>
        <Paragraph>{sent}</Paragraph>
        <Paragraph><Button appearance="secondary-action-button" onClick={onReload}>{nl.auth.continue}</Button></Paragraph>
      </FocusNotice>
    );
  }
  return (
    <>
      {isConflict && <ConflictAlert ref={conflictRef} onReload={onReload} />}
      <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={t.title(draft.number)}>
        <SelectField
          name="partnerId" label={t.partner} isRequired value={partnerId} onChange={setPartnerId} emptyLabel={t.partnerRequired}
          options={draft.partners.map((p) => ({ value: p.id, label: p.name }))} error={form.errors.partnerId}
        />
        <TextareaField name="summary" label={t.summary} description={t.summaryHint} isRequired rows={10} value={summary} onChange={setSummary} error={form.errors.summary} />
        <TextField name="basis" label={t.basis} description={t.basisHint} isRequired size="large" value={basis} onChange={setBasis} error={form.errors.basis} />
        {canShare ? (
          <CheckboxField name="includeContact" label={t.includeContact} description={t.includeContactHint} value={includeContact} onChange={setIncludeContact} error={form.errors.includeContact} />
        ) : draft.hasContact && <Paragraph>{t.noConsentHint}</Paragraph>}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? t.submitting : t.submit}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
