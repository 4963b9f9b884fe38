import { formatEuro, sumByYear, totalOfSelection, type BudgetLineLike, type YearKey } from '../../domain/budget.ts';
import { checkTarget } from '../../domain/indicator.ts';
import { formatIndicatorValue } from '../../domain/indicator-series.ts';
import type { TBudgetLineWithSubLines, TPlanExport, TThemeWithContent, TYearAmount } from '../../domain/plan-views.ts';
import type { TDecision, TIndicator } from '../../domain/schemas.ts';
import { nl } from '../../text/nl.ts';
import { formatDate, formatNumber, formatPeriod } from '../../text/format.ts';

/*
 * The document the council reads (programme or plan), as one neutral tree: headings, paragraphs, lists, facts and
 * tables. Built once from the plan export by a pure function; the HTML, Word and PDF renderers only draw the tree, so
 * the formats cannot drift apart (ADR 0013).
 */

export type Block =
  /** A heading; a chapter (h2) has an `id`, the target of the table of contents. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  /** The table of contents: the chapters (h2) in order, as links in HTML and Word, with page numbers in the PDF. */
  | { kind: 'toc'; title: string; entries: { id: string; text: string }[] }
  /**
   * From here on the pages are landscape (the source programmes print their wide activity tables so): a new section in
   * Word, a new page in the PDF; a web page has no pages.
   */
  | { kind: 'landscape' }
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

/**
 * The programme or plan as the council reads it: title and facts, the table of contents, the decision, the plan's
 * sections and plan-level indicators; then, on landscape pages, the themes (a local part first prints the joint
 * programme's themes), regular tasks and the budget.
 */
export function planDocumentTree(plan: PlanDocumentInput): DocumentTree {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  const personName = (id: string) => {
    const p = people.get(id);
    return p ? (p.functionTitle ? `${p.name} (${p.functionTitle})` : p.name) : null;
  };
  const chapters: Block[] = [...decisionBlocks(plan.decisions)];
  for (const section of plan.sections) chapters.push({ kind: 'heading', level: 2, text: section.title }, ...textBlocks(section.body));
  if (plan.indicators.length) {
    chapters.push({ kind: 'heading', level: 2, text: D.indicators }, indicatorTable(D.indicatorCaption(plan.title), plan.indicators));
  }
  const wide: Block[] = [];
  const joint = plan.jointPart;
  if (joint) {
    const note = D.jointNote(joint.owner?.name ?? D.jointPart, joint.title);
    for (const theme of joint.themes) wide.push(...themeBlocks(theme, personName, note));
  }
  for (const theme of plan.themes) wide.push(...themeBlocks(theme, personName));
  if (plan.regularTasks.length) wide.push(...regularTaskBlocks(plan));
  if (plan.budgetLines.length || plan.availableBudgetCents != null) wide.push(...budgetBlocks(plan));
  const body = numberChapters([...chapters, ...(wide.length ? [{ kind: 'landscape' } as const, ...wide] : [])]);
  const entries = body.flatMap((b) => (b.kind === 'heading' && b.id ? [{ id: b.id, text: b.text }] : []));
  return {
    lang: 'nl',
    title: plan.title,
    blocks: [
      { kind: 'heading', level: 1, text: plan.title },
      ...(plan.subtitle ? [{ kind: 'paragraph', text: plan.subtitle } as const] : []),
      { kind: 'facts', items: planFacts(plan) },
      ...(entries.length > 1 ? [{ kind: 'toc', title: D.contents, entries } as const] : []),
      ...body,
    ],
  };
}

/** Gives every chapter (h2) an id, in order: the anchors of the table of contents, stable for the same content. */
function numberChapters(blocks: Block[]): Block[] {
  let n = 0;
  return blocks.map((b) => (b.kind === 'heading' && b.level === 2 ? { ...b, id: `hoofdstuk-${++n}` } : b));
}

/** The decisions taken on the plan (the seeds' besluitpunten), each as a numbered list; proposals not yet decided are not printed. */
function decisionBlocks(decisions: TDecision[]): Block[] {
  const decided = decisions.filter((d) => d.isDecided && d.decisionPoints.length);
  if (!decided.length) return [];
  return [
    { kind: 'heading', level: 2, text: D.decisions },
    ...decided.flatMap((d): Block[] => {
      const by = `${nl.labels.decidingBody[d.body]}${d.decidedOn ? `, ${formatDate(d.decidedOn)}` : ''}`;
      return [
        ...(decided.length > 1 ? [{ kind: 'heading', level: 3, text: d.title } as const] : []),
        { kind: 'facts', items: [{ label: D.decidedBy, value: by }, ...(d.reference ? [{ label: nl.plan.decisionReference, value: d.reference }] : [])] },
        { kind: 'list', items: d.decisionPoints, isOrdered: true },
      ];
    }),
  ];
}

/** What the document prints of an indicator: its definition and target, never its measurements or status. */
type IndicatorLike = Pick<TIndicator, 'name' | 'source' | 'unit' | 'direction' | 'baselineValue' | 'baselineYear' |
  'targetKind' | 'targetValue' | 'targetChangePercent' | 'targetYear' | 'targetText'>;

/** Indicators as a table: name, baseline (value and year), target (as written, with its year), source. */
export function indicatorTable(caption: string, indicators: IndicatorLike[]): TableBlock {
  const I = nl.indicator;
  return {
    kind: 'table',
    caption,
    columns: [{ label: I.name, weight: 3 }, { label: I.baseline, weight: 1.4 }, { label: I.target, weight: 3 }, { label: I.source, weight: 1.6 }],
    rows: indicators.map((i) => row([i.name, baselineText(i), targetText(i), i.source ?? ''])),
  };
}

function baselineText(i: IndicatorLike): string {
  const value = i.baselineValue != null ? formatIndicatorValue(i.baselineValue, i.unit) : null;
  if (i.baselineYear != null) return D.inYear(value ?? D.notStated, i.baselineYear);
  return value ?? '';
}

/**
 * The target as the plan writes it ("60 (-25%)", "Max. 1,2%"), else as recorded (minimaal 85%), with its year; a
 * target that contradicts its baseline is printed as written and flagged in words (`checkTarget`).
 */
export function targetText(i: IndicatorLike): string {
  const value = (n: number) => formatIndicatorValue(n, i.unit);
  const structured = i.targetKind === 'absolute' && i.targetValue != null ? value(i.targetValue)
    : i.targetKind === 'maximum' && i.targetValue != null ? D.targetMaximum(value(i.targetValue))
    : i.targetKind === 'minimum' && i.targetValue != null ? D.targetMinimum(value(i.targetValue))
    : i.targetChangePercent != null
      ? D.targetRelative(`${i.targetChangePercent > 0 ? '+' : ''}${formatNumber(i.targetChangePercent)}%`, i.targetValue != null ? value(i.targetValue) : null)
      : null;
  let text = i.targetText || structured || '';
  if (i.targetYear != null) text = text ? (text.includes(String(i.targetYear)) ? text : D.inYear(text, i.targetYear)) : String(i.targetYear);
  const problems = checkTarget(i);
  if (!problems.length) return text;
  const why = problems.map((p) => (p.code === 'relative_mismatch' ? I_relative(p.expected) : nl.indicator.directionMismatch));
  return `${text}\n${D.contradictory(why.join(' '))}`;
}
const I_relative = (expected: number | undefined) => nl.indicator.relativeMismatch(formatNumber(expected));

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

function themeBlocks(theme: ThemeInput, personName: (id: string) => string | null, note?: string): Block[] {
  const names = (ids: string[]) => ids.map(personName).filter((n): n is string => !!n);
  const officials = names(theme.officialIds).map((n, i) => `${n} – ${i === 0 ? nl.theme.firstResponsible : nl.theme.backup}`);
  const facts: Fact[] = [{ label: nl.theme.scope, value: nl.labels.scope[theme.scope] }];
  if (theme.portfolioHolderIds.length) facts.push({ label: D.portfolioHolders, value: names(theme.portfolioHolderIds).join(', ') });
  if (officials.length) facts.push({ label: D.officials, value: officials.join('; ') });
  const heading = theme.number ? `${D.theme} ${theme.number}: ${theme.title}` : theme.title;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: heading },
    ...(note ? [{ kind: 'paragraph', text: note } as const] : []),
    { kind: 'facts', items: facts },
  ];
  for (const field of ['challenge', 'motivation', 'evaluation', 'ambition', 'approach'] as const) {
    const body = theme[field];
    if (body) blocks.push({ kind: 'heading', level: 3, text: nl.theme[field] }, ...textBlocks(body));
  }
  if (theme.goals.length) {
    blocks.push({ kind: 'heading', level: 3, text: nl.theme.goals }, { kind: 'list', items: theme.goals.map((g) => g.title) });
  }
  if (theme.indicators.length) {
    blocks.push({ kind: 'heading', level: 3, text: D.indicators }, indicatorTable(D.indicatorCaption(heading), theme.indicators));
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

/** A theme as the document prints it (its indicators without measurements: a frozen content has none). */
type ThemeInput = TThemeWithContent;
type LineInput = TBudgetLineWithSubLines | TBudgetLineWithSubLines['subLines'][number];

/** One table of the budget chapter: its lines in order, each a main line or a sub-line under its main line. */
interface BudgetTable {
  section: string | null;
  rows: { line: LineInput; isSub: boolean }[];
}

/**
 * The budget lines by the table they stand in (`section`), as the source documents print them: a sub-line stays under
 * its main line unless it names another table (Huizen's "Overzicht projecten in 2019" specifies the products).
 */
function budgetTables(lines: TBudgetLineWithSubLines[]): BudgetTable[] {
  const tables = new Map<string | null, BudgetTable>();
  const add = (section: string | null | undefined, line: LineInput, isSub: boolean) => {
    const key = section || null;
    const table = tables.get(key) ?? { section: key, rows: [] };
    table.rows.push({ line, isSub });
    tables.set(key, table);
  };
  for (const l of lines) {
    add(l.section, l, false);
    for (const s of l.subLines) {
      if (!s.section || s.section === l.section) add(l.section, s, true);
      else add(s.section, s, false);
    }
  }
  return [...tables.values()];
}

/**
 * The budget chapter: a table per section with its subtotal per year (a sub-line counts only where its main line is
 * not in the table), then the plan's total of the main lines, Beschikbaar and Restant – all computed, never typed in.
 */
function budgetBlocks(plan: PlanDocumentInput): Block[] {
  const B = nl.budget;
  const tables = budgetTables(plan.budgetLines);
  const cells = (keys: (number | null)[], amounts: TYearAmount[], isPm = false) =>
    keys.map((y) => {
      if (isPm) return B.pm;
      const a = amounts.find((x) => x.year === y);
      return a ? formatEuro(a.amountCents) : '';
    });
  const asAmounts = (m: Map<YearKey, number>): TYearAmount[] => [...m].map(([year, amountCents]) => ({ year: year === 'per_jaar' ? null : year, amountCents }));
  const totalRows = (keys: (number | null)[]) => [
    row([B.total, ...cells(keys, plan.budget.totals)], { isTotal: true }),
    ...(plan.availableBudgetCents != null ? [
      row([B.available, ...keys.map(() => formatEuro(plan.availableBudgetCents!))], { isTotal: true }),
      row([B.remainder, ...cells(keys, plan.budget.remainders)], { isTotal: true }),
    ] : []),
  ];
  const columns = (keys: (number | null)[]) =>
    [{ label: B.line, weight: 4 }, ...keys.map((y) => ({ label: y === null ? B.perYear : String(y), isNumeric: true, weight: 1.4 }))];
  const single = tables.length <= 1;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: B.heading }];
  const notes: string[] = [];
  for (const t of tables) {
    const inTable = new Set(t.rows.map((r) => r.line));
    const subtotal = asAmounts(single ? sumByYear(t.rows.filter((r) => !r.isSub).map((r) => r.line as BudgetLineLike))
      : totalOfSelection(plan.budgetLines.flatMap((l) => [l, ...l.subLines]), (l) => inTable.has(l as LineInput)));
    const keys = yearKeys([...t.rows.flatMap((r) => r.line.amounts), ...subtotal, ...(single ? plan.budget.totals : [])]);
    const rows = t.rows.map((r) => row([r.line.title, ...cells(keys, r.line.amounts, r.line.isPm)], { isSub: r.isSub }));
    const title = t.section ?? (single ? null : B.noSection);
    if (single) rows.push(...totalRows(keys));
    else rows.push(row([B.subtotal(title!), ...cells(keys, subtotal)], { isTotal: true }));
    if (title && !single) blocks.push({ kind: 'heading', level: 3, text: title });
    blocks.push({ kind: 'table', caption: title ? D.budgetSectionCaption(title) : D.budgetCaption(plan.title), columns: columns(keys), rows });
    notes.push(...t.rows.flatMap((r) => ('note' in r.line && r.line.note ? [`${r.line.title}: ${r.line.note}`] : [])));
  }
  if (!single) {
    const keys = yearKeys([...plan.budget.totals, ...plan.budget.remainders]);
    blocks.push({ kind: 'heading', level: 3, text: D.budgetTotals }, { kind: 'paragraph', text: D.budgetTotalsNote },
      { kind: 'table', caption: D.budgetTotals, columns: columns(keys), rows: totalRows(keys) });
  }
  notes.push(
    ...(plan.budget.pmCount ? [B.pmCount(plan.budget.pmCount)] : []),
    ...(tables.some((t) => t.rows.some((r) => r.line.amounts.some((a) => a.year === null))) ? [D.perYearNote] : []),
  );
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
