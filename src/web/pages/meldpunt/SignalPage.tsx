import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { TSignalCategories } from '../../../domain/meldpunt-triage.ts';
import { meldpuntApi } from '../../api/meldpunt-triage.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { announceSaved } from '../../lib/savedNotice.ts';
import { useLoad } from '../../lib/useLoad.ts';

const S = nl.meldpuntTriage.signal;

/** "Signaal melden" for any official of a municipality, and (kind tip) a tip of Meld Misdaad Anoniem for a behandelaar. */
export function SignalPage({ kind }: { kind: 'signal' | 'tip' }) {
  const state = useLoad(() => meldpuntApi.signalCategories(), kind);
  const title = kind === 'tip' ? S.tipTitle : S.title;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{kind === 'tip' ? S.tipIntro : S.intro}</Paragraph>
      <LoadState state={state}>
        {(options) => {
          const usable = kind === 'tip' ? options.filter((o) => o.handles) : options;
          if (!usable.length) return <Paragraph>{kind === 'tip' ? S.noTip : S.none}</Paragraph>;
          return <SignalForm kind={kind} options={usable} />;
        }}
      </LoadState>
    </>
  );
}

function SignalForm({ kind, options }: { kind: 'signal' | 'tip'; options: TSignalCategories }) {
  const navigate = useNavigate();
  const [municipalityId, setMunicipality] = useState(options[0].municipality.id);
  const [categoryId, setCategory] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  // One key per form: a double click or a repeated send after a network error submits once.
  const idempotencyKey = useRef(crypto.randomUUID());
  const municipality = options.find((o) => o.municipality.id === municipalityId) ?? options[0];
  const category = municipality.categories.find((c) => c.id === categoryId);
  const questions = category?.questions ?? [];
  const labels = { municipalityId: S.municipality, categoryId: S.category, ...Object.fromEntries(questions.map((q) => [q.key, q.label])) };
  const errors = useFormErrors({ fieldOrder: Object.keys(labels), labels });
  const set = (k: string) => (v: string) => setAnswers((a) => ({ ...a, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Record<string, string> = {};
    if (!category) found.categoryId = nl.meldpuntTriage.errors.category;
    for (const q of questions) if (q.required && !answers[q.key]?.trim()) found[q.key] = nl.meldpuntTriage.errors.required;
    if (Object.keys(found).length) return errors.show(found);
    setBusy(true);
    try {
      const body = {
        municipalityId, categoryId, idempotencyKey: idempotencyKey.current,
        answers: Object.fromEntries(questions.map((q) => [q.key, answers[q.key] ?? '']).filter(([, v]) => v.trim())),
      };
      const created = kind === 'tip' ? await meldpuntApi.tip(body) : await meldpuntApi.signal(body);
      announceSaved(S.sent(created.number));
      void navigate(paths.melding(created.id));
    } catch (err) {
      errors.showServerError(err, (p) => (p.startsWith('answers.') ? p.slice(8) : p));
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={kind === 'tip' ? S.tipTitle : S.title}>
        {options.length > 1 && (
          <SelectField
            name="municipalityId" label={S.municipality} isRequired value={municipalityId} error={errors.errors.municipalityId}
            onChange={(v) => { setMunicipality(v); setCategory(''); }} options={options.map((o) => ({ value: o.municipality.id, label: o.municipality.name }))}
          />
        )}
        <SelectField
          name="categoryId" label={S.category} isRequired value={categoryId} error={errors.errors.categoryId} emptyLabel={S.choose}
          description={category?.description} onChange={setCategory} options={municipality.categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        {questions.map((q) => {
          const common = { name: q.key, label: q.label, isRequired: q.required, description: q.hint, error: errors.errors[q.key], value: answers[q.key] ?? '', onChange: set(q.key) };
          if (q.kind === 'textarea') return <TextareaField key={q.key} {...common} />;
          if (q.kind === 'choice') return <SelectField key={q.key} {...common} emptyLabel={S.choose} options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />;
          return <TextField key={q.key} {...common} />;
        })}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? S.submitting : S.submit}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/** "Signaal melden" (any official). */
export function SignalFormPage() {
  return <SignalPage kind="signal" />;
}

/** "Tip van Meld Misdaad Anoniem registreren" (behandelaar). */
export function TipPage() {
  return <SignalPage kind="tip" />;
}
