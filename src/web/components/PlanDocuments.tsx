import { useState, type FormEvent } from 'react';
import {
  Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { DECIDING_BODIES } from '../../domain/schemas.ts';
import { allowedSteps, ZVersionAdopt, ZVersionCouncil, type TDocumentVersion, type TPlanVersions } from '../../domain/versions.ts';
import { api, DOCUMENT_FORMATS, type DocumentFormat } from '../api/client.ts';
import type { PlanExport } from '../api/types.ts';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { nl } from '../i18n/nl.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/paths.ts';
import { useLoad } from '../lib/useLoad.ts';
import { planSubject, useCan } from '../session/useCan.ts';
import { AppLink } from './AppLink.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { LoadState } from './LoadState.tsx';
import { RadioGroupField } from './RadioGroupField.tsx';
import { TextField } from './TextField.tsx';

const V = nl.versions;
const FORMAT_LABEL: Record<DocumentFormat, string> = { docx: nl.document.asWord, pdf: nl.document.asPdf, html: nl.document.asHtml };

/** Word, PDF and HTML links; `what` names the document for screen readers where several lists stand together. */
function DownloadLinks({ url, what }: { url: (format: DocumentFormat) => string; what: string }) {
  return (
    <ul className="regie-downloads">
      {DOCUMENT_FORMATS.map((f) => (
        <li key={f}>
          <a className="utrecht-link utrecht-link--html-a" href={url(f)} download>
            {FORMAT_LABEL[f]}<span className="regie-visually-hidden">{V.downloadsOf(what)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The plan's documents: the live text as Word, PDF and HTML, the adoption workflow for its adviser (vaststellen → ter
 * kennisname → publiceren) and the frozen versions with their files and comparisons.
 */
export function PlanDocuments({ plan, onPlanChanged }: { plan: PlanExport; onPlanChanged: () => void }) {
  const state = useLoad(() => api.listVersions(plan.id), `${plan.id}-${plan.version}`, { keepPrevious: true });
  const can = useCan();
  const mayAdopt = can('create', planSubject('versions', plan, plan.organisations));
  const changed = () => {
    state.reload();
    onPlanChanged();
  };
  return (
    <section aria-labelledby="documenten">
      <Heading level={2} id="documenten">{V.heading}</Heading>
      <Heading level={3}>{V.live}</Heading>
      <Paragraph>{V.liveIntro} {nl.plan.status}: {nl.labels.planStatus[plan.status]}.</Paragraph>
      <DownloadLinks url={(f) => api.documentUrl(plan.id, f)} what={V.currentText} />
      <LoadState state={state} isNested>
        {(data) => (
          <>
            {mayAdopt && <Workflow plan={plan} data={data} onChanged={changed} />}
            <VersionList planId={plan.id} data={data} />
          </>
        )}
      </LoadState>
    </section>
  );
}

function Workflow({ plan, data, onChanged }: { plan: PlanExport; data: TPlanVersions; onChanged: () => void }) {
  const [done, setDone] = useState<string>();
  const latest = data.versions.find((v) => v.id === data.latestPlanVersionId);
  const steps = latest ? allowedSteps(latest.status) : [];
  const after = (message: string) => {
    setDone(message);
    onChanged();
  };
  return (
    <section aria-labelledby="vaststelling" className="regie-workflow">
      <Heading level={3} id="vaststelling">{V.workflow}</Heading>
      {/* A live region that exists before its message, so screen readers announce each step. */}
      <div role="status" className="regie-workflow-done">{done && <Paragraph>{done}</Paragraph>}</div>
      <Paragraph>{V.currentStage(nl.labels.planStatus[plan.status])}</Paragraph>
      {!latest && <Paragraph>{V.draftNever}</Paragraph>}
      {latest && data.hasChanges && (
        <Alert type="warning">
          <Paragraph>{V.draftChanged(latest.number)}</Paragraph>
          <Paragraph>
            <AppLink to={paths.compare(plan.id, latest.id, 'concept')}>{V.showChanges(latest.number)}</AppLink>
          </Paragraph>
        </Alert>
      )}
      {latest && !data.hasChanges && <Paragraph>{V.latestStage(latest.number, V.stageLabel[latest.status])}</Paragraph>}
      {latest && steps.includes('council') && <CouncilForm version={latest} onDone={after} />}
      {latest && steps.includes('publish') && <PublishForm version={latest} onDone={after} />}
      {latest && !steps.length && !data.hasChanges && <Paragraph>{V.allDone(latest.number)}</Paragraph>}
      {(!latest || data.hasChanges) && <AdoptForm planId={plan.id} onDone={after} />}
    </section>
  );
}

const ADOPT_LABELS = { adoptedBy: V.adoptedBy, adoptedOn: V.adoptedOn, decisionReference: V.decisionReference };

function AdoptForm({ planId, onDone }: { planId: string; onDone: (message: string) => void }) {
  const [values, setValues] = useState({ adoptedBy: 'college', adoptedOn: '', decisionReference: '' });
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(ADOPT_LABELS), labels: ADOPT_LABELS });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const body = { ...values, decisionReference: values.decisionReference.trim() || null };
    const parsed = ZVersionAdopt.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      return errors.show(found);
    }
    setBusy(true);
    try {
      const version = await api.adoptVersion(planId, parsed.data);
      errors.clear();
      onDone(V.adoptedDone(version.number));
    } catch (err) {
      errors.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="vaststellen">
      <Heading level={4} id="vaststellen">{V.adoptHeading}</Heading>
      <Paragraph>{V.adoptIntro}</Paragraph>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="vaststellen">
        <RadioGroupField
          name="adoptedBy" label={ADOPT_LABELS.adoptedBy} isRequired value={values.adoptedBy} error={errors.errors.adoptedBy}
          onChange={set('adoptedBy')} options={DECIDING_BODIES.map((b) => ({ value: b, label: nl.labels.decidingBody[b] }))}
        />
        <TextField
          name="adoptedOn" label={ADOPT_LABELS.adoptedOn} type="date" size="small" isRequired value={values.adoptedOn}
          error={errors.errors.adoptedOn} description={V.adoptedOnHelp} onChange={set('adoptedOn')}
        />
        <TextField
          name="decisionReference" label={ADOPT_LABELS.decisionReference} size="medium" value={values.decisionReference}
          error={errors.errors.decisionReference} onChange={set('decisionReference')}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? V.adopting : V.adopt}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

const COUNCIL_LABELS = { councilBody: V.councilBody, councilOn: V.councilOnField };

function CouncilForm({ version, onDone }: { version: TDocumentVersion; onDone: (message: string) => void }) {
  const [values, setValues] = useState({ councilBody: '', councilOn: '' });
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(COUNCIL_LABELS), labels: COUNCIL_LABELS });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const parsed = ZVersionCouncil.safeParse({ ...values, version: version.version });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      return errors.show(found);
    }
    setBusy(true);
    try {
      await api.sendToCouncil(version.id, parsed.data);
      errors.clear();
      onDone(V.councilDone(version.number));
    } catch (err) {
      errors.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ter-kennisname">
      <Heading level={4} id="ter-kennisname">{V.councilHeading}</Heading>
      <Paragraph>{V.councilIntro(version.number)}</Paragraph>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="ter-kennisname">
        <TextField
          name="councilBody" label={COUNCIL_LABELS.councilBody} isRequired value={values.councilBody} size="medium"
          error={errors.errors.councilBody} description={V.councilBodyHelp} onChange={set('councilBody')}
        />
        <TextField
          name="councilOn" label={COUNCIL_LABELS.councilOn} type="date" size="small" isRequired value={values.councilOn}
          error={errors.errors.councilOn} onChange={set('councilOn')}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? V.sending : V.sendToCouncil}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function PublishForm({ version, onDone }: { version: TDocumentVersion; onDone: (message: string) => void }) {
  const [isConfirmed, setConfirmed] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const labels = { confirm: V.publishConfirm(version.number) };
  const errors = useFormErrors({ fieldOrder: ['confirm'], labels });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!isConfirmed) return errors.show({ confirm: V.publishConfirmRequired });
    setBusy(true);
    try {
      await api.publishVersion(version.id, version.version);
      errors.clear();
      onDone(V.publishedDone(version.number));
    } catch (err) {
      errors.showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="publiceren">
      <Heading level={4} id="publiceren">{V.publishHeading}</Heading>
      <Paragraph>{V.publishIntro(version.number)}</Paragraph>
      <ErrorSummary ref={errors.summaryRef} items={errors.items} general={errors.general} />
      <form noValidate onSubmit={submit} className="regie-form" aria-labelledby="publiceren">
        <CheckboxField name="confirm" label={labels.confirm} value={isConfirmed} error={errors.errors.confirm} onChange={setConfirmed} />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {isBusy ? V.publishing : V.publish}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

const facts = (body: string | null, date: string | null) => (body && date ? V.councilOn(body, formatDate(date)) : nl.app.empty);

function VersionList({ planId, data }: { planId: string; data: TPlanVersions }) {
  const hasOtherKinds = data.versions.some((v) => v.document !== 'plan');
  const planVersions = data.versions.filter((v) => v.document === 'plan');
  return (
    <section aria-labelledby="versies">
      <Heading level={3} id="versies">{V.listHeading}</Heading>
      <Paragraph>{V.listIntro}</Paragraph>
      {!data.versions.length ? <Paragraph>{V.none}</Paragraph> : (
        <div className="regie-table-container">
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{V.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{V.number}</TableHeaderCell>
                {hasOtherKinds && <TableHeaderCell scope="col">{V.document}</TableHeaderCell>}
                <TableHeaderCell scope="col">{V.stage}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.adopted}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.council}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.published}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.reference}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.files}</TableHeaderCell>
                <TableHeaderCell scope="col">{V.compare}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.versions.map((v) => {
                const previous = v.document === 'plan' ? planVersions.find((p) => p.number === v.number - 1) : undefined;
                return (
                  <TableRow key={v.id}>
                    <TableHeaderCell scope="row">{V.versionN(v.number)}</TableHeaderCell>
                    {hasOtherKinds && <TableCell>{V.documentKind[v.document]}</TableCell>}
                    <TableCell>{V.stageLabel[v.status]}</TableCell>
                    <TableCell>{V.adoptedByOn(nl.labels.decidingBody[v.adoptedBy], formatDate(v.adoptedOn))}</TableCell>
                    <TableCell>{facts(v.councilBody, v.councilOn)}</TableCell>
                    <TableCell>{v.publishedAt ? formatDateTime(v.publishedAt) : nl.app.empty}</TableCell>
                    <TableCell>{v.decisionReference ?? nl.app.empty}</TableCell>
                    <TableCell><DownloadLinks url={(f) => api.versionDocumentUrl(v.id, f)} what={V.versionN(v.number)} /></TableCell>
                    <TableCell>
                      {v.document === 'plan' && (
                        <ul className="regie-downloads">
                          {data.hasChanges !== null && (
                            <li><AppLink to={paths.compare(planId, v.id, 'concept')}>{V.compareWithDraft(v.number)}</AppLink></li>
                          )}
                          {previous && <li><AppLink to={paths.compare(planId, previous.id, v.id)}>{V.compareWithPrevious(v.number)}</AppLink></li>}
                        </ul>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
