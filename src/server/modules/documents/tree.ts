import { formatEuro } from '../../../domain/budget.ts';
import type { TBudgetLineWithSubLines, TPlanExport, TThemeWithContent, TYearAmount } from '../../../domain/plan-views.ts';
import { nl } from '../../../web/i18n/nl.ts';
import { formatDate, formatPeriod } from '../../../web/lib/format.ts';

/*
 * The document the council reads (programme or plan), as one neutral tree: headings, paragraphs, lists, facts and
 * tables. Built once from the plan export by a pure function; the HTML, Word and PDF renderers only draw the tree, so
 * the formats cannot drift apart (ADR 0013).
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** A bulleted list, or numbered (`isOrdered`: the points of a decision). */
  | { kind: 'list'; items: string[]; isOrdered?: boolean }
  /** Label–value pairs (portefeuillehouder, periode); a definition list in HTML. */
  | { kind: 'facts'; items: Fact[] }
  | TableBlock
  /**
   * A chart (SVG, with its own title and description for screen readers) and – always – a table with the same
   * figures: the table is the chart's text alternative in every format, and the place to read exact values.
   */
  | { kind: 'figure'; title: string; description: string; svg: string; width: number; height: number; table: TableBlock };

export type TableBlock = { kind: 'table'; caption: string; columns: Column[]; rows: Row[] };

export type Fact = { label: string; value: string };

export interface Column {
  label: string;
  /** Amounts: right-aligned. */
  isNumeric?: boolean;
  /** Relative width (the renderers that lay out columns use it). */
  weight: number;
}

export interface Row {
  cells: string[];
  /** A total row: bold, and a header cell in HTML. */
  isTotal?: boolean;
  /** A sub-line of the budget: indented. */
  isSub?: boolean;
  /** Short enough to keep on one page: the row is not split over a page break. */
  keepTogether: boolean;
}

/** Rows up to this many characters are kept on one page; a longer one may split rather than overflow the page. */
const KEEP_TOGETHER_CHARS = 1500;
export const row = (cells: string[], extra: { isTotal?: boolean; isSub?: boolean } = {}): Row =>
  ({ cells, ...extra, keepTogether: cells.join('').length <= KEEP_TOGETHER_CHARS });

export interface DocumentTree {
  lang: 'nl';
  title: string;
  /** The first heading is the title; the rest follows in order (h1 → h2 → h3, never a skipped level). */
  blocks: Block[];
}

const D = nl.document;

/**
 * What the plan document is drawn from: the live plan export, or a version's frozen content (`planContent`), which
 * has no status or adoption facts – `stampAdoption` states those.
 */
export type PlanDocumentInput = Omit<TPlanExport, 'status'> & Partial<Pick<TPlanExport, 'status'>>;

/** The programme or plan as the council reads it: introduction, themes, regular tasks and budget. */
export function planDocumentTree(plan: PlanDocumentInput): DocumentTree {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: plan.title },
    ...(plan.subtitle ? [{ kind: 'paragraph', text: plan.subtitle } as const] : []),
    { kind: 'facts', items: planFacts(plan) },
  ];
  for (const section of plan.sections) blocks.push({ kind: 'heading', level: 2, text: section.title }, ...textBlocks(section.body));
  const people = new Map(plan.people.map((p) => [p.id, p]));
  const personName = (id: string) => {
    const p = people.get(id);
    return p ? (p.functionTitle ? `${p.name} (${p.functionTitle})` : p.name) : null;
  };
  for (const theme of plan.themes) blocks.push(...themeBlocks(theme, personName));
  if (plan.regularTasks.length) blocks.push(...regularTaskBlocks(plan));
  if (plan.budgetLines.length || plan.availableBudgetCents != null) blocks.push(...budgetBlocks(plan));
  return { lang: 'nl', title: plan.title, blocks };
}

function planFacts(plan: PlanDocumentInput) {
  const facts: Fact[] = [
    { label: nl.plan.kind, value: nl.labels.planKindLong[plan.kind] },
    ...(plan.owner ? [{ label: D.owner, value: plan.owner.name }] : []),
    { label: nl.plan.period, value: formatPeriod(plan.periodStart, plan.periodEnd) },
    ...(plan.status ? [{ label: nl.plan.status, value: nl.labels.planStatus[plan.status] }] : []),
  ];
  if (plan.adoptedBy) {
    const on = plan.adoptedOn ? `, ${formatDate(plan.adoptedOn)}` : '';
    facts.push({ label: nl.plan.adopted, value: `${nl.labels.decidingBody[plan.adoptedBy]}${on}` });
  }
  if (plan.decisionReference) facts.push({ label: nl.plan.decisionReference, value: plan.decisionReference });
  return facts;
}

function themeBlocks(theme: TThemeWithContent, personName: (id: string) => string | null): Block[] {
  const names = (ids: string[]) => ids.map(personName).filter((n): n is string => !!n);
  const officials = names(theme.officialIds).map((n, i) => `${n} – ${i === 0 ? nl.theme.firstResponsible : nl.theme.backup}`);
  const facts: Fact[] = [{ label: nl.theme.scope, value: nl.labels.scope[theme.scope] }];
  if (theme.portfolioHolderIds.length) facts.push({ label: D.portfolioHolders, value: names(theme.portfolioHolderIds).join(', ') });
  if (officials.length) facts.push({ label: D.officials, value: officials.join('; ') });
  const heading = theme.number ? `${D.theme} ${theme.number}: ${theme.title}` : theme.title;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: heading }, { kind: 'facts', items: facts }];
  for (const field of ['challenge', 'motivation', 'evaluation', 'ambition', 'approach'] as const) {
    const body = theme[field];
    if (body) blocks.push({ kind: 'heading', level: 3, text: nl.theme[field] }, ...textBlocks(body));
  }
  if (theme.goals.length) {
    blocks.push({ kind: 'heading', level: 3, text: nl.theme.goals }, { kind: 'list', items: theme.goals.map((g) => g.title) });
  }
  if (theme.activities.length) {
    const A = nl.activity;
    blocks.push({ kind: 'heading', level: 3, text: nl.theme.activities }, {
      kind: 'table',
      caption: D.activityCaption(heading),
      columns: [
        { label: A.title, weight: 3 }, { label: A.timeframe, weight: 1.2 }, { label: A.frequency, weight: 1.4 },
        { label: A.stakeholders, weight: 1.6 }, { label: A.explanation, weight: 3.8 },
      ],
      rows: theme.activities.map((a) => row([a.title, a.timeframeText, a.frequencyText, a.stakeholdersText, a.explanation ?? ''])),
    });
  }
  return blocks;
}

function regularTaskBlocks(plan: PlanDocumentInput): Block[] {
  const T = nl.regularTask;
  return [
    { kind: 'heading', level: 2, text: nl.plan.regularTasks },
    {
      kind: 'table',
      caption: nl.plan.regularTasks,
      columns: [{ label: T.title, weight: 2 }, { label: T.frequency, weight: 1 }, { label: T.description, weight: 4 }],
      rows: plan.regularTasks.map((t) => row([t.title, t.frequencyText, t.description ?? ''])),
    },
  ];
}

/** The budget chapter: every line with its sub-lines per year, the totals Regie computes, available and remainder. */
function budgetBlocks(plan: PlanDocumentInput): Block[] {
  const B = nl.budget;
  const lines = plan.budgetLines;
  const keys = yearKeys([...lines.flatMap((l) => [...l.amounts, ...l.subLines.flatMap((s) => s.amounts)]), ...plan.budget.totals]);
  const amountCells = (amounts: TYearAmount[], isPm = false) =>
    keys.map((y) => {
      if (isPm) return B.pm;
      const a = amounts.find((x) => x.year === y);
      return a ? formatEuro(a.amountCents) : '';
    });
  const lineRow = (l: TBudgetLineWithSubLines | TBudgetLineWithSubLines['subLines'][number], isSub: boolean) =>
    row([l.title, ...amountCells(l.amounts, l.isPm)], { isSub });
  const rows: Row[] = lines.flatMap((l) => [lineRow(l, false), ...l.subLines.map((s) => lineRow(s, true))]);
  rows.push(row([B.total, ...amountCells(plan.budget.totals)], { isTotal: true }));
  if (plan.availableBudgetCents != null) {
    rows.push(row([B.available, ...keys.map(() => formatEuro(plan.availableBudgetCents!))], { isTotal: true }));
    rows.push(row([B.remainder, ...amountCells(plan.budget.remainders)], { isTotal: true }));
  }
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: B.heading },
    {
      kind: 'table',
      caption: D.budgetCaption(plan.title),
      columns: [{ label: B.line, weight: 4 }, ...keys.map((y) => ({ label: y === null ? B.perYear : String(y), isNumeric: true, weight: 1.4 }))],
      rows,
    },
  ];
  const notes = [
    ...(plan.budget.pmCount ? [B.pmCount(plan.budget.pmCount)] : []),
    ...(keys.includes(null) ? [D.perYearNote] : []),
  ];
  if (notes.length) blocks.push({ kind: 'list', items: notes });
  return blocks;
}

/** The years that carry an amount, in order, with "per jaar" (null) first. */
function yearKeys(amounts: TYearAmount[]): (number | null)[] {
  const years = [...new Set(amounts.map((a) => a.year))];
  return years.sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
}

/**
 * A stored text as the document's blocks: lines that start with "- " or "• " are a list, every other non-empty line a
 * paragraph (the seeds keep the source documents' line breaks).
 */
export function textBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const item = /^[-•–]\s+(.*)$/.exec(line);
    const last = blocks.at(-1);
    if (item && last?.kind === 'list') last.items.push(item[1]);
    else if (item) blocks.push({ kind: 'list', items: [item[1]] });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

/** The adoption as a frozen document states it. */
export interface AdoptionFacts {
  number: number;
  adoptedBy: 'council' | 'college' | 'mayor';
  adoptedOn: string;
  decisionReference?: string | null;
}

/**
 * A document as adopted: its facts say so (status, by whom and when, the decision's reference, the version number),
 * whatever the live record said when it was frozen. Works on any document's tree: the facts after its title.
 */
export function stampAdoption(tree: DocumentTree, a: AdoptionFacts): DocumentTree {
  const replaced = new Set<string>([nl.plan.status, nl.plan.adopted, nl.plan.decisionReference, nl.versions.versionFact]);
  const stamp: Fact[] = [
    { label: nl.versions.versionFact, value: String(a.number) },
    { label: nl.plan.status, value: nl.labels.planStatus.adopted },
    { label: nl.plan.adopted, value: `${nl.labels.decidingBody[a.adoptedBy]}, ${formatDate(a.adoptedOn)}` },
    ...(a.decisionReference ? [{ label: nl.plan.decisionReference, value: a.decisionReference }] : []),
  ];
  const at = tree.blocks.findIndex((b) => b.kind === 'facts');
  const blocks = [...tree.blocks];
  if (at >= 0) {
    const facts = blocks[at] as Extract<Block, { kind: 'facts' }>;
    blocks[at] = { kind: 'facts', items: [...facts.items.filter((f) => !replaced.has(f.label)), ...stamp] };
  } else blocks.splice(1, 0, { kind: 'facts', items: stamp });
  return { ...tree, blocks };
}
