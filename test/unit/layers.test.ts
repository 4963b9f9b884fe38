import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The floors of the code (docs/architecture.md, ADR 0019): every import goes down a floor, or sideways inside its own
 * room, never up; there are no import circles; nothing outside the web app imports it; and the core names no entity.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** The floors, lowest first. A room may import its own floor's room and every room below it. */
export const FLOORS = ['domain', 'text', 'db', 'core', 'http', 'accounts', 'plans', 'monitoring', 'documents', 'public-site', 'meldpunt', 'cases', 'app'] as const;

/** The room of a file under src/: its top folder, under src/server its folder there (top-level files: 'app'). */
export function roomOf(file: string): string {
  const [top, second, third] = relative(SRC, file).split(/[\\/]/);
  if (top !== 'server') return top;
  return third === undefined ? 'app' : second;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The relative imports of a source text: static, re-exports, type-only and dynamic ones. */
export function importsOf(text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1]);
}

/** The import graph of src/: file → the files it imports. */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    edges.set(file, importsOf(readFileSync(file, 'utf8')).map((spec) => resolve(dirname(file), spec)));
  }
  return edges;
}

/** Why an import from one file to another breaks the floors, or null when it does not. */
export function violation(from: string, to: string): string | null {
  const a = roomOf(from);
  const b = roomOf(to);
  if (b === 'web' && a !== 'web') return `${a} imports the web app`;
  if (a === 'web') return ['web', 'domain', 'text'].includes(b) ? null : `the web app imports ${b}`;
  const fa = FLOORS.indexOf(a as (typeof FLOORS)[number]);
  const fb = FLOORS.indexOf(b as (typeof FLOORS)[number]);
  if (fa < 0) return `${a} is no room on a floor`;
  if (fb < 0) return `${b} is no room on a floor`;
  return fb > fa ? `${a} imports ${b}, a floor up` : null;
}

/** The strongly connected components with more than one file (or a file importing itself): the import circles. */
export function circles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}

const rel = (f: string) => relative(ROOT, f);

describe('the floors of the code', () => {
  const edges = graph();

  it('every import goes down a floor or sideways inside its room, and only the web app imports src/web', () => {
    const wrong = [...edges].flatMap(([from, tos]) => tos.flatMap((to) => {
      const why = violation(from, to);
      return why ? [`${rel(from)} → ${rel(to)}: ${why}`] : [];
    }));
    expect(wrong).toEqual([]);
  });

  it('has no import circles', () => {
    expect(circles(edges).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('the core names no entity: what an entity adds is a slot of its definition', () => {
    const entity = /\b(plans?|themes?|goals?|activit(y|ies)|indicators?|measurements?|budget|spending|decisions?|rounds?|people|persons?|meldingen|melding|cases?|adopt\w*)\b/i;
    const named = sourceFiles(join(SRC, 'server/core')).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, n) => (entity.test(line) ? [`${rel(file)}:${n + 1}: ${line.trim()}`] : [])));
    expect(named).toEqual([]);
  });

  // The checks themselves must be able to fail.
  it('recognises an upward import, an import of the web app, and a circle', () => {
    expect(violation(join(SRC, 'server/core/read.ts'), join(SRC, 'server/plans/resources.ts'))).toMatch(/floor up/);
    expect(violation(join(SRC, 'server/plans/resources.ts'), join(SRC, 'server/core/read.ts'))).toBeNull();
    expect(violation(join(SRC, 'server/documents/tree.ts'), join(SRC, 'web/lib/paths.ts'))).toMatch(/web app/);
    expect(violation(join(SRC, 'domain/progress.ts'), join(SRC, 'text/format.ts'))).toMatch(/floor up/);
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['c', 'b', 'a']]);
    expect(importsOf(`import type { X } from './x.ts';\nexport { y } from '../y.ts';\nconst z = () => import('./z.ts');`)).toEqual(['./x.ts', '../y.ts', './z.ts']);
  });
});
