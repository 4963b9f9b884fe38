import { nl } from '../../text/nl/web.ts';

/**
 * An upload's progress, then "reading the file" while the server works: a bar with its words. `value`: the share sent
 * (0–1), null once sent, undefined when nothing is being sent.
 */
export function UploadProgress({ value }: { value: number | null | undefined }) {
  const text = value === null ? nl.dataImport.processing : value === undefined ? '' : nl.dataImport.uploading(Math.round(value * 100));
  // The live region is always on the page, so screen readers announce the progress as soon as it starts.
  return (
    <div className="regie-progress" role="status">
      {value !== undefined && (
        <>
          <label htmlFor="import-progress">{text}</label>
          <progress id="import-progress" max={1} {...(value === null ? {} : { value })} />
        </>
      )}
    </div>
  );
}
