import { useEffect } from 'react';
import { useLocation } from 'react-router';
import {
  DataList, DataListItem, DataListKey, DataListValue, Heading, Link, OrderedList, OrderedListItem, Paragraph,
} from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { helpText } from '../../../text/nl/help.ts';

const H = helpText.help;

/**
 * The help pages for the report cycle: one page with a table of contents and a section per topic, each with an anchor
 * so a page of the app can link to the help for it ("Hulp bij deze pagina"). The copy is in text/nl/help.ts.
 */
export function HelpPage() {
  const { hash } = useLocation();
  // Arriving at a topic (/help#updaterondes): move focus there, after the page heading took it.
  useEffect(() => {
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!target) return;
    target.focus();
    target.scrollIntoView();
  }, [hash]);

  return (
    <>
      <PageHeading title={H.title}>{H.title}</PageHeading>
      <Paragraph appearance="lead">{H.intro}</Paragraph>
      <nav aria-labelledby="help-inhoud" className="regie-help-toc">
        <Heading level={2} id="help-inhoud" tabIndex={-1}>{H.toc}</Heading>
        <OrderedList>
          {H.topics.map((t) => (
            <OrderedListItem key={t.id}><Link href={`#${t.id}`}>{t.title}</Link></OrderedListItem>
          ))}
        </OrderedList>
      </nav>
      {H.topics.map((t) => (
        <section key={t.id} aria-labelledby={t.id} className="regie-help-topic">
          <Heading level={2} id={t.id} tabIndex={-1}>{t.title}</Heading>
          {t.paragraphs.map((p) => <Paragraph key={p}>{p}</Paragraph>)}
          {t.steps && (
            <OrderedList>
              {t.steps.map((s) => <OrderedListItem key={s}>{s}</OrderedListItem>)}
            </OrderedList>
          )}
          {t.terms && (
            <DataList className="regie-data-list">
              {t.terms.map((term) => (
                <DataListItem key={term.term}>
                  <DataListKey>{term.term}</DataListKey>
                  <DataListValue>{term.meaning}</DataListValue>
                </DataListItem>
              ))}
            </DataList>
          )}
          <Paragraph><Link href="#help-inhoud">{H.backToToc}</Link></Paragraph>
        </section>
      ))}
    </>
  );
}
