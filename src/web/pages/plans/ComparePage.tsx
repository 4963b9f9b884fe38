import { useState, type FormEvent, type Ref } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TFieldChange, TItemChange, TPlanComparison, TThemeChange, TValue } from '../../../domain/plan-content.ts';
import type { TPlanVersions } from '../../../domain/versions.ts';
import { api } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate } from '../../../text/format.ts';
import { paths } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

const V = nl.versions;
/** The live draft in the URL (`tot=concept`) and in the API (`to=draft`). */
const DRAFT = 'concept';

type Group = 'plan' | 'sections' | 'themes' | 'goals' | 'activities' | 'indicators' | 'budgetLines' | 'regularTasks' | 'decisions';
const LABELS: Record<Group, readonly object[]> = {
  plan: [nl.plan], sections: [], themes: [nl.theme], goals: [nl.goal], activities: [nl.activity], indicators: [nl.indicator],
  budgetLines: [nl.budget, nl.form], regularTasks: [nl.regularTask], decisions: [nl.decision],
};

/** A field's Dutch name: the comparison's own names first, then the entity's form labels. */
function fieldLabel(group: Group, field: string): string {
  for (const source of [V.fields, ...LABELS[group]]) {
    const label = (source as Record<string, unknown>)[field];
    if (typeof label === 'string') return label;
  }
  return field;
}

function valueText(value: TValue): string {
  if (value === null) return V.empty;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? V.yes : V.no;
  return String(value);
}

async function loadVersions(planId: string) {
  const [versions, plan] = await Promise.all([api.listVersions(planId), api.getPlan(planId).catch(() => null)]);
  return { versions, title: plan?.title ?? versions.versions[0]?.title ?? '' };
}

/** Two versions of a plan side by side in words: per theme, activity and budget line what was added, changed, removed. */
export function ComparePage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => loadVersions(planId), planId);
  return (
    <LoadState state={state}>
      {({ versions, title }) => <CompareContent planId={planId} title={title} data={versions} />}
    </LoadState>
  );
}

function CompareContent({ planId, title, data }: { planId: string; title: string; data: TPlanVersions }) {
  const [params, setParams] = useSearchParams();
  const planVersions = data.versions.filter((v) => v.document === 'plan');
  const canReadDraft = data.hasChanges !== null;
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const [choice, setChoice] = useState({ from: from || (data.latestPlanVersionId ?? ''), to: to || (canReadDraft ? DRAFT : '') });
  const options = planVersions.map((v) => ({ value: v.id, label: `${V.versionN(v.number)} (${V.stageLabel[v.status].toLowerCase()}, ${formatDate(v.adoptedOn)})` }));
  // After "Toon", focus moves to the differences' heading, so a screen reader hears what was shown.
  const [resultRef, focusResult] = useFocusRequest<HTMLHeadingElement>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ van: choice.from, tot: choice.to });
    focusResult();
  };
  const fromLabel = options.find((o) => o.value === from)?.label;
  const toLabel = to === DRAFT ? V.draft : options.find((o) => o.value === to)?.label;
  return (
    <>
      <Breadcrumbs items={[{ label: title, to: paths.plan(planId) }]} />
      <PageHeading preHeading={title} title={V.compareTitle(title)}>{V.compareLink}</PageHeading>
      <Paragraph>{V.compareIntro}</Paragraph>
      <form onSubmit={submit} className="regie-form regie-compare-form" aria-label={V.compareLink}>
        <SelectField name="van" label={V.from} isRequired value={choice.from} onChange={(v) => setChoice((c) => ({ ...c, from: v }))} options={options} emptyLabel="" />
        <SelectField
          name="tot" label={V.to} isRequired value={choice.to} onChange={(v) => setChoice((c) => ({ ...c, to: v }))} emptyLabel=""
          options={[...(canReadDraft ? [{ value: DRAFT, label: V.draft }] : []), ...options]}
        />
        <ButtonGroup className="regie-form-actions">
          <Button type="submit" appearance="primary-action-button">{V.show}</Button>
        </ButtonGroup>
      </form>
      {from && to && fromLabel && toLabel ? (
        <Differences planId={planId} from={from} to={to} heading={`${fromLabel} → ${toLabel}`} headingRef={resultRef} />
      ) : (
        <Paragraph>{V.pickTwo}</Paragraph>
      )}
    </>
  );
}

interface DifferencesProps {
  planId: string;
  from: string;
  to: string;
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
}

function Differences({ planId, from, to, heading, headingRef }: DifferencesProps) {
  const state = useLoad(() => api.compareVersions(planId, from, to === DRAFT ? 'draft' : to), `${from}-${to}`);
  return (
    <section aria-labelledby="verschillen">
      <Heading level={2} id="verschillen" ref={headingRef} tabIndex={-1} className="regie-focus-target">{heading}</Heading>
      <LoadState state={state} isNested>{(diff) => <DifferenceList diff={diff} />}</LoadState>
    </section>
  );
}

function DifferenceList({ diff }: { diff: TPlanComparison }) {
  const { added, changed, removed } = diff.counts;
  if (!added && !changed && !removed) return <Paragraph>{V.noDifferences}</Paragraph>;
  const lists: [Group, TItemChange[]][] = [
    ['sections', diff.sections], ['indicators', diff.indicators], ['budgetLines', diff.budgetLines],
    ['regularTasks', diff.regularTasks], ['decisions', diff.decisions],
  ];
  return (
    <>
      <Paragraph>{V.summary(added, changed, removed)}</Paragraph>
      {diff.plan.length > 0 && (
        <>
          <Heading level={3}>{V.planFields}</Heading>
          <FieldTable group="plan" caption={V.planFields} fields={diff.plan} />
        </>
      )}
      {diff.themes.map((t) => <ThemeDifferences key={t.id} theme={t} />)}
      {lists.filter(([, items]) => items.length).map(([group, items]) => (
        <section key={group}>
          <Heading level={3}>{V[group as 'sections']}</Heading>
          <ItemList group={group} items={items} />
        </section>
      ))}
    </>
  );
}

function ThemeDifferences({ theme }: { theme: TThemeChange }) {
  const parts: [Group, TItemChange[]][] = [['goals', theme.goals], ['activities', theme.activities], ['indicators', theme.indicators]];
  return (
    <section>
      <Heading level={3}>{V.themeHeading(theme.title)}</Heading>
      {theme.change && <Paragraph><strong>{V.change[theme.change]}</strong></Paragraph>}
      {theme.fields.length > 0 && <FieldTable group="themes" caption={`${V.themeItself}: ${theme.title}`} fields={theme.fields} />}
      {parts.filter(([, items]) => items.length).map(([group, items]) => (
        <section key={group}>
          <Heading level={4}>{V[group as 'goals']}</Heading>
          <ItemList group={group} items={items} />
        </section>
      ))}
    </section>
  );
}

/** Records added, changed or removed, said in words (not by colour): "Gewijzigd: …" with a table of its fields. */
function ItemList({ group, items }: { group: Group; items: TItemChange[] }) {
  return (
    <ul className="regie-changes">
      {items.map((i) => (
        <li key={i.id} className={`regie-change regie-change--${i.change}`}>
          <span className="regie-change-kind">{V.change[i.change]}:</span> {i.title}
          {i.fields.length > 0 && <FieldTable group={group} caption={V.changeOf(V.change[i.change], i.title)} fields={i.fields} />}
        </li>
      ))}
    </ul>
  );
}

function FieldTable({ group, caption, fields }: { group: Group; caption: string; fields: TFieldChange[] }) {
  return (
    <ScrollRegion label={caption}>
      <Table className="regie-table regie-change-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{V.field}</TableHeaderCell>
            <TableHeaderCell scope="col">{V.before}</TableHeaderCell>
            <TableHeaderCell scope="col">{V.after}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((f) => (
            <TableRow key={f.field}>
              <TableHeaderCell scope="row">{fieldLabel(group, f.field)}</TableHeaderCell>
              <TableCell className="regie-change-value"><del>{valueText(f.from)}</del></TableCell>
              <TableCell className="regie-change-value"><ins>{valueText(f.to)}</ins></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
