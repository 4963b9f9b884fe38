import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { useFocusRequest } from '../lib/useFocusRequest.ts';
import { FieldFrame, fieldAria } from './FieldParts.tsx';
import { errorMessage } from './LoadState.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { FocusNotice } from './FocusNotice.tsx';
import { NoEditNotice } from './NoEditNotice.tsx';

/*
 * An import from a file, in the steps every import of Regie takes: choose a file → a preview of what would change,
 * with its errors, that writes nothing → save (all or nothing) or cancel. When the data changed since the preview the
 * server refuses (409) and the preview is made again. Focus moves to what each step shows, once React has rendered it.
 */

/** A file read into memory, kept for a new preview and for the commit. */
export interface ChosenFile {
  name: string;
  content: string;
}

type Notice = { text: string; type: 'ok' | 'error' | 'info' };
type Progress = (fraction: number | null) => void;

/** What an import page gives: how to read, preview and commit its files, and its texts. */
export interface FileImportSpec<P> {
  /** The file's content as the API takes it, or the message why it cannot be taken (too large). */
  read: (file: File) => Promise<{ content: string } | { error: string }>;
  preview: (file: ChosenFile, onProgress: Progress, previous?: P) => Promise<P>;
  /** Saves what the preview showed; the message that says what was saved. */
  commit: (file: ChosenFile, preview: P, onProgress: Progress) => Promise<string>;
  texts: { chooseFile: string; cancelled: string; changedMeanwhile: string };
}

const problemText = (err: unknown) =>
  err instanceof ApiError && err.errors.length ? err.errors.map((e) => e.message).join(' ') : errorMessage(err);

/** The state of an import and its steps. `repreview` asks a new preview of the same file (a changed mapping). */
export function useFileImport<P>(spec: FileImportSpec<P>) {
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<P>();
  const [isDone, setIsDone] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [inputRef, focusInput] = useFocusRequest<HTMLInputElement>();
  const [previewRef, focusPreview] = useFocusRequest<HTMLHeadingElement>();
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();
  const isBusy = progress !== undefined;

  const say = (n: Notice) => {
    setNotice(n);
    focusNotice();
  };
  const showFileError = (message: string) => {
    setFileError(message);
    focusInput();
  };

  const runPreview = async (chosen: ChosenFile, previous?: P) => {
    setProgress(0);
    try {
      const next = await spec.preview(chosen, setProgress, previous);
      setPreview(next);
      return next;
    } catch (err) {
      // The file field shows the error: back to it (a failed new preview after a 409 or a new mapping leaves the preview).
      setPreview(undefined);
      showFileError(problemText(err));
      return undefined;
    } finally {
      setProgress(undefined);
    }
  };

  const choose = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setNotice(undefined);
    setIsDone(false);
    const picked = inputRef.current?.files?.[0];
    if (!picked) return showFileError(spec.texts.chooseFile);
    const read = await spec.read(picked);
    if ('error' in read) return showFileError(read.error);
    setFileError(undefined);
    const chosen = { name: picked.name, content: read.content };
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
      const message = await spec.commit(file, preview, setProgress);
      setIsDone(true);
      reset({ type: 'ok', text: message });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setProgress(undefined);
        await runPreview(file, preview);
        say({ type: 'info', text: spec.texts.changedMeanwhile });
      } else {
        say({ type: 'error', text: problemText(err) });
      }
    } finally {
      setProgress(undefined);
    }
  };

  return {
    file, fileError, preview, isDone, notice, progress, isBusy, inputRef, previewRef, noticeRef, choose, confirm,
    cancel: () => !isBusy && reset({ type: 'info', text: spec.texts.cancelled }),
    /** A new preview of the chosen file, given the current one (whose choices it keeps). */
    repreview: async (previous: P) => (file ? runPreview(file, previous) : undefined),
  };
}

interface StepsProps<P> {
  flow: ReturnType<typeof useFileImport<P>>;
  title: string;
  mayImport: boolean;
  /** The file field: label, help and the types offered in the file chooser. */
  field: { label: string; help: string; accept: string; previewButton: string };
  previewHeading: string;
  /** The preview itself (changes, errors). */
  children: (preview: P) => ReactNode;
  canConfirm: boolean;
  /** Said below a valid preview that would change nothing. */
  nothingToDo?: string;
  labels: { confirm: string; cancel: string };
  /** Where to go after saving. */
  afterDone: ReactNode;
}

/** The steps of an import on a page: the notice, the file form or the preview with save and cancel, the progress bar. */
export function FileImportSteps<P>({ flow, title, mayImport, field, previewHeading, children, canConfirm, nothingToDo, labels, afterDone }: StepsProps<P>) {
  const inputAria = fieldAria({ name: 'file', label: field.label, error: flow.fileError, description: field.help, isRequired: true });
  return (
    <>
      {flow.notice && (
        <FocusNotice ref={flow.noticeRef} type={flow.notice.type}><Paragraph>{flow.notice.text}</Paragraph></FocusNotice>
      )}
      {flow.isDone && <Paragraph>{afterDone}</Paragraph>}

      {!mayImport ? (
        <NoEditNotice />
      ) : !flow.preview ? (
        <form noValidate onSubmit={flow.choose} className="regie-form" aria-label={title}>
          <FieldFrame
            name="file" label={field.label} error={flow.fileError} description={field.help} isRequired
            input={<input ref={flow.inputRef} {...inputAria} type="file" accept={field.accept} className="regie-file-input" />}
          />
          <ButtonGroup className="regie-form-actions">
            <Button type="submit" appearance="primary-action-button" busy={flow.isBusy} aria-disabled={flow.isBusy || undefined}>{field.previewButton}</Button>
          </ButtonGroup>
        </form>
      ) : (
        <section aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld" ref={flow.previewRef} tabIndex={-1} className="regie-focus-target">{previewHeading}</Heading>
          {children(flow.preview)}
          {nothingToDo && <Paragraph>{nothingToDo}</Paragraph>}
          <ButtonGroup className="regie-form-actions">
            {canConfirm && (
              <Button appearance="primary-action-button" busy={flow.isBusy} aria-disabled={flow.isBusy || undefined} onClick={flow.confirm}>{labels.confirm}</Button>
            )}
            <Button appearance="secondary-action-button" onClick={flow.cancel}>{labels.cancel}</Button>
          </ButtonGroup>
        </section>
      )}
      <UploadProgress value={flow.progress} />
    </>
  );
}
