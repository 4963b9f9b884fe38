import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { MAX_XLSX_BASE64, type TXlsxPreview } from '../../../domain/programme-xlsx.ts';
import type { TOrganisation, TPlan } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import { AppButtonLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FieldFrame, fieldAria } from '../../components/FieldParts.tsx';
import { errorMessage, LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UploadProgress } from '../../components/UploadProgress.tsx';
import { XlsxPreview } from '../../components/XlsxPreview.tsx';
import { nl } from '../../i18n/nl.ts';
import { paths } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const T = nl.excel;

/** Importing an edited Excel workbook of the programme: choose → preview of the changes and errors → save or cancel. */
export function ImportExcelPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => Promise.all([api.getPlan(planId), api.listOrganisations()]), planId);
  return <LoadState state={state}>{([plan, organisations]) => <ImportContent plan={plan} organisations={organisations} />}</LoadState>;
}

/** A file read into memory as base64, kept for the commit. */
interface ChosenFile {
  name: string;
  content: string;
}

type Notice = { text: string; type: 'ok' | 'error' | 'info' };

/** The bytes of a file as base64, as the API takes them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function ImportContent({ plan, organisations }: { plan: TPlan; organisations: TOrganisation[] }) {
  const can = useCan();
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<TXlsxPreview>();
  const [isDone, setIsDone] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [inputRef, focusInput] = useFocusRequest<HTMLInputElement>();
  const [previewRef, focusPreview] = useFocusRequest<HTMLHeadingElement>();
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const isBusy = progress !== undefined;
  const mayImport = can('create', planSubject('budget-lines', plan, organisations));

  const say = (n: Notice) => {
    setNotice(n);
    focusNotice();
  };
  const problemText = (err: unknown) => (err instanceof ApiError && err.errors.length ? err.errors.map((e) => e.message).join(' ') : errorMessage(err));

  const runPreview = async (chosen: ChosenFile) => {
    setProgress(0);
    try {
      const next = await api.previewXlsx(plan.id, { fileName: chosen.name, content: chosen.content }, setProgress);
      setPreview(next);
      return next;
    } catch (err) {
      setFileError(problemText(err));
      focusInput();
      return undefined;
    } finally {
      setProgress(undefined);
    }
  };

  const showFileError = (message: string) => {
    setFileError(message);
    focusInput();
  };

  const choose = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setNotice(undefined);
    setIsDone(false);
    const picked = inputRef.current?.files?.[0];
    if (!picked) return showFileError(T.chooseFile);
    // Base64 takes four characters for every three bytes.
    if (picked.size > (MAX_XLSX_BASE64 / 4) * 3) return showFileError(T.tooLarge);
    setFileError(undefined);
    const chosen = { name: picked.name, content: await readBase64(picked) };
    setFile(chosen);
    if (await runPreview(chosen)) focusPreview();
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
      const done = await api.commitXlsx(plan.id, { fileName: file.name, content: file.content, fingerprint: preview.fingerprint }, setProgress);
      setIsDone(true);
      reset({ type: 'ok', text: T.done(done.updated, done.created) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setProgress(undefined);
        await runPreview(file);
        say({ type: 'info', text: T.changedMeanwhile });
      } else {
        say({ type: 'error', text: problemText(err) });
      }
    } finally {
      setProgress(undefined);
    }
  };

  const inputAria = fieldAria({ name: 'file', label: T.file, error: fileError, description: T.fileHelp, isRequired: true });
  const canConfirm = preview && preview.isValid && preview.hasChanges;
  return (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }, { label: nl.programme.heading, to: paths.programme(plan.id) }]} />
      <PageHeading preHeading={plan.title} title={`${T.title} – ${plan.title}`}>{T.title}</PageHeading>
      <Paragraph>{T.intro}</Paragraph>
      <Paragraph>{T.rules}</Paragraph>
      <Paragraph>
        {T.downloadFirst}{' '}
        <a className="utrecht-link utrecht-link--html-a" href={api.programmeXlsxUrl(plan.id)} download>{T.exportLink}</a>
      </Paragraph>

      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="regie-notice regie-focus-target">
          <Alert type={notice.type}><Paragraph>{notice.text}</Paragraph></Alert>
        </div>
      )}
      {isDone && (
        <Paragraph>
          <AppButtonLink to={paths.programme(plan.id)}>{T.toActivities}</AppButtonLink>
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
            input={<input ref={inputRef} {...inputAria} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="regie-file-input" />}
          />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>{T.preview}</Button>
          </ButtonGroup>
        </form>
      ) : (
        <section aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld" ref={previewRef} tabIndex={-1} className="regie-focus-target">{T.previewHeading}</Heading>
          <XlsxPreview preview={preview} />
          {preview.isValid && !preview.hasChanges && <Paragraph>{T.noChanges}</Paragraph>}
          <ButtonGroup className="regie-form-actions">
            {canConfirm && (
              <Button appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined} onClick={confirm}>{T.confirm}</Button>
            )}
            <Button appearance="secondary-action-button" onClick={() => !isBusy && reset({ type: 'info', text: T.cancelled })}>{T.cancel}</Button>
          </ButtonGroup>
        </section>
      )}
      <UploadProgress value={progress} />
    </>
  );
}
