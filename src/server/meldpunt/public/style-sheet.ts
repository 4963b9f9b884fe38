import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPublicStyleSheet } from '../../public-site/style-sheet.ts';

/*
 * The meldformulier's style sheet (ADR 0022): the public site's subset of NL Design System plus the rules of the form
 * classes these pages name (form fields, text boxes, buttons, alerts). Its own sheet, so the site's pages do not carry
 * the form's rules; served under its hash like the site's.
 */

/** Where the sheet is served, under a meldpunt's address (any: it is the same sheet). */
export const MELDEN_STYLE_DIR = 'stijl';
let sheet: { name: string; css: string } | undefined;

export function meldenStyleSheet(): { name: string; css: string } {
  if (!sheet) {
    const own = readFileSync(join(import.meta.dirname, 'melden.css'), 'utf8');
    const sources = [join(import.meta.dirname, '../../public-site/pages.ts'), join(import.meta.dirname, 'pages.ts')].map((f) => readFileSync(f, 'utf8'));
    const css = `${buildPublicStyleSheet([...sources, own])}\n${own}`;
    sheet = { name: `melden-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`, css };
  }
  return sheet;
}
