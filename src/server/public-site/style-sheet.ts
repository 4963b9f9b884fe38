import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import postcss, { type AtRule, type Container, type Root } from 'postcss';

/*
 * The public site's one style sheet (ADR 0022): of the NL Design System's (Utrecht) component library only the rules
 * whose classes the pages use, of its design tokens only the custom properties those rules (and the site's own layout)
 * read, then site.css. Built once per process from the installed packages, so a package update needs no step; served
 * under its hash, so browsers keep it for good.
 */

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');

/** The Utrecht class names a source text names: `utrecht-heading-2`, `utrecht-table__cell`, `utrecht-link--html-a` … */
export function utrechtClassesIn(text: string): Set<string> {
  return new Set(text.match(/utrecht-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9]+(?:-[a-z0-9]+)*)?(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?/g) ?? []);
}

/** Whether every class a selector requires is one the pages use (classes inside :not(), :is() … do not count). */
function selectorMatches(selector: string, used: Set<string>): boolean {
  let plain = selector;
  // Drop the arguments of functional pseudo-classes, innermost first: `:not(.a)` asks for the absence of a class.
  for (let prev = ''; prev !== plain;) [prev, plain] = [plain, plain.replace(/:[a-z-]+\([^()]*\)/g, '')];
  const classes = [...plain.matchAll(/\.([a-zA-Z0-9_-]+)/g)].map((m) => m[1]);
  return classes.length > 0 && classes.every((c) => used.has(c));
}

/** Removes the rules none of whose selectors match, the selectors that do not, and at-rules left empty. */
function keepUsedRules(root: Container, used: Set<string>) {
  root.each((node) => {
    if (node.type === 'rule') {
      const kept = node.selectors.filter((s) => selectorMatches(s, used));
      if (kept.length) node.selectors = kept;
      else node.remove();
    } else if (node.type === 'atrule') {
      if (node.name === 'charset' || node.name === 'font-face') node.remove();
      else if (node.name !== 'keyframes' && node.nodes) {
        keepUsedRules(node, used);
        if (!node.nodes.length) node.remove();
      }
    }
  });
}

const varsIn = (value: string) => [...value.matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]);

/** Keeps of the tokens only the custom properties read (directly or through another token) by the given CSS. */
function keepReadTokens(tokens: Root, readers: Root[]) {
  const read = new Set<string>();
  for (const r of readers) r.walkDecls((d) => varsIn(d.value).forEach((v) => read.add(v)));
  // A token's value may read other tokens: follow them until nothing new turns up.
  const values = new Map<string, string[]>();
  tokens.walkDecls((d) => { if (d.prop.startsWith('--')) values.set(d.prop, [...(values.get(d.prop) ?? []), d.value]); });
  const queue = [...read];
  while (queue.length) {
    for (const value of values.get(queue.pop()!) ?? []) {
      for (const v of varsIn(value)) if (!read.has(v)) { read.add(v); queue.push(v); }
    }
  }
  tokens.walkDecls((d) => { if (d.prop.startsWith('--') && !read.has(d.prop)) d.remove(); });
  tokens.walkRules((r) => { if (!r.nodes.length) r.remove(); });
  tokens.walkAtRules((a: AtRule) => { if (a.nodes && !a.nodes.length) a.remove(); });
}

/** Drops the @keyframes no kept rule animates with. */
function keepUsedKeyframes(root: Root) {
  const text = root.toString();
  root.walkAtRules('keyframes', (k) => {
    if (!new RegExp(`animation(-name)?\\s*:[^;}]*\\b${k.params}\\b`).test(text.replace(k.toString(), ''))) k.remove();
  });
}

/** The subset for the classes that the given page sources name, followed by site.css. */
export function buildPublicStyleSheet(pageSources: string[]): string {
  const site = read(join(import.meta.dirname, 'site.css'));
  const used = new Set([...pageSources, site].flatMap((s) => [...utrechtClassesIn(s)]));
  const components = postcss.parse(read(require.resolve('@utrecht/component-library-css/dist/index.css')));
  keepUsedRules(components, used);
  keepUsedKeyframes(components);
  const tokens = postcss.parse(read(require.resolve('@utrecht/design-tokens/dist/index.css')));
  keepUsedRules(tokens, used);
  keepReadTokens(tokens, [components, postcss.parse(site)]);
  for (const root of [components, tokens]) root.walkComments((c) => { c.remove(); });
  const css = [tokens, components].map((r) => r.toString().replace(/\n\s*\n/g, '\n').trim()).join('\n');
  return `/* NL Design System (Utrecht, EUPL-1.2): the rules and tokens these pages use */\n${css}\n${site}`;
}

let sheet: { name: string; css: string } | undefined;

/** The site's style sheet and its hashed file name, built on first use (pages.ts and the document classes it names). */
export function publicStyleSheet(): { name: string; css: string } {
  if (!sheet) {
    const css = buildPublicStyleSheet([read(join(import.meta.dirname, 'pages.ts'))]);
    sheet = { name: `site-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`, css };
  }
  return sheet;
}
