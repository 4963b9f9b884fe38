import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  Button, ButtonGroup, DataBadge, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { MELDING_STATUSES } from '../../../domain/meldpunt.ts';
import type { TQueueItem } from '../../../domain/meldpunt-triage.ts';
import { meldpuntApi } from '../../api/meldpunt-triage.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { meldingStatusLabels } from '../../../text/nl/meldpunt-triage.ts';
import { nl } from '../../../text/nl/web.ts';
import { formatDate } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';

const T = nl.meldpuntTriage;
const FILTERS = ['municipality', 'status', 'category', 'assigned', 'order'] as const;

/** The behandelaar's queue: the meldingen they handle, filtered, with their age against the norm; cards on a phone. */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(params.get('vanaf') ?? 0) || 0;
  const key = params.toString();
  const state = useLoad(async () => {
    const [queue, options] = await Promise.all([
      meldpuntApi.queue({ ...filter, offset: String(offset), limit: '50' }), meldpuntApi.signalCategories(),
    ]);
    return { queue, options };
  }, key, { keepPrevious: true });
  const go = (next: Record<string, string>) => setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v)));
  return (
    <>
      <PageHeading>{T.queue.title}</PageHeading>
      <Paragraph>{T.queue.intro}</Paragraph>
      <Paragraph>
        <AppLink to={paths.signal()}>{T.queue.signal}</AppLink>
        {' · '}
        <AppLink to={paths.tip()}>{T.queue.tip}</AppLink>
        {' · '}
        <AppLink to={paths.help('meldingen')}>{nl.help.contextLink}</AppLink>
      </Paragraph>
      <LoadState state={state}>
        {({ queue, options }) => {
          const handled = options.filter((o) => o.handles);
          const categories = [...new Map(handled.flatMap((o) => o.categories).map((c) => [c.key, c.name])).entries()];
          return (
            <>
              <QueueFilters
                initial={filter} onApply={(next) => go(next)}
                municipalities={handled.map((o) => ({ value: o.municipality.id, label: o.municipality.name }))}
                categories={categories.map(([value, label]) => ({ value, label }))}
              />
              {queue.items.length ? <QueueTable items={queue.items} /> : <Paragraph>{T.queue.none}</Paragraph>}
              <ButtonGroup>
                {offset > 0 && (
                  <Button appearance="secondary-action-button" onClick={() => go({ ...filter, vanaf: String(Math.max(0, offset - queue.limit)) })}>
                    {T.queue.previous}
                  </Button>
                )}
                {queue.hasMore && (
                  <Button appearance="secondary-action-button" onClick={() => go({ ...filter, vanaf: String(offset + queue.limit) })}>
                    {T.queue.more}
                  </Button>
                )}
              </ButtonGroup>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

type Option = { value: string; label: string };

function QueueFilters({ initial, onApply, municipalities, categories }: {
  initial: Record<string, string>; onApply: (f: Record<string, string>) => void; municipalities: Option[]; categories: Option[];
}) {
  const [f, setF] = useState(initial);
  const set = (k: string) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form className="regie-filter-form regie-filter-form--row" aria-label={T.queue.filters} onSubmit={submit}>
      {municipalities.length > 1 && (
        <SelectField name="municipality" label={T.queue.municipality} value={f.municipality} onChange={set('municipality')} options={municipalities} emptyLabel={T.queue.allMunicipalities} />
      )}
      <SelectField
        name="status" label={T.queue.status} value={f.status} onChange={set('status')} emptyLabel={T.queue.open}
        options={[{ value: 'alle', label: T.queue.all }, ...MELDING_STATUSES.map((s) => ({ value: s, label: meldingStatusLabels[s] }))]}
      />
      <SelectField name="category" label={T.queue.category} value={f.category} onChange={set('category')} options={categories} emptyLabel={T.queue.allCategories} />
      <SelectField
        name="assigned" label={T.queue.assigned} value={f.assigned} onChange={set('assigned')} emptyLabel={T.queue.anyone}
        options={[{ value: 'me', label: T.queue.me }, { value: 'niemand', label: T.queue.nobody }]}
      />
      <SelectField
        name="order" label={T.queue.order} value={f.order} onChange={set('order')}
        options={Object.entries(T.queue.orders).map(([value, label]) => ({ value: value === 'oudste' ? '' : value, label }))}
      />
      <ButtonGroup className="regie-filter-actions">
        <Button type="submit" appearance="primary-action-button">{T.queue.apply}</Button>
      </ButtonGroup>
    </form>
  );
}

function QueueTable({ items }: { items: TQueueItem[] }) {
  return (
    <ScrollRegion label={T.queue.caption} className="regie-activity-table-container">
      <Table className="regie-table regie-activity-table">
        <TableCaption className="regie-visually-hidden">{T.queue.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{T.queue.number}</TableHeaderCell>
            <TableHeaderCell scope="col">{T.queue.category}</TableHeaderCell>
            <TableHeaderCell scope="col">{T.queue.received}</TableHeaderCell>
            <TableHeaderCell scope="col">{T.queue.age}</TableHeaderCell>
            <TableHeaderCell scope="col">{T.queue.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{T.queue.handler}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((m) => (
            <TableRow key={m.id} className="regie-activity-row">
              <TableHeaderCell scope="row" className="regie-activity-title"><AppLink to={paths.melding(m.id)}>{m.number}</AppLink></TableHeaderCell>
              <TableCell data-label={T.queue.category}><span>{m.category.name}</span></TableCell>
              <TableCell data-label={T.queue.received}><span>{formatDate(m.receivedAt)}</span></TableCell>
              <TableCell data-label={T.queue.age}>
                <span>{m.lateDays > 0 ? <DataBadge className="regie-badge regie-badge--danger">{T.age(m.ageDays, m.lateDays)}</DataBadge> : T.age(m.ageDays, 0)}</span>
              </TableCell>
              <TableCell data-label={T.queue.status}><span>{meldingStatusLabels[m.status]}</span></TableCell>
              <TableCell data-label={T.queue.handler}><span>{m.handler?.name ?? T.queue.noHandler}</span></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
