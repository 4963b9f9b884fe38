import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import {
  Alert, Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { MAX_IMPORT_CHARS, type TImportPreview, type TImportResult } from '../../../domain/measurement-import.ts';
import type { TIndicator } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { PlanExport } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FieldFrame, fieldAria } from '../../components/FieldParts.tsx';
import { ImportPreview } from '../../components/ImportPreview.tsx';
import { errorMessage, LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UploadProgress } from '../../components/UploadProgress.tsx';
import { nl } from '../../i18n/nl.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const T = nl.dataImport;

/** Importing measurements from a CSV file into a plan's indicators: choose → preview → confirm or cancel. */
export function ImportMeasurementsPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => api.exportPlan(planId), planId);
  return <LoadState state={state}>{(plan) => <ImportContent plan={plan} />}</LoadState>;
}

/** A file read into memory, kept for the preview's changes of mapping and for the commit. */
interface ChosenFile {
  name: string;
  content: string;
}

type Notice = { text: string; type: 'ok' | 'error' | 'info' };

function ImportContent({ plan }: { plan: PlanExport }) {
  const can = useCan();
  const indicators: TIndicator[] = [...plan.indicators, ...plan.themes.flatMap((t) => t.indicators)];
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<TImportPreview>();
  const [result, setResult] = useState<TImportResult>();
  const [notice, setNotice] = useState<Notice>();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  // Focus moves once React has rendered what it moves to (the preview appears only after the server's answer).
  const [inputRef, focusInput] = useFocusRequest<HTMLInputElement>();
  const [previewRef, focusPreview] = useFocusRequest<HTMLHeadingElement>();
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const isBusy = progress !== undefined;
  const mayImport = can('create', planSubject('measurements', plan, plan.organisations));

  const say = (n: Notice) => {
    setNotice(n);
    focusNotice();
  };
  const mappingOf = (p: TImportPreview) => Object.fromEntries(p.series.map((s) => [s.key, s.indicatorId]));

  const runPreview = async (chosen: ChosenFile, mapping?: Record<string, string | null>) => {
    setProgress(0);
    try {
      const next = await api.previewImport(plan.id, { fileName: chosen.name, content: chosen.content, mapping }, setProgress);
      setPreview(next);
      return next;
    } catch (err) {
      setFileError(err instanceof ApiError && err.errors.length ? err.errors.map((e) => e.message).join(' ') : errorMessage(err));
      focusInput();
      return undefined;
    } finally {
      setProgress(undefined);
    }
  };

  const choose = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setNotice(undefined);
    setResult(undefined);
    const picked = inputRef.current?.files?.[0];
    if (!picked) return showFileError(T.chooseFile);
    // Characters, as the server counts them; bytes are at least as many, so a larger file cannot fit.
    if (picked.size > MAX_IMPORT_CHARS * 4) return showFileError(T.tooLarge);
    const content = await picked.text();
    if (content.length > MAX_IMPORT_CHARS) return showFileError(T.tooLarge);
    setFileError(undefined);
    const chosen = { name: picked.name, content };
    setFile(chosen);
    if (await runPreview(chosen)) focusPreview();
  };
  const showFileError = (message: string) => {
    setFileError(message);
    focusInput();
  };

  const remap = async (key: string, indicatorId: string | null) => {
    if (!file || !preview) return;
    if (await runPreview(file, { ...mappingOf(preview), [key]: indicatorId })) setAnnouncement(T.previewUpdated);
  };

  const reset = (next?: Notice) => {
    setPreview(undefined);
    setFile(undefined);
    if (inputRef.current) inputRef.current.value = '';
    if (next) say(next);
  };

  const confirm = async () => {
    if (!file || !preview || isBusy) return;
    setProgress(0);
    try {
      const done = await api.commitImport(plan.id, { fileName: file.name, content: file.content, mapping: mappingOf(preview), fingerprint: preview.fingerprint }, setProgress);
      setResult(done);
      reset({ type: 'ok', text: T.done(done.created, done.updated, done.unchanged) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setProgress(undefined);
        await runPreview(file, mappingOf(preview));
        say({ type: 'info', text: T.changedMeanwhile });
      } else {
        say({ type: 'error', text: err instanceof ApiError && err.errors.length ? err.errors.map((e) => e.message).join(' ') : errorMessage(err) });
      }
    } finally {
      setProgress(undefined);
    }
  };

  const inputAria = fieldAria({ name: 'file', label: T.file, error: fileError, description: T.fileHelp, isRequired: true });
  const canConfirm = preview && preview.isValid && preview.counts.new + preview.counts.changed > 0;
  return (
    <>
      <Breadcrumbs items={[
        ...(plan.owner ? [{ label: plan.owner.name, to: paths.organisation(plan.owner.id) }] : []),
        { label: plan.title, to: paths.plan(plan.id) },
      ]} />
      <PageHeading preHeading={plan.title} title={`${T.title} – ${plan.title}`}>{T.title}</PageHeading>
      <Paragraph>{T.intro}</Paragraph>
      <Paragraph>{T.matchHelp}</Paragraph>
      <details className="regie-details">
        <summary>{T.indicatorsHeading}</summary>
        <UnorderedList>
          {indicators.map((i) => (
            <UnorderedListItem key={i.id}>
              <AppLink to={paths.indicator(plan.id, i.id)}>{i.name}</AppLink> ({i.importKey ? T.keyOf(i.importKey) : T.noKey})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
      {mayImport && (
        <Paragraph>
          <AppLink to={withReturn(paths.referenceAreas(plan.id), paths.importMeasurements(plan.id))}>{nl.monitor.chooseAreas}</AppLink>
        </Paragraph>
      )}

      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="regie-notice regie-focus-target">
          <Alert type={notice.type}><Paragraph>{notice.text}</Paragraph></Alert>
        </div>
      )}
      {result && (
        <Paragraph>
          <AppButtonLink to={paths.plan(plan.id)}>{nl.auth.back}</AppButtonLink>
        </Paragraph>
      )}

      {!mayImport ? (
        <Alert type="warning">
          <Heading level={2}>{nl.auth.noEditTitle}</Heading>
          <Paragraph>{nl.auth.noEditText}</Paragraph>
        </Alert>
      ) : !preview ? (
        <form noValidate onSubmit={choose} className="regie-form" aria-label={T.title}>
          <FieldFrame
            name="file" label={T.file} error={fileError} description={T.fileHelp} isRequired
            input={<input ref={inputRef} {...inputAria} type="file" accept=".csv,.txt,text/csv" className="regie-file-input" />}
          />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>{T.preview}</Button>
          </ButtonGroup>
        </form>
      ) : (
        <section aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld" ref={previewRef} tabIndex={-1} className="regie-focus-target">{T.previewHeading}</Heading>
          <ImportPreview preview={preview} indicators={indicators} isBusy={isBusy} onMap={remap} />
          {preview.isValid && !canConfirm && <Paragraph>{T.nothingToImport}</Paragraph>}
          <ButtonGroup className="regie-form-actions">
            {canConfirm && (
              <Button appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined} onClick={confirm}>{T.confirm}</Button>
            )}
            <Button appearance="secondary-action-button" onClick={() => !isBusy && reset({ type: 'info', text: T.cancelled })}>{T.cancel}</Button>
          </ButtonGroup>
        </section>
      )}
      <UploadProgress value={progress} />
      <span className="regie-visually-hidden" aria-live="polite">{announcement}</span>
    </>
  );
}
