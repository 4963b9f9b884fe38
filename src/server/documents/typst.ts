import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { nl } from '../../text/nl.ts';
import type { Block, DocumentTree, TableBlock } from './tree.ts';

/*
 * The document as a tagged, accessible PDF, typeset by Typst (0.14, compiled in the server process through its Node
 * binding: no browser, no child process; ADR 0013). The PDF has a structure tree – headings H1–H3, paragraphs, lists,
 * tables whose header cells are TH with a column scope, charts as figures with alternative text, page headers and
 * footers as artifacts – the document title and the language nl in its metadata, and is written as PDF/UA-1.
 *
 * User text never becomes Typst code: the Typst source below is a constant, and the tree reaches it as JSON through
 * `sys.inputs`, decoded by `json()` into strings that Typst only ever sets as text (never evaluated as markup). So a
 * title with `#`, `*`, `$`, `<`, `[` or `\` prints as it is typed.
 */

/** The tree as the Typst source reads it: the pages in parts (portrait, then landscape after each marker). */
interface TypstInput {
  title: string;
  page: string;
  pageOf: string;
  parts: { isLandscape: boolean; blocks: Block[] }[];
}

/**
 * The one Typst source of every document. `data` is the tree (TypstInput); the functions below draw its blocks.
 * Fonts: Liberation Sans (the metrics of Arial, as the Word file and the HTML use; Debian's fonts-liberation), else
 * DejaVu Sans; the fonts Typst bundles (Libertinus Serif) only where neither is installed.
 */
const SOURCE = String.raw`
#let data = json(bytes(sys.inputs.document))
#let grey = rgb("#555555")

#set document(title: data.title)
#set text(lang: "nl", region: "NL", font: ("Liberation Sans", "DejaVu Sans"), size: 9.5pt)
#set par(leading: 0.5em, spacing: 0.9em)
#set page(
  paper: "a4",
  margin: (x: 48pt, top: 56pt, bottom: 56pt),
  header: align(right, text(size: 8pt, fill: grey, data.title)),
  footer: context align(center, text(size: 8pt,
    data.page + " " + counter(page).display() + " " + data.pageOf + " " + str(counter(page).final().first()))),
)
#set heading(numbering: none)
#show heading: set text(weight: "bold")
#show heading.where(level: 1): set text(size: 18pt)
#show heading.where(level: 1): set block(below: 12pt)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 2): set block(above: 18pt, below: 8pt)
#show heading.where(level: 3): set text(size: 11.5pt)
#show heading.where(level: 3): set block(above: 14pt, below: 6pt)
#set list(indent: 4pt, spacing: 0.6em)
#set enum(indent: 4pt, spacing: 0.6em)
#set terms(separator: [: ], hanging-indent: 0pt, spacing: 0.45em)
#set table(stroke: 0.5pt + rgb("#666666"), inset: (x: 4pt, y: 3.5pt))
#show table: set text(size: 8pt)
#show table: set par(leading: 0.4em)
// A table's caption stands above it, bold, not numbered; a long table runs on over pages (its header repeats).
#show figure.where(kind: table): set figure.caption(position: top)
#show figure.where(kind: table): set block(breakable: true)
#show figure: set align(left)
#show figure.caption: set text(weight: "bold", size: 9.5pt)
#show figure.caption: set align(left)
#show figure.caption: set block(sticky: true)
#set figure(numbering: none, supplement: none, gap: 4pt)
// "t/m" (tot en met) is one word: no line break after its slash.
#show regex("\b\p{L}/\p{L}\b"): box

#let data-table(t) = {
  let columns = t.columns
  figure(
    kind: table,
    caption: t.caption,
    table(
      columns: columns.map(c => c.weight * 1fr),
      align: (x, y) => if columns.at(x).isNumeric { right } else { left },
      fill: (x, y) => if y == 0 { rgb("#e6e6e6") } else if t.rows.at(y - 1).isTotal { rgb("#f2f2f2") },
      table.header(..columns.map(c => strong(c.label))),
      ..t.rows.map(r => r.cells.enumerate().map(((i, c)) => table.cell(
        breakable: not r.keepTogether,
        inset: if r.isSub and i == 0 { (left: 14pt, rest: 4pt) } else { auto },
        if r.isTotal { strong(c) } else { c },
      ))).flatten(),
    ),
  )
  v(4pt)
}

#let draw(b) = {
  if b.kind == "heading" {
    // A chapter's id is its label: the table of contents links to it.
    let h = heading(level: b.level, b.text)
    if "id" in b { [#h#label(b.id)] } else { h }
  } else if b.kind == "toc" {
    // Its title a chapter heading (as in HTML), then the chapters with their page numbers: Typst's outline of the
    // level-2 headings, tagged TOC with a TOCI per entry, each a link.
    heading(level: 2, outlined: false, bookmarked: true, b.title)
    outline(title: none, target: heading.where(level: 2, outlined: true), indent: 0pt)
  } else if b.kind == "paragraph" {
    par(b.text)
  } else if b.kind == "list" {
    if b.isOrdered { enum(..b.items) } else { list(..b.items) }
  } else if b.kind == "facts" {
    terms(tight: true, ..b.items.map(f => terms.item(f.label, f.value)))
  } else if b.kind == "figure" {
    // The chart (vectors), its description as the alternative text; the table with the same figures below it.
    figure(image(bytes(b.svg), format: "svg", width: calc.min(b.width, 499) * 1pt, alt: b.description))
    data-table(b.table)
  } else if b.kind == "table" {
    data-table(b)
  }
}

#for part in data.parts {
  let body = { for b in part.blocks { draw(b) } }
  if part.isLandscape { page(flipped: true, body) } else { body }
}
`;

let compiler: NodeCompiler | null = null;
/**
 * One compiler for the process, created on the first PDF (it loads the fonts once). It reads no file: the source is
 * given as text and the tree as an input; its workspace is this folder, which holds no Typst file.
 */
const typst = () => (compiler ??= NodeCompiler.create({ workspace: import.meta.dirname }));

/** The tree as the Typst source's input: defaults made explicit, so the source needs no `at(default:)`. */
export function typstInput(doc: DocumentTree): TypstInput {
  const parts: TypstInput['parts'] = [{ isLandscape: false, blocks: [] }];
  const tableOf = (t: TableBlock): TableBlock => ({
    ...t,
    columns: t.columns.map((c) => ({ ...c, isNumeric: !!c.isNumeric })),
    rows: t.rows.map((r) => ({ ...r, isTotal: !!r.isTotal, isSub: !!r.isSub })),
  });
  for (const b of doc.blocks) {
    if (b.kind === 'landscape') parts.push({ isLandscape: true, blocks: [] });
    else {
      const block: Block = b.kind === 'list' ? { ...b, isOrdered: !!b.isOrdered }
        : b.kind === 'table' ? tableOf(b)
        : b.kind === 'figure' ? { ...b, table: tableOf(b.table) }
        : b;
      parts.at(-1)!.blocks.push(block);
    }
  }
  return { title: doc.title, page: nl.document.page, pageOf: nl.document.pageOf, parts: parts.filter((p) => p.blocks.length) };
}

/** Typst's errors as one message. */
const problems = (error: { shortDiagnostics: { message: string }[] } | null) =>
  (error?.shortDiagnostics ?? []).map((d) => d.message).join('; ');

export async function renderPdf(doc: DocumentTree): Promise<Buffer> {
  const compiler = typst();
  const args = { mainFileContent: SOURCE, inputs: { document: JSON.stringify(typstInput(doc)) } };
  try {
    const result = compiler.compile(args);
    const document = result.result;
    if (!document) throw new Error(`Typst could not typeset the document: ${problems(result.takeError())}`);
    try {
      // PDF/UA-1: Typst checks what it can (a title, alternative texts, heading order) and writes the identification.
      return compiler.pdf(document, { pdfStandard: 'ua-1' });
    } catch (err) {
      // A check PDF/UA-1 fails on must not keep the document from the council: the PDF is tagged all the same.
      console.warn(`PDF zonder PDF/UA-1-kenmerk: ${err instanceof Error ? err.message : String(err)}`);
      return compiler.pdf(document);
    }
  } finally {
    // Typst memoizes per compilation; results unused for a few documents are dropped, so memory stays bounded.
    compiler.evictCache(10);
  }
}
