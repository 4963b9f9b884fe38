import { useParams } from 'react-router';
import {
  DataBadge, DataList, Heading, Link, OrderedList, OrderedListItem, Paragraph,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TMeldingDetail } from '../../../domain/meldpunt-triage.ts';
import { meldpuntApi } from '../../api/meldpunt-triage.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Item } from '../../components/PlanFacts.tsx';
import { meldingSourceLabels, meldingStatusLabels } from '../../../text/nl/meldpunt-triage.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatDate, formatDateTime } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { AssignForm, MergeForm, NoteForm, QuestionForm, StatusForm } from './MeldingActions.tsx';
import { TriagePanel } from './TriagePanel.tsx';

const T = nl.meldpuntTriage;
const D = T.detail;

async function load(id: string) {
  const melding = await meldpuntApi.melding(id);
  const candidates = melding.canHandle ? (await meldpuntApi.queue({ municipality: melding.municipalityId, limit: '200' })).items : [];
  return { melding, candidates };
}

/** One melding for its behandelaar: facts, answers, contact details, files, triage, actions, messages and history. */
export function MeldingPage() {
  const { meldingId = '' } = useParams();
  const state = useLoad(() => load(meldingId), meldingId, { keepPrevious: true });
  return (
    <LoadState state={state}>
      {({ melding: m, candidates }) => (
        <>
          {m.canHandle && <Breadcrumbs items={[{ label: T.queue.title, to: paths.meldingen() }]} />}
          <PageHeading preHeading={m.category.name}>{D.title(m.number)}</PageHeading>
          {!m.canHandle && <Paragraph>{D.ownSignal}</Paragraph>}
          <Facts m={m} />
          <section aria-labelledby="antwoorden">
            <Heading level={2} id="antwoorden">{D.answers}</Heading>
            <DataList className="regie-data-list">
              {m.category.questions.map((q) => <Item key={q.key} label={q.label}>{m.answers[q.key] || D.noAnswer}</Item>)}
            </DataList>
          </section>
          <Contact m={m} />
          <Files m={m} />
          {m.canHandle && (
            <>
              <section aria-labelledby="doorsturen" className="regie-meldpunt-forward">
                {/* The forwards part of the meldpunt builds the page this links to. */}
                <Heading level={2} id="doorsturen">{D.forward}</Heading>
                <Paragraph>{D.forwardHint}</Paragraph>
                <Paragraph><AppLink to={paths.meldingForward(m.id)}>{D.forward}</AppLink></Paragraph>
              </section>
              {m.category.key === 'ondermijning' && <TriagePanel melding={m} onDone={state.reload} />}
              <section aria-labelledby="behandelen">
                <Heading level={2} id="behandelen">{T.actions.handleHeading}</Heading>
                <StatusForm melding={m} onDone={state.reload} />
                <AssignForm key={`a${m.version}`} melding={m} onDone={state.reload} />
                <QuestionForm melding={m} onDone={state.reload} />
                <NoteForm melding={m} onDone={state.reload} />
                <MergeForm melding={m} candidates={candidates} onDone={state.reload} />
              </section>
            </>
          )}
          <Messages m={m} />
          {m.canHandle && <Timeline m={m} />}
        </>
      )}
    </LoadState>
  );
}

function Facts({ m }: { m: TMeldingDetail }) {
  return (
    <DataList className="regie-data-list">
      <Item label={D.category}>{m.category.name}</Item>
      <Item label={D.source}>{meldingSourceLabels[m.source]}</Item>
      <Item label={D.status}>{meldingStatusLabels[m.status]}</Item>
      <Item label={D.received}>{formatDateTime(m.receivedAt)}</Item>
      <Item label={D.age}>
        {m.lateDays > 0 ? <DataBadge className="regie-badge regie-badge--danger">{T.age(m.ageDays, m.lateDays)}</DataBadge> : T.age(m.ageDays, 0)}
      </Item>
      {m.canHandle && <Item label={D.handler}>{m.handler?.name ?? T.queue.noHandler}</Item>}
      {m.internalReporter && <Item label={D.internalReporter}>{m.internalReporter.name}</Item>}
      {m.main && <Item label={D.main}><AppLink to={paths.melding(m.main.id)}>{m.main.number}</AppLink></Item>}
      {(m.theme || m.activity) && <Item label={D.link}>{[m.theme?.title, m.activity?.title].filter(Boolean).join(' – ')}</Item>}
      {m.closingReason && <Item label={D.closingReason}>{m.closingReason}</Item>}
      {m.retainUntil && <Item label={D.retainUntil}>{formatDate(m.retainUntil)}</Item>}
    </DataList>
  );
}

function Contact({ m }: { m: TMeldingDetail }) {
  if (m.source !== 'public') return null;
  return (
    <section aria-labelledby="contact">
      <Heading level={2} id="contact">{D.contact}</Heading>
      {!m.reporter ? <Paragraph>{D.anonymous}</Paragraph> : (
        <>
          <DataList className="regie-data-list">
            {m.reporter.name && <Item label={D.name}>{m.reporter.name}</Item>}
            {m.reporter.email && <Item label={D.email}>{m.reporter.email}</Item>}
            {m.reporter.phone && <Item label={D.phone}>{m.reporter.phone}</Item>}
          </DataList>
          {m.reporterMasked && <Paragraph>{D.masked}</Paragraph>}
          <Paragraph>{D.consent(m.shareConsent)}</Paragraph>
        </>
      )}
    </section>
  );
}

function Files({ m }: { m: TMeldingDetail }) {
  return (
    <section aria-labelledby="bijlagen">
      <Heading level={2} id="bijlagen">{D.files}</Heading>
      {m.files.length === 0 ? <Paragraph>{D.noFiles}</Paragraph> : (
        <UnorderedList>
          {m.files.map((f, n) => (
            <UnorderedListItem key={f.id}>
              <Link href={meldpuntApi.fileUrl(m.id, f.id)} download>{D.file(n + 1, f.mediaType.split('/')[1].toUpperCase(), Math.max(1, Math.round(f.size / 1024)))}</Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function Messages({ m }: { m: TMeldingDetail }) {
  return (
    <section aria-labelledby="berichten">
      <Heading level={2} id="berichten">{D.messages}</Heading>
      {m.messages.length === 0 ? <Paragraph>{D.noMessages}</Paragraph> : (
        <UnorderedList className="regie-meldpunt-messages">
          {m.messages.map((x) => (
            <UnorderedListItem key={x.id}>
              <strong>{D.messageKinds[x.kind]}</strong> <span className="regie-cell-note">({D.by(x.author, formatDateTime(x.createdAt))})</span>
              <Paragraph>{x.body}</Paragraph>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function Timeline({ m }: { m: TMeldingDetail }) {
  return (
    <section aria-labelledby="geschiedenis">
      <Heading level={2} id="geschiedenis">{D.timeline}</Heading>
      <OrderedList>
        {m.events.map((e) => (
          <OrderedListItem key={e.id}>
            {formatDateTime(e.at)}: {D.eventKinds[e.kind] ?? e.kind}
            {e.weging ? ` (${D.weging(e.weging)})` : ''}
            {e.toStatus && e.kind !== 'received' ? ` → ${meldingStatusLabels[e.toStatus as keyof typeof meldingStatusLabels] ?? e.toStatus}` : ''}
            {e.actor ? ` – ${e.actor}` : ''}
            {e.text ? `: ${e.text}` : ''}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}
