import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType, BorderStyle, Bookmark, Document, Footer, Header, HeadingLevel, ImageRun, InternalHyperlink, LevelFormat, Packer,
  PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions,
  type ITableCellOptions,
} from 'docx';
import { nl } from '../../text/nl.ts';
import type { Block, DocumentTree, TableBlock } from './tree.ts';

/*
 * The document as Word (.docx): real Word headings (Kop 1–3, so the navigation pane and a table of contents work),
 * tables whose header row repeats on every page and whose rows do not split, Dutch as the proofing language. A chart is
 * the SVG itself with a PNG beside it for readers that do not draw SVG (Word before 2016, LibreOffice's older
 * versions), its description as alternative text, and its table below it.
 */

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '666666' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
/** Word's own numbering for numbered lists ("1.", "2."); each list restarts at 1 as its own instance. */
const NUMBERED = 'genummerd';
const NUMBERING = {
  config: [{
    reference: NUMBERED,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 500, hanging: 360 } } } }],
  }],
};

/** A4 in twips; a landscape section turns it (docx swaps width and height). */
const A4 = { width: 11906, height: 16838 };

export async function renderDocx(doc: DocumentTree): Promise<Buffer> {
  // Each landscape marker starts a new section: portrait up to it, landscape after it (the wide activity tables).
  const parts: { isLandscape: boolean; blocks: Block[] }[] = [{ isLandscape: false, blocks: [] }];
  for (const b of doc.blocks) {
    if (b.kind === 'landscape') parts.push({ isLandscape: true, blocks: [] });
    else parts.at(-1)!.blocks.push(b);
  }
  let instance = 0;
  const sections: ISectionOptions[] = parts.filter((p) => p.blocks.length).map((p) => ({
    properties: { page: { size: { ...A4, orientation: p.isLandscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
    headers: { default: pageHeader(doc.title) },
    footers: { default: pageFooter() },
    children: p.blocks.flatMap((b) => block(b, instance++)),
  }));
  const document = new Document({
    title: doc.title,
    creator: 'Regie',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 21, language: { value: 'nl-NL' } }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: 'Arial', size: 36, bold: true }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading2: { run: { font: 'Arial', size: 28, bold: true }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { run: { font: 'Arial', size: 23, bold: true }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    numbering: NUMBERING,
    sections,
  });
  return Packer.toBuffer(document);
}

/** The plan's title at the top of every page. */
const pageHeader = (title: string) =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 16, color: '555555' })] })] });

/** "Pagina 3 van 12" at the foot of every page, counted by Word itself. */
const pageFooter = () => new Footer({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ size: 16, children: [`${nl.document.page} `, PageNumber.CURRENT, ` ${nl.document.pageOf} `, PageNumber.TOTAL_PAGES] })],
  })],
});

function block(b: Block, instance: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      // A chapter is a bookmark: the table of contents links to it.
      return [new Paragraph({ heading: HEADINGS[b.level], children: [b.id ? new Bookmark({ id: b.id, children: [new TextRun(b.text)] }) : new TextRun(b.text)] })];
    case 'toc':
      // The chapters as links (a TOC field would need Word to update it on opening; this list is right as it is).
      return [
        new Paragraph({ keepNext: true, children: [new TextRun({ text: b.title, bold: true, size: 28 })], spacing: { before: 240, after: 120 } }),
        ...b.entries.map((e) => new Paragraph({
          spacing: { after: 40 },
          children: [new InternalHyperlink({ anchor: e.id, children: [new TextRun({ text: e.text, style: 'Hyperlink' })] })],
        })),
      ];
    case 'landscape': return [];
    case 'paragraph': return [new Paragraph({ text: b.text })];
    case 'list':
      return b.items.map((text) => new Paragraph(b.isOrdered ? { text, numbering: { reference: NUMBERED, level: 0, instance } } : { text, bullet: { level: 0 } }));
    case 'facts':
      return b.items.map((f) => new Paragraph({
        spacing: { after: 40 },
        children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)],
      }));
    case 'table': return [caption(b.caption), table(b)];
    case 'figure': return [chart(b), caption(b.table.caption), table(b.table)];
  }
}

/** Width of a chart on the page in pixels (Word counts 96 per inch): the text width of A4 with Word's margins. */
const CHART_WIDTH = 600;

function chart(b: Extract<Block, { kind: 'figure' }>): Paragraph {
  const size = { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * b.height) / b.width) };
  // Twice the size on the page, so the fallback stays sharp when printed; the system's fonts draw the text.
  const png = new Resvg(b.svg, {
    fitTo: { mode: 'width', value: CHART_WIDTH * 2 }, background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  }).render().asPng();
  return new Paragraph({
    keepNext: true,
    children: [new ImageRun({
      type: 'svg', data: Buffer.from(b.svg), fallback: { type: 'png', data: png }, transformation: size,
      altText: { name: b.title, title: b.title, description: b.description },
    })],
  });
}

/** The caption as Word's own "Bijschrift" (Caption) style, kept with its table. */
const caption = (text: string) => new Paragraph({ text, style: 'Caption', keepNext: true });

function table(b: TableBlock): Table {
  const total = b.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = b.columns.map((c) => Math.round((c.weight / total) * 100));
  const cell = (text: string, i: number, options: { bold?: boolean; isSub?: boolean; shade?: string } = {}): TableCell => {
    const cellOptions: ITableCellOptions = {
      borders: BORDERS,
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } : undefined,
      children: text.split('\n').map((line) => new Paragraph({
        alignment: b.columns[i].isNumeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: options.isSub && i === 0 ? { left: 280 } : undefined,
        spacing: { after: 0 },
        children: [new TextRun({ text: line, bold: options.bold, size: 18 })],
      })),
    };
    return new TableCell(cellOptions);
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.label, i, { bold: true, shade: 'E6E6E6' })) }),
      ...b.rows.map((r) => new TableRow({
        cantSplit: r.keepTogether,
        children: r.cells.map((c, i) => cell(c, i, { bold: r.isTotal, isSub: r.isSub, shade: r.isTotal ? 'F2F2F2' : undefined })),
      })),
    ],
  });
}
