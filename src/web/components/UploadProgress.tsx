import { nl } from '../i18n/nl.ts';

/**
 * An upload's progress, then "reading the file" while the server works: a bar with its words. `value`: the share sent
 * (0–1), null once sent, undefined when nothing is being sent.
 */
export function UploadProgress({ value }: { value: number | null | undefined }) {
  if (value === undefined) return null;
  const text = value === null ? nl.dataImport.processing : nl.dataImport.uploading(Math.round(value * 100));
  return (
    <div className="regie-progress" role="status">
      <label htmlFor="import-progress">{text}</label>
      <progress id="import-progress" max={1} {...(value === null ? {} : { value })} />
    </div>
  );
}
