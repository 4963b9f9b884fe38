import { Paragraph } from '@utrecht/component-library-react';

/** Plain text from a document as paragraphs: blank lines separate paragraphs, single line breaks are kept. */
export function TextBlock({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <div className="regie-text-block">
      {text.split(/\n\s*\n/).map((p, n) => (
        <Paragraph key={n} className="regie-pre-line">
          {p.trim()}
        </Paragraph>
      ))}
    </div>
  );
}
