import { createHash } from 'node:crypto';
import type { Block, DocumentTree } from './tree.ts';

/*
 * The document as one accessible HTML page: lang="nl", headings in order, tables with a caption and column headers
 * (th scope="col"), total rows headed by a th scope="row", facts as a definition list. The style sheet is inline in a
 * <style> element – the page is a download that must stand on its own – and no script.
 */

/** Text as HTML: the five characters that could start markup or end an attribute, escaped. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8em; } h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #999; } h3 { font-size: 1.1em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; } dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding-bottom: .4em; }
th, td { border: 1px solid #666; padding: .3em .5em; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; }
.num { text-align: right; white-space: nowrap; }
.sub > :first-child { padding-left: 1.5em; }
.total th, .total td { font-weight: bold; background: #f2f2f2; }
figure { margin: 1.5em 0 0; } figure svg { max-width: 100%; height: auto; }
@media print { thead { display: table-header-group; } tr { break-inside: avoid; } h2, h3 { break-after: avoid; } }
`;

/** The page's own policy: its one style element (by hash), nothing else – no script, no request. */
export const HTML_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'`;

export function renderHtml(doc: DocumentTree): string {
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${renderBlocks(doc.blocks)}
</main>
</body>
</html>
`;
}

/**
 * Class names for the elements of a document body. The standalone document needs none (its own style sheet); the
 * public site gives the NL Design System's (utrecht-table, utrecht-heading-2 …) and wraps tables so they scroll.
 */
export interface BlockClasses {
  heading?: (level: 1 | 2 | 3) => string;
  paragraph?: string;
  list?: string;
  listItem?: string;
  facts?: string;
  table?: string;
  caption?: string;
  thead?: string;
  tbody?: string;
  row?: string;
  headerCell?: string;
  cell?: string;
  /** A scrollable, keyboard-focusable region around each table, labelled by its caption. */
  tableRegion?: string;
  /** Each data cell starts with its column's label in a span of this class, hidden from screen readers (they have the
   * column header): the public site shows it when a phone stacks the rows as cards. */
  cellLabel?: string;
  link?: string;
  toc?: string;
}

/** The body of a document – its blocks as HTML – shared by the standalone document and the public site's page. */
export function renderBlocks(blocks: Block[], classes: BlockClasses = {}): string {
  let tables = 0;
  let figures = 0;
  const attr = (...names: (string | undefined | false)[]) => {
    const list = names.filter(Boolean).join(' ');
    return list ? ` class="${list}"` : '';
  };
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading': {
        const id = b.id ? ` id="${escapeHtml(b.id)}"` : '';
        return `<h${b.level}${id}${attr(classes.heading?.(b.level))}>${escapeHtml(b.text)}</h${b.level}>`;
      }
      case 'toc': {
        const items = b.entries.map((e) => `<li${attr(classes.listItem)}><a${attr(classes.link)} href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`);
        return `<nav aria-label="${escapeHtml(b.title)}"${attr(classes.toc)}><h2${attr(classes.heading?.(2))}>${escapeHtml(b.title)}</h2>` +
          `<ol${attr(classes.list)}>${items.join('')}</ol></nav>`;
      }
      // A web page has no pages to turn.
      case 'landscape': return '';
      case 'paragraph': return `<p${attr(classes.paragraph)}>${escapeHtml(b.text)}</p>`;
      case 'list': {
        const tag = b.isOrdered ? 'ol' : 'ul';
        return `<${tag}${attr(classes.list)}>${b.items.map((i) => `<li${attr(classes.listItem)}>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
      }
      case 'facts': return `<dl${attr(classes.facts)}>${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
      case 'figure': {
        // The chart inline, so its title and description reach screen readers, then its table. The ids inside the SVG
        // (title, description, clip paths) get the figure's own prefix: a page with several charts has unique ids.
        const prefix = `fig${++figures}`;
        const svg = b.svg.replace(/\b(chart-title|chart-desc|zr-)/g, (id) => `${prefix}-${id}`);
        return `<figure>${svg}</figure>\n${block(b.table)}`;
      }
      case 'table': {
        const num = (i: number) => b.columns[i].isNumeric && 'num';
        const label = (i: number) => classes.cellLabel && b.columns[i].label
          ? `<span class="${classes.cellLabel}" aria-hidden="true">${escapeHtml(b.columns[i].label)}</span>` : '';
        const head = b.columns.map((c, i) => `<th scope="col"${attr(classes.headerCell, num(i))}>${escapeHtml(c.label)}</th>`).join('');
        const rows = b.rows.map((r) => {
          const cells = r.cells.map((c, i) => i === 0 && r.isTotal
            ? `<th scope="row"${attr(classes.headerCell)}>${escapeHtml(c)}</th>`
            : `<td${attr(classes.cell, num(i))}>${label(i)}${escapeHtml(c)}</td>`).join('');
          return `<tr${attr(classes.row, r.isTotal && 'total', r.isSub && 'sub')}>${cells}</tr>`;
        });
        const id = `tabel-${++tables}`;
        const table = `<table${attr(classes.table)}><caption${classes.tableRegion ? ` id="${id}"` : ''}${attr(classes.caption)}>${escapeHtml(b.caption)}</caption>` +
          `<thead${attr(classes.thead)}><tr${attr(classes.row)}>${head}</tr></thead><tbody${attr(classes.tbody)}>${rows.join('')}</tbody></table>`;
        return classes.tableRegion ? `<div${attr(classes.tableRegion)} role="region" tabindex="0" aria-labelledby="${id}">${table}</div>` : table;
      }
    }
  };
  return blocks.map(block).filter(Boolean).join('\n');
}
