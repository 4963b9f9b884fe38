import { useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, Table, TableBody,
  TableCaption, TableFooter, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { formatEuro } from '../../../domain/budget.ts';
import type { TBudgetLine, TPlan, TSpendingEntry, TTheme } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { PlanBudget } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { errorMessage, LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SpendingTable } from '../../components/SpendingTable.tsx';
import { SubsidyAccountability, SubsidyEnd } from '../../components/SubsidySection.tsx';
import { USE_COLUMNS, UseCells } from '../../components/UseCells.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDate } from '../../../text/format.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useFocusRequest } from '../../lib/useFocusRequest.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const R = nl.realisation;

async function loadLine(planId: string, lineId: string, mayReadSpending: (plan: TPlan) => boolean) {
  const [plan, budget, themes] = await Promise.all([api.getPlan(planId), api.getBudget(planId), api.listThemes(planId)]);
  const line = budget.lines.flatMap((l) => [l, ...l.subLines]).find((l) => l.id === lineId);
  if (!line) throw new ApiError(404, 'not_found', '');
  // Spending entries are the organisation's own bookkeeping: a published plan shows their sums, not the entries.
  const entries = mayReadSpending(plan) ? await api.listSpending(lineId) : null;
  return { plan, budget, themes, line, entries };
}

/** One budget line: its facts and subsidy terms, planned, spent and remaining per year, and the spending on it. */
export function BudgetLinePage() {
  const { planId = '', lineId = '' } = useParams();
  const can = useCan();
  // Keep the page while loading again after a change, so its message stays.
  const state = useLoad(
    () => loadLine(planId, lineId, (plan) => can('read', planSubject('spending-entries', plan))),
    `${planId}/${lineId}`,
    { keepPrevious: true },
  );
  return <LoadState state={state}>{(data) => <LineContent {...data} onChanged={state.reload} />}</LoadState>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function LineFacts({ line, budget, themes }: { line: TBudgetLine; budget: PlanBudget; themes: TTheme[] }) {
  const main = budget.lines.find((l) => l.id === line.parentId);
  const theme = themes.find((t) => t.id === line.themeId);
  const deadlines = budget.subsidies.find((s) => s.lineId === line.id);
  return (
    <DataList className="regie-data-list" aria-label={R.facts}>
      {line.section && <Fact label={nl.budget.section}>{line.section}</Fact>}
      {main && <Fact label={R.mainLine}><AppLink to={paths.budgetLine(budget.planId, main.id)}>{main.title}</AppLink></Fact>}
      {theme && <Fact label={nl.budget.theme}><AppLink to={paths.theme(budget.planId, theme.id)}>{theme.title}</AppLink></Fact>}
      {line.nature && <Fact label={nl.budget.nature}>{nl.labels.budgetNature[line.nature]}</Fact>}
      <Fact label={nl.budget.funding}>{nl.labels.funding[line.funding]}{line.funderName && ` (${line.funderName})`}</Fact>
      {line.grantReference && <Fact label={nl.budget.grantReference}>{line.grantReference}</Fact>}
      {line.conditions && <Fact label={nl.budget.conditions}><span className="regie-subsidy-conditions">{line.conditions}</span></Fact>}
      {deadlines && <Fact label={nl.budget.endDate}><SubsidyEnd line={line} deadlines={deadlines} /></Fact>}
      {deadlines && line.accountabilityDate && (
        <Fact label={nl.budget.accountabilityDate}><SubsidyAccountability line={line} deadlines={deadlines} /></Fact>
      )}
      {line.note && <Fact label={nl.budget.note}><span className="regie-cell-note">{line.note}</span></Fact>}
    </DataList>
  );
}

interface ContentProps {
  plan: TPlan;
  budget: PlanBudget;
  themes: TTheme[];
  line: TBudgetLine;
  entries: TSpendingEntry[] | null;
  onChanged: () => void;
}

function LineContent({ plan, budget, themes, line, entries, onChanged }: ContentProps) {
  const here = useLocation().pathname;
  const can = useCan();
  const mayChange = can('create', planSubject('spending-entries', plan));
  const mayEditLine = can('update', planSubject('budget-lines', plan));
  const use = budget.use.lines.find((u) => u.lineId === line.id)!;
  const subLines = budget.lines.find((l) => l.id === line.id)?.subLines ?? [];
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const [noticeRef, focusNotice] = useFocusRequest<HTMLDivElement>();

  const remove = async (entry: TSpendingEntry) => {
    setBusyId(entry.id);
    const what = [formatDate(entry.spentOn), formatEuro(entry.amountCents)] as const;
    try {
      await api.remove('spending-entries', entry.id, entry.version);
      setNotice({ text: R.removed(...what), isError: false });
    } catch (err) {
      setNotice({ text: errorMessage(err), isError: true });
    } finally {
      setBusyId(null);
      focusNotice();
      onChanged();
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }, { label: nl.budget.heading, to: paths.budget(plan.id) }]} />
      <PageHeading preHeading={plan.title} title={R.lineTitle(line.title, plan.title)}>{line.title}</PageHeading>
      <LineFacts line={line} budget={budget} themes={themes} />
      {mayEditLine && (
        <ButtonGroup className="regie-actions">
          <AppButtonLink to={withReturn(paths.editBudgetLine(plan.id, line.id), here)}>{R.editLine}</AppButtonLink>
        </ButtonGroup>
      )}

      <section aria-labelledby="per-jaar">
        <Heading level={2} id="per-jaar">{R.byYear}</Heading>
        {subLines.length > 0 && <Paragraph>{R.includesSubLines}</Paragraph>}
        <ScrollRegion label={R.byYearCaption}>
          <Table className="regie-table regie-use-table">
            <TableCaption className="regie-visually-hidden">{R.byYearCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{R.year}</TableHeaderCell>
                {USE_COLUMNS.map((c) => (
                  <TableHeaderCell key={c.label} scope="col" className={c.isNumeric ? 'regie-numeric' : undefined}>{c.label}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {use.years.map((y) => (
                <TableRow key={y.year}>
                  <TableHeaderCell scope="row">{y.year}</TableHeaderCell>
                  <UseCells use={y} />
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow className="regie-budget-total">
                <TableHeaderCell scope="row">{R.total}</TableHeaderCell>
                <UseCells use={use} />
              </TableRow>
            </TableFooter>
          </Table>
        </ScrollRegion>
        {subLines.length > 0 && (
          <>
            <Heading level={3}>{R.subLines}</Heading>
            <UnorderedList>
              {subLines.map((s) => (
                <UnorderedListItem key={s.id}><AppLink to={paths.budgetLine(plan.id, s.id)}>{s.title}</AppLink></UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
      </section>

      {entries && (
        <section aria-labelledby="uitgaven">
          <Heading level={2} id="uitgaven">{R.entries}</Heading>
          <div ref={noticeRef} tabIndex={-1} className="regie-focus-target regie-spending-notice">
            {notice && <Alert type={notice.isError ? 'error' : 'ok'}><Paragraph>{notice.text}</Paragraph></Alert>}
          </div>
          {entries.length ? (
            <SpendingTable entries={entries} planId={plan.id} returnTo={here} canChange={mayChange} busyId={busyId} onRemove={remove} />
          ) : (
            <Paragraph>{R.noEntries}</Paragraph>
          )}
          {mayChange && (
            <AppButtonLink appearance="primary" to={withReturn(paths.newSpending(plan.id, line.id), here)}>{R.addEntry}</AppButtonLink>
          )}
        </section>
      )}
    </>
  );
}
