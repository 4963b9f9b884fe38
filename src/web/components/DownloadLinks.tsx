import { DOCUMENT_FORMATS, type DocumentFormat } from '../api/client.ts';
import { nl } from '../../text/nl/web.ts';

const LABEL: Record<DocumentFormat, string> = { docx: nl.document.asWord, pdf: nl.document.asPdf, html: nl.document.asHtml };

interface Props {
  /** The download address of each format. */
  url: (format: DocumentFormat) => string;
  /** Names the document for screen readers ("Word (.docx) – Versie 1"), as several lists often stand together. */
  what: string;
  /** Which formats to offer: all three unless the document is meant for one (a collegevoorstel is edited in Word). */
  formats?: readonly DocumentFormat[];
}

/** The links of one document as Word, PDF and HTML – of the live plan, a report, a frozen version or a proposal. */
export function DownloadLinks({ url, what, formats = DOCUMENT_FORMATS }: Props) {
  return (
    <ul className="regie-downloads">
      {formats.map((f) => (
        <li key={f}>
          <a className="utrecht-link utrecht-link--html-a" href={url(f)} download>
            {LABEL[f]}<span className="regie-visually-hidden">{nl.versions.downloadsOf(what)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
