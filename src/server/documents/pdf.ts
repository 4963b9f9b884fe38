import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { nl } from '../../text/nl.ts';
import type { Block, DocumentTree, TableBlock } from './tree.ts';

/*
 * The document as PDF, drawn by pdfmake in the server process: no browser at run time (ADR 0013). Headings are
 * bookmarks (the outline), the table header repeats on every page, the document language is Dutch. The fonts are the
 * Roboto files pdfmake ships, so the output does not depend on the fonts of the server.
 */

const require = createRequire(import.meta.url);
const fonts: { Roboto: Record<string, string> } = require('pdfmake/fonts/Roboto.js');
pdfmake.setFonts(fonts);
// Charts come as SVG strings in the document: pdfmake may read the font files and nothing else, fetch no URL.
const fontFiles = new Set(Object.values(fonts.Roboto));
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
pdfmake.setUrlAccessPolicy(() => false);

const HEADING_SIZE = { 1: 18, 2: 14, 3: 11.5 } as const;

export async function renderPdf(doc: DocumentTree): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Regie', producer: 'Regie' },
    language: 'nl-NL',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2 },
    header: () => ({ text: doc.title, alignment: 'right', fontSize: 8, color: '#555555', margin: [48, 24, 48, 0] }),
    footer: (page, pages) => ({ text: `${nl.document.page} ${page} ${nl.document.pageOf} ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: doc.blocks.map(block),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return {
        text: b.text, fontSize: HEADING_SIZE[b.level], bold: true, outline: true, headlineLevel: b.level,
        margin: [0, b.level === 1 ? 0 : 14, 0, 6],
        // Chapters are the table of contents' entries, with their page numbers.
        ...(b.id ? { id: b.id, tocItem: true } : {}),
      };
    case 'toc':
      return { toc: { title: { text: b.title, fontSize: HEADING_SIZE[2], bold: true, margin: [0, 14, 0, 6] } }, margin: [0, 0, 0, 10] };
    // The rest is on landscape pages: the new page turns.
    case 'landscape': return { text: '', pageBreak: 'before', pageOrientation: 'landscape' };
    case 'paragraph': return { text: b.text, margin: [0, 0, 0, 6] };
    // Copies: pdfmake writes into the arrays it is given, and the tree may be drawn again (HTML after PDF).
    case 'list': return b.isOrdered ? { ol: [...b.items], margin: [0, 0, 0, 6] } : { ul: [...b.items], margin: [0, 0, 0, 6] };
    case 'facts':
      return { stack: b.items.map((f) => ({ text: [{ text: `${f.label}: `, bold: true }, f.value] })), margin: [0, 0, 0, 8] };
    case 'figure':
      // pdfmake draws the SVG as vectors; the table with the same figures follows.
      return { stack: [{ svg: b.svg, width: 499, margin: [0, 6, 0, 4] }, table(b.table)], unbreakable: false };
    case 'table': return table(b);
  }
}

function table(b: TableBlock): Content {
  const total = b.columns.reduce((sum, c) => sum + c.weight, 0);
  const align = (i: number) => (b.columns[i].isNumeric ? 'right' : 'left');
  const header: TableCell[] = b.columns.map((c, i) => ({ text: c.label, bold: true, fillColor: '#e6e6e6', alignment: align(i) }));
  const rows: TableCell[][] = b.rows.map((r) => r.cells.map((c, i) => ({
    text: c,
    bold: r.isTotal,
    fillColor: r.isTotal ? '#f2f2f2' : undefined,
    alignment: align(i),
    margin: r.isSub && i === 0 ? [10, 0, 0, 0] : undefined,
  })));
  return {
    stack: [
      { text: b.caption, bold: true, margin: [0, 4, 0, 4] },
      {
        table: { headerRows: 1, dontBreakRows: b.rows.every((r) => r.keepTogether), widths: b.columns.map((c) => `${(c.weight / total) * 100}%`), body: [header, ...rows] },
        fontSize: 8,
      },
    ],
    margin: [0, 0, 0, 10],
  };
}
