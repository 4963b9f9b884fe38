import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { z } from 'zod';
import { DECIDING_BODIES } from '../../domain/schemas.ts';
import {
  allowedSteps, ZVersionAdopt, ZVersionCouncil, type TDocumentKind, type TDocumentVersion, type TVersionAdopt,
} from '../../domain/versions.ts';
import { api } from '../api/client.ts';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate, formatDateTime, formatQuarterCode } from '../../text/format.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { DownloadLinks } from './DownloadLinks.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { RadioGroupField } from './RadioGroupField.tsx';
import { TextField } from './TextField.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/*
 * The adoption workflow of any document (ADR 0014): vaststellen → ter kennisname → publiceren, for the plan, the
 * progress report of a closed round and the evaluation report alike, and the list of frozen versions.
 */

const V = nl.versions;

/** One document that goes through the workflow, and how the page adopts it. */
export interface WorkflowTarget {
  /** Unique on the page: the ids of the headings and fields start with it. */
  id: string;
  document: TDocumentKind;
  /** The round of a progress report: its versions are this round's. */
  roundId?: string;
  heading: string;
  headingLevel: 2 | 3 | 4;
  /** The live document's stage in words; without it, the newest version's (or "Concept"). */
  stage?: string;
  /**
   * Whether the live document differs from its newest version: the server knows for the plan; a progress report
   * never does (its round's figures are frozen: false); the evaluation's figures move on (null: a new version is
   * offered, and the server refuses one that equals the last).
   */
  hasChanges: boolean | null;
  adopt: (body: TVersionAdopt) => Promise<TDocumentVersion>;
  /** The plan: the alert on changes links to the comparison. */
  comparePlanId?: string;
}

/** The versions of one document, newest first. */
export const versionsOf = (versions: TDocumentVersion[], t: Pick<WorkflowTarget, 'document' | 'roundId'>) =>
  versions.filter((v) => v.document === t.document && (t.document !== 'progress_report' || v.roundId === t.roundId))
    .sort((a, b) => b.number - a.number);

/** The workflow panel of one document for its adviser: the stage, and the step that comes next. */
export function DocumentWorkflow({ target, versions, onChanged }: { target: WorkflowTarget; versions: TDocumentVersion[]; onChanged: () => void }) {
  const [done, setDone] = useState<string>();
  const [isOpen, setOpen] = useState(false);
  const [latest] = versionsOf(versions, target);
  const steps = latest ? allowedSteps(latest.status) : [];
  const after = (message: string) => {
    setDone(message);
    onChanged();
  };
  const level = (target.headingLevel + 1) as 3 | 4 | 5;
  const stage = target.stage ?? (latest ? V.stageLabel[latest.status] : nl.labels.planStatus.draft);
  return (
    <section aria-labelledby={target.id} className="regie-workflow">
      <Heading level={target.headingLevel} id={target.id}>{target.heading}</Heading>
      {/* A live region that exists before its message, so screen readers announce each step. */}
      <div role="status" className="regie-workflow-done">{done && <Paragraph>{done}</Paragraph>}</div>
      <Paragraph>{V.currentStage(stage)}</Paragraph>
      {!latest && <Paragraph>{V.notAdopted[target.document]}</Paragraph>}
      {latest && target.hasChanges && (
        <Alert type="warning">
          <Paragraph>{V.draftChanged(latest.number)}</Paragraph>
          {target.comparePlanId && (
            <Paragraph>
              <AppLink to={paths.compare(target.comparePlanId, latest.id, 'concept')}>{V.showChanges(latest.number)}</AppLink>
            </Paragraph>
          )}
        </Alert>
      )}
      {latest && !target.hasChanges && <Paragraph>{V.latestStage(latest.number, V.stageLabel[latest.status])}</Paragraph>}
      {latest && steps.includes('council') && <CouncilForm id={target.id} level={level} version={latest} onDone={after} />}
      {latest && steps.includes('publish') && <PublishForm id={target.id} level={level} version={latest} onDone={after} />}
      {latest && !steps.length && target.document === 'plan' && target.hasChanges === false && <Paragraph>{V.allDone(latest.number)}</Paragraph>}
      {target.hasChanges !== null && (!latest || target.hasChanges) && (
        <AdoptForm target={target} level={level} heading={V.adoptHeading} intro={V.adoptIntro} onDone={after} />
      )}
      {/* A document whose figures move on (the evaluation) is adopted now and then: its form waits behind a summary. */}
      {target.hasChanges === null && (
        <details className="regie-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{latest ? V.newVersion : V.adoptHeading}</summary>
          {/* Drawn when opened: a closed form would still add its fields (and their labels) to the page. */}
          {isOpen && (
            <AdoptForm
              target={target} level={level} heading={latest ? V.newVersion : V.adoptHeading}
              intro={latest ? V.newVersionIntro[target.document] : V.adoptIntro} onDone={after}
            />
          )}
        </details>
      )}
    </section>
  );
}

/** Field names on the page: `<target id>-<field>`, so two forms on one page keep their own ids and error links. */
function fieldsOf<F extends string>(id: string, labels: Record<F, string>) {
  const name = (f: F) => `${id}-${f}`;
  const named = Object.fromEntries(Object.entries(labels).map(([f, l]) => [name(f as F), l])) as Record<string, string>;
  return { name, labels: named, fieldOf: (path: string) => name(path.split('.')[0] as F) };
}

/** The first message per field of a failed parse, under the form's field names. */
function parseErrors(issues: { path: PropertyKey[]; message: string }[], name: (f: never) => string) {
  const found: Record<string, string> = {};
  for (const issue of issues) found[name(String(issue.path[0]) as never)] ??= issue.message;
  return found;
}

type Checked<B> = { body: B } | { errors: Record<string, string> };

/** The form's values checked with the API's schema: the request body, or the first message per field. */
function checked<B>(schema: z.ZodType<B>, input: unknown, name: (field: never) => string): Checked<B> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { body: parsed.data } : { errors: parseErrors(parsed.error.issues, name) };
}

/**
 * One step of the workflow as a small form (with `StepFrame`): `check` gives the request body or the field errors,
 * `send` does the step and returns what to announce; a refusal of the server shows at its field or above the form.
 */
function useStep(id: string, labels: Record<string, string>) {
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors({ fieldOrder: Object.keys(labels), labels });
  const run = <B,>(check: () => Checked<B>, send: (body: B) => Promise<string>, onDone: (message: string) => void, fieldOf?: (path: string) => string) =>
    async (event: FormEvent) => {
      event.preventDefault();
      if (isBusy) return;
      const found = check();
      if ('errors' in found) return errors.show(found.errors);
      setBusy(true);
      try {
        const message = await send(found.body);
        errors.clear();
        onDone(message);
      } catch (err) {
        errors.showServerError(err, fieldOf);
      } finally {
        setBusy(false);
      }
    };
  return { isBusy, errors, run, headingId: (step: string) => `${id}-${step}` };
}

interface FrameProps {
  step: ReturnType<typeof useStep>;
  headingId: string;
  level: 3 | 4 | 5;
  heading: string;
  intro: string;
  onSubmit: (event: FormEvent) => void;
  button: { label: string; busy: string };
  children: ReactNode;
}

function StepFrame({ step, headingId, level, heading, intro, onSubmit, button, children }: FrameProps) {
  return (
    <section aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>{heading}</Heading>
      <Paragraph>{intro}</Paragraph>
      <ErrorSummary ref={step.errors.summaryRef} items={step.errors.items} general={step.errors.general} />
      <form noValidate onSubmit={onSubmit} className="regie-form" aria-labelledby={headingId}>
        {children}
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={step.isBusy} aria-disabled={step.isBusy || undefined}>
            {step.isBusy ? button.busy : button.label}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The fields' values of a step, each set by its field. */
function useValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  return { values, set: (field: keyof T) => (value: string) => setValues((v) => ({ ...v, [field]: value })) };
}

const ADOPT_LABELS = { adoptedBy: V.adoptedBy, adoptedOn: V.adoptedOn, decisionReference: V.decisionReference };

interface AdoptProps {
  target: WorkflowTarget;
  level: 3 | 4 | 5;
  heading: string;
  intro: string;
  onDone: (message: string) => void;
}

function AdoptForm({ target, level, heading, intro, onDone }: AdoptProps) {
  const { values, set } = useValues({ adoptedBy: 'college', adoptedOn: '', decisionReference: '' });
  const f = fieldsOf(target.id, ADOPT_LABELS);
  const step = useStep(target.id, f.labels);
  const error = (field: keyof typeof ADOPT_LABELS) => step.errors.errors[f.name(field)];
  const submit = step.run(
    () => checked(ZVersionAdopt, { ...values, decisionReference: values.decisionReference.trim() || null }, f.name),
    async (body) => V.adoptedDone((await target.adopt(body)).number),
    onDone, f.fieldOf,
  );
  return (
    <StepFrame step={step} headingId={step.headingId('vaststellen')} level={level} heading={heading} intro={intro} onSubmit={submit} button={{ label: V.adopt, busy: V.adopting }}>
      <RadioGroupField
        name={f.name('adoptedBy')} label={ADOPT_LABELS.adoptedBy} isRequired value={values.adoptedBy} error={error('adoptedBy')}
        onChange={set('adoptedBy')} options={DECIDING_BODIES.map((b) => ({ value: b, label: nl.labels.decidingBody[b] }))}
      />
      <TextField
        name={f.name('adoptedOn')} label={ADOPT_LABELS.adoptedOn} type="date" size="small" isRequired value={values.adoptedOn}
        error={error('adoptedOn')} description={V.adoptedOnHelp} onChange={set('adoptedOn')}
      />
      <TextField
        name={f.name('decisionReference')} label={ADOPT_LABELS.decisionReference} size="medium" value={values.decisionReference}
        error={error('decisionReference')} onChange={set('decisionReference')}
      />
    </StepFrame>
  );
}

const COUNCIL_LABELS = { councilBody: V.councilBody, councilOn: V.councilOnField };

interface StepProps {
  id: string;
  level: 3 | 4 | 5;
  version: TDocumentVersion;
  onDone: (message: string) => void;
}

function CouncilForm({ id, level, version, onDone }: StepProps) {
  const { values, set } = useValues({ councilBody: '', councilOn: '' });
  const f = fieldsOf(id, COUNCIL_LABELS);
  const step = useStep(id, f.labels);
  const error = (field: keyof typeof COUNCIL_LABELS) => step.errors.errors[f.name(field)];
  const submit = step.run(
    () => checked(ZVersionCouncil, { ...values, version: version.version }, f.name),
    async (body) => {
      await api.sendToCouncil(version.id, body);
      return V.councilDone(version.number);
    },
    onDone, f.fieldOf,
  );
  return (
    <StepFrame step={step} headingId={step.headingId('ter-kennisname')} level={level} heading={V.councilHeading} intro={V.councilIntro(version.number)} onSubmit={submit} button={{ label: V.sendToCouncil, busy: V.sending }}>
      <TextField
        name={f.name('councilBody')} label={COUNCIL_LABELS.councilBody} isRequired value={values.councilBody} size="medium"
        error={error('councilBody')} description={V.councilBodyHelp} onChange={set('councilBody')}
      />
      <TextField
        name={f.name('councilOn')} label={COUNCIL_LABELS.councilOn} type="date" size="small" isRequired value={values.councilOn}
        error={error('councilOn')} onChange={set('councilOn')}
      />
    </StepFrame>
  );
}

function PublishForm({ id, level, version, onDone }: StepProps) {
  const [isConfirmed, setConfirmed] = useState(false);
  const confirm = `${id}-confirm`;
  const step = useStep(id, { [confirm]: V.publishConfirm(version.number) });
  const submit = step.run(
    (): Checked<null> => (isConfirmed ? { body: null } : { errors: { [confirm]: V.publishConfirmRequired } }),
    async () => {
      await api.publishVersion(version.id, version.version);
      return V.publishedDone(version.number);
    },
    onDone,
  );
  return (
    <StepFrame step={step} headingId={step.headingId('publiceren')} level={level} heading={V.publishHeading} intro={V.publishIntro(version.number)} onSubmit={submit} button={{ label: V.publish, busy: V.publishing }}>
      <CheckboxField name={confirm} label={V.publishConfirm(version.number)} value={isConfirmed} error={step.errors.errors[confirm]} onChange={setConfirmed} />
    </StepFrame>
  );
}

const facts = (body: string | null, date: string | null) => (body && date ? V.councilOn(body, formatDate(date)) : nl.app.empty);

/** A version's document in words: "Voortgangsrapportage Q3 2024". */
const kindOf = (v: TDocumentVersion) => [V.documentKind[v.document], v.roundQuarter && formatQuarterCode(v.roundQuarter)].filter(Boolean).join(' ');

interface ListProps {
  versions: TDocumentVersion[];
  /** The plan's comparison links: its id, and whether the live plan can be compared (null: not for this reader). */
  compare?: { planId: string; hasDraft: boolean };
  id: string;
  headingLevel: 2 | 3;
  /** The heading, when not "Vastgestelde versies" (the plan's title in a list of several plans). */
  title?: string;
}

/** The frozen versions with their files (and, for the plan, its comparisons); the document named where kinds mix. */
export function VersionList({ versions, compare, id, headingLevel, title = V.listHeading }: ListProps) {
  const hasOtherKinds = versions.some((v) => v.document !== 'plan');
  const planVersions = versions.filter((v) => v.document === 'plan');
  const hasCompare = !!compare && planVersions.length > 0;
  return (
    <section aria-labelledby={id}>
      <Heading level={headingLevel} id={id}>{title}</Heading>
      {title === V.listHeading && <Paragraph>{V.listIntro}</Paragraph>}
      {!versions.length ? <Paragraph>{V.none}</Paragraph> : (
        <ScrollRegion label={V.caption}>
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
                {hasCompare && <TableHeaderCell scope="col">{V.compare}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => {
                const previous = v.document === 'plan' ? planVersions.find((p) => p.number === v.number - 1) : undefined;
                // The plan's versions are "Versie n"; a report's name says which report, as numbers repeat per document.
                const what = v.document === 'plan' ? V.versionN(v.number) : V.versionOf(kindOf(v), v.number);
                return (
                  <TableRow key={v.id}>
                    <TableHeaderCell scope="row">{V.versionN(v.number)}</TableHeaderCell>
                    {hasOtherKinds && <TableCell>{kindOf(v)}</TableCell>}
                    <TableCell>{V.stageLabel[v.status]}</TableCell>
                    <TableCell>{V.adoptedByOn(nl.labels.decidingBody[v.adoptedBy], formatDate(v.adoptedOn))}</TableCell>
                    <TableCell>{facts(v.councilBody, v.councilOn)}</TableCell>
                    <TableCell>
                      {v.publishedAt ? (
                        <>
                          {formatDateTime(v.publishedAt)}
                          {/* The server renders the public site: a full page load, not a route of the app. */}
                          <br /><a className="utrecht-link utrecht-link--html-a" href={`/openbaar/${v.ownerId}/${v.id}`}>
                            {V.onPublicSite}<span className="regie-visually-hidden"> – {what}</span>
                          </a>
                        </>
                      ) : nl.app.empty}
                    </TableCell>
                    <TableCell>{v.decisionReference ?? nl.app.empty}</TableCell>
                    <TableCell><DownloadLinks url={(f) => api.versionDocumentUrl(v.id, f)} what={what} /></TableCell>
                    {hasCompare && (
                      <TableCell>
                        {v.document === 'plan' && (
                          <ul className="regie-downloads">
                            {compare.hasDraft && (
                              <li><AppLink to={paths.compare(compare.planId, v.id, 'concept')}>{V.compareWithDraft(v.number)}</AppLink></li>
                            )}
                            {previous && <li><AppLink to={paths.compare(compare.planId, previous.id, v.id)}>{V.compareWithPrevious(v.number)}</AppLink></li>}
                          </ul>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
