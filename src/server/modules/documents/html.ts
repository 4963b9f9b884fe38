import { createHash } from 'node:crypto';
import type { Block, DocumentTree } from './tree.ts';

/*
 * The document as one accessible HTML page: lang="nl", headings in order, tables with a caption and column headers
 * (th scope="col"), total rows headed by a th scope="row", facts as a definition list. The style sheet is inline in a
 * <style> element – the page is a download that must stand on its own – and no script.
 */

const escape = (s: string) =>
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
  let figures = 0;
  const block = (b: Block): string => (b.kind === 'figure' ? figure(b, `fig${++figures}`) : simple(b));
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${doc.blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}

/**
 * A chart inline, so its title and description reach screen readers, followed by its table. The ids inside the SVG
 * (its title, description and clip paths) get the figure's own prefix: a page with several charts has unique ids.
 */
function figure(b: Extract<Block, { kind: 'figure' }>, prefix: string): string {
  const svg = b.svg.replace(/\b(chart-title|chart-desc|zr-)/g, (id) => `${prefix}-${id}`);
  return `<figure>${svg}</figure>\n${simple(b.table)}`;
}

function simple(b: Exclude<Block, { kind: 'figure' }>): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}>${escape(b.text)}</h${b.level}>`;
    case 'paragraph': return `<p>${escape(b.text)}</p>`;
    case 'list': {
      const tag = b.isOrdered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escape(i)}</li>`).join('')}</${tag}>`;
    }
    case 'facts': return `<dl>${b.items.map((f) => `<dt>${escape(f.label)}</dt><dd>${escape(f.value)}</dd>`).join('')}</dl>`;
    case 'table': {
      const cls = (i: number) => (b.columns[i].isNumeric ? ' class="num"' : '');
      const head = b.columns.map((c, i) => `<th scope="col"${cls(i)}>${escape(c.label)}</th>`).join('');
      const rows = b.rows.map((r) => {
        const cells = r.cells.map((c, i) =>
          i === 0 && r.isTotal ? `<th scope="row">${escape(c)}</th>` : `<td${cls(i)}>${escape(c)}</td>`).join('');
        const rowClass = r.isTotal ? ' class="total"' : r.isSub ? ' class="sub"' : '';
        return `<tr${rowClass}>${cells}</tr>`;
      });
      return `<table><caption>${escape(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}
