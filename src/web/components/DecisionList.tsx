import {
  DataList, DataListItem, DataListKey, DataListValue, Heading, OrderedList, OrderedListItem, UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { TDecision } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { formatDate } from '../../text/format.ts';
import { SectionList } from './SectionList.tsx';

/** Decisions on a plan (collegevoorstel, raadsbesluit): decision points and follow-ups; `actions` per decision (edit, download). */
export function DecisionList({ decisions, actions }: { decisions: TDecision[]; actions?: (d: TDecision) => ReactNode }) {
  return (
    <>
      {decisions.map((d) => (
        <article key={d.id} className="regie-card">
          <Heading level={3}>{d.title}</Heading>
          {actions?.(d)}
          <DataList className="regie-data-list">
            <DataListItem>
              <DataListKey>{nl.decision.body}</DataListKey>
              <DataListValue>{nl.labels.decidingBody[d.body]}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{nl.decision.decided}</DataListKey>
              <DataListValue>
                {d.isDecided ? `${nl.app.yes}${d.decidedOn ? `, ${formatDate(d.decidedOn)}` : ''}` : nl.decision.notDecided}
              </DataListValue>
            </DataListItem>
          </DataList>
          {d.decisionPoints.length > 0 && (
            <>
              <Heading level={4}>{nl.decision.points}</Heading>
              <OrderedList>
                {d.decisionPoints.map((p, n) => <OrderedListItem key={n}>{p}</OrderedListItem>)}
              </OrderedList>
            </>
          )}
          {d.followUps.length > 0 && (
            <>
              <Heading level={4}>{nl.decision.followUps}</Heading>
              <UnorderedList>
                {d.followUps.map((f, n) => (
                  <UnorderedListItem key={n}>
                    <strong>{nl.labels.followUp[f.kind]}</strong>: {f.description}
                    {f.addressee && ` (${nl.decision.addressee} ${f.addressee})`}
                    {(f.dueText || f.dueDate) && ` – ${nl.decision.due}: ${f.dueText ?? formatDate(f.dueDate)}`}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {d.sections.length > 0 && <SectionList sections={d.sections} />}
        </article>
      ))}
    </>
  );
}
