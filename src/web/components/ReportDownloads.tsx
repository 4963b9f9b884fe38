import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { nl } from '../i18n/nl.ts';

const FORMATS = [['docx', nl.report.download.asWord], ['pdf', nl.report.download.asPdf], ['html', nl.report.download.asHtml]] as const;

interface Props {
  /** The report's name: "Voortgangsrapportage", "Evaluatierapport". */
  name: string;
  intro: string;
  /** The download address of each format. */
  url: (format: 'docx' | 'pdf' | 'html') => string;
  id: string;
  headingLevel: number;
}

/** A report for download in Word, PDF and HTML: one section with a heading, what it holds, and a link per format. */
export function ReportDownloads({ name, intro, url, id, headingLevel }: Props) {
  return (
    <section aria-labelledby={id} className="regie-report-downloads">
      <Heading level={headingLevel} id={id}>{name}</Heading>
      <Paragraph>{intro}</Paragraph>
      <UnorderedList>
        {FORMATS.map(([format, label]) => (
          <UnorderedListItem key={format}>
            <a className="utrecht-link utrecht-link--html-a" href={url(format)} download>{nl.report.download.label(name, label)}</a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
