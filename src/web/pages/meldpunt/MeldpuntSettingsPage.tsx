import { useState, type FormEvent } from 'react';
import {
  Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { QUESTION_KINDS, type TQuestion } from '../../../domain/meldpunt.ts';
import { ApiError } from '../../api/client.ts';
import { forwardsApi, type Category, type DutyMember } from '../../api/meldpunt-forwards.ts';
import { AdminPageFrame } from '../../components/AdminPageFrame.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ConflictAlert } from '../../components/ConflictAlert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { nl } from '../../../text/nl/web.ts';

const t = nl.meldpuntForwards.settings;

/** /organisaties/:id/meldpunt: the beheerder sets the meldpunt's categories with their questions, and its behandelaars. */
export function MeldpuntSettingsPage() {
  return (
    <AdminPageFrame heading={t.nav} title={t.title} forbiddenText={() => t.forbidden}>
      {(org) => <Settings municipalityId={org.id} />}
    </AdminPageFrame>
  );
}

function Settings({ municipalityId }: { municipalityId: string }) {
  const categories = useLoad(() => forwardsApi.categories(municipalityId), municipalityId);
  return (
    <>
      <Paragraph>{t.intro}</Paragraph>
      <LoadState state={categories} isNested>
        {(list) => (
          <>
            <Categories municipalityId={municipalityId} categories={list} onChanged={categories.reload} />
            <Duties municipalityId={municipalityId} categories={list} />
          </>
        )}
      </LoadState>
    </>
  );
}

function Categories({ municipalityId, categories, onChanged }: { municipalityId: string; categories: Category[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  return (
    <section aria-labelledby="categorieen">
      <Heading level={2} id="categorieen">{t.categories}</Heading>
      <ScrollRegion label={t.categories}>
        <Table className="regie-table">
          <TableCaption className="regie-visually-hidden">{t.categories}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.key}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.responseDays}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.questions}</TableHeaderCell>
              <TableHeaderCell scope="col"><span className="regie-visually-hidden">{t.edit}</span></TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {categories.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.name}{c.isActive ? '' : ` (${t.inactive})`}</TableCell>
                <TableCell>{c.key}</TableCell>
                <TableCell>{c.responseDays}</TableCell>
                <TableCell>{c.questions.length}</TableCell>
                <TableCell>
                  <Button appearance="subtle-button" aria-label={`${t.edit}: ${c.name}`} onClick={() => setEditing(c)}>{t.edit}</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      {editing ? (
        <CategoryEditor
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`} municipalityId={municipalityId} category={editing === 'new' ? null : editing}
          onDone={() => { setEditing(null); onChanged(); }} onCancel={() => setEditing(null)}
        />
      ) : (
        <ButtonGroup className="regie-form-actions">
          <Button appearance="secondary-action-button" onClick={() => setEditing('new')}>{t.newCategory}</Button>
        </ButtonGroup>
      )}
    </section>
  );
}

const FIELDS = ['key', 'name', 'description', 'handlingText', 'responseDays', 'referralUrl', 'noActionRetentionMonths', 'position', 'questions'] as const;
const LABELS: Record<string, string> = {
  key: t.key, name: t.name, description: t.description, handlingText: t.handlingText, responseDays: t.responseDays, referralUrl: t.referralUrl,
  noActionRetentionMonths: t.retention, position: t.position, questions: t.questions,
};

function CategoryEditor({ municipalityId, category, onDone, onCancel }: {
  municipalityId: string; category: Category | null; onDone: () => void; onCancel: () => void;
}) {
  const [v, setV] = useState({
    key: category?.key ?? '', name: category?.name ?? '', description: category?.description ?? '', handlingText: category?.handlingText ?? '',
    responseDays: String(category?.responseDays ?? 5), referralUrl: category?.referralUrl ?? '',
    noActionRetentionMonths: String(category?.noActionRetentionMonths ?? 12), position: String(category?.position ?? 0), isActive: category?.isActive ?? true,
  });
  const [questions, setQuestions] = useState<TQuestion[]>(category?.questions ?? []);
  const [isBusy, setBusy] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const form = useFormErrors({ fieldOrder: FIELDS, labels: LABELS });
  const [conflictRef, focusConflict] = useFocusRequest<HTMLDivElement>();
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((s) => ({ ...s, [k]: value }));
  const setQuestion = (i: number, patch: Partial<TQuestion>) => setQuestions((qs) => qs.map((q, n) => (n === i ? { ...q, ...patch } : q)));
  const heading = category ? `${t.edit}: ${category.name}` : t.newCategory;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    const fields = {
      name: v.name, description: v.description, handlingText: v.handlingText, responseDays: Number(v.responseDays),
      referralUrl: v.referralUrl.trim() || null, noActionRetentionMonths: Number(v.noActionRetentionMonths), position: Number(v.position),
      isActive: v.isActive, questions,
    };
    try {
      if (category) await forwardsApi.updateCategory(category.id, { ...fields, version: category.version });
      else await forwardsApi.createCategory({ ...fields, municipalityId, key: v.key });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.isConflict && !err.errors.some((e) => e.path === 'key')) {
        setConflict(true);
        focusConflict();
      } else form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="categorie-bewerken">
      <Heading level={3} id="categorie-bewerken">{heading}</Heading>
      {isConflict && <ConflictAlert ref={conflictRef} onReload={onDone} />}
      <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="categorie-bewerken">
        {!category && <TextField name="key" label={t.key} description={t.keyHint} isRequired size="medium" value={v.key} onChange={set('key')} error={form.errors.key} />}
        <TextField name="name" label={t.name} isRequired value={v.name} onChange={set('name')} error={form.errors.name} />
        <TextareaField name="description" label={t.description} value={v.description} onChange={set('description')} error={form.errors.description} />
        <TextareaField name="handlingText" label={t.handlingText} value={v.handlingText} onChange={set('handlingText')} error={form.errors.handlingText} />
        <TextField name="responseDays" label={t.responseDays} isRequired size="small" inputMode="numeric" value={v.responseDays} onChange={set('responseDays')} error={form.errors.responseDays} />
        <TextField name="referralUrl" label={t.referralUrl} description={t.referralUrlHint} value={v.referralUrl} onChange={set('referralUrl')} error={form.errors.referralUrl} />
        <TextField name="noActionRetentionMonths" label={t.retention} isRequired size="small" inputMode="numeric" value={v.noActionRetentionMonths} onChange={set('noActionRetentionMonths')} error={form.errors.noActionRetentionMonths} />
        <TextField name="position" label={t.position} isRequired size="small" inputMode="numeric" value={v.position} onChange={set('position')} error={form.errors.position} />
        <CheckboxField name="isActive" label={t.isActive} value={v.isActive} onChange={set('isActive')} />
        <Heading level={4}>{t.questions}</Heading>
        {form.errors.questions && <Paragraph className="regie-field-error">{form.errors.questions}</Paragraph>}
        {questions.map((q, i) => (
          <fieldset key={i} className="regie-question-editor">
            <legend>{`${t.questionLabel} ${i + 1}`}</legend>
            <TextField name={`q${i}-label`} label={t.questionLabel} isRequired value={q.label} onChange={(label) => setQuestion(i, { label })} />
            <TextField name={`q${i}-key`} label={t.questionKey} isRequired size="medium" value={q.key} onChange={(key) => setQuestion(i, { key })} />
            <SelectField
              name={`q${i}-kind`} label={t.questionKind} isRequired value={q.kind} onChange={(kind) => setQuestion(i, { kind: kind as TQuestion['kind'] })}
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
            />
            <CheckboxField name={`q${i}-required`} label={t.questionRequired} value={q.required} onChange={(required) => setQuestion(i, { required })} />
            <Button appearance="subtle-button" onClick={() => setQuestions((qs) => qs.filter((_, n) => n !== i))}>{`${t.removeQuestion} ${i + 1}`}</Button>
          </fieldset>
        ))}
        <ButtonGroup className="regie-form-actions">
          <Button appearance="secondary-action-button" onClick={() => setQuestions((qs) => [...qs, { key: `vraag_${qs.length + 1}`, label: '', kind: 'text', required: false }])}>
            {t.addQuestion}
          </Button>
        </ButtonGroup>
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>{t.save}</Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>{t.cancel}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

const ALL = '*';

function Duties({ municipalityId, categories }: { municipalityId: string; categories: Category[] }) {
  const loaded = useLoad(() => forwardsApi.duties(municipalityId), `duties-${municipalityId}`);
  return (
    <section aria-labelledby="behandelaars">
      <Heading level={2} id="behandelaars">{t.duties}</Heading>
      <Paragraph>{t.dutiesIntro}</Paragraph>
      <LoadState state={loaded} isNested>
        {(members) => <DutiesForm municipalityId={municipalityId} categories={categories} members={members} />}
      </LoadState>
    </section>
  );
}

const choiceOf = (m: DutyMember) => (m.allCategories ? [ALL] : m.categoryKeys);

function DutiesForm({ municipalityId, categories, members }: { municipalityId: string; categories: Category[]; members: DutyMember[] }) {
  const [choices, setChoices] = useState<Record<string, string[]>>(() => Object.fromEntries(members.map((m) => [m.userId, choiceOf(m)])));
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const form = useFormErrors({ fieldOrder: [], labels: {} });
  const options = [{ value: ALL, label: t.allCategories }, ...categories.map((c) => ({ value: c.key, label: c.name }))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    setNotice(null);
    try {
      const behandelaars = Object.entries(choices).filter(([, keys]) => keys.length > 0)
        .map(([userId, keys]) => ({ userId, categoryKeys: keys.includes(ALL) ? null : keys }));
      const stored = await forwardsApi.putDuties(municipalityId, behandelaars);
      setChoices(Object.fromEntries(stored.map((m) => [m.userId, choiceOf(m)])));
      form.clear();
      setNotice(t.dutiesSaved);
      focusNotice();
    } catch (err) {
      form.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {notice && <FocusNotice ref={noticeRef}><Paragraph>{notice}</Paragraph></FocusNotice>}
      <ErrorSummary ref={form.summaryRef} items={form.items} general={form.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-label={t.duties}>
        {members.map((m) => (
          <CheckboxGroupField
            key={m.userId} name={`duty-${m.userId}`} label={`${m.name} (${m.email})`} value={choices[m.userId] ?? []}
            onChange={(keys) => setChoices((c) => ({ ...c, [m.userId]: keys }))} options={options}
          />
        ))}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>{t.saveDuties}</Button>
        </ButtonGroup>
      </form>
    </>
  );
}
