import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/text/nl/help.ts';
import { proposalText } from '../../src/text/nl/proposal.ts';
import { publicSiteText } from '../../src/text/nl/public-site.ts';
import { nl } from '../../src/text/nl/web.ts';

/*
 * The web app's main chunk – the entry script and every chunk it loads at start – carries no copy of the public site
 * (the server renders it), of the collegevoorstel or of the help pages: their pages load lazily and import their rooms
 * of src/text/nl/ themselves. Importing one of those rooms into a page or component of the main chunk fails this test.
 *
 * It reads the built app in dist/web and does not build it: `npm test` runs `vite build` first. Without a current
 * build the test fails under CI and is skipped otherwise.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist/web');
const isCi = !!process.env.CI;

/** Why the build cannot be checked: missing, or older than the sources it is built from; null when it can. */
function buildProblem(): string | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return `${index} does not exist: run \`npx vite build\` first (\`npm test\` does).`;
  const built = statSync(index).mtimeMs;
  const newer = ['src/web', 'src/text', 'src/domain']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built)
    .map((e) => join(e.parentPath, e.name).slice(root.length));
  if (newer.length) return `dist/web is older than ${newer.slice(0, 3).join(', ')}: run \`npx vite build\` first.`;
  return null;
}

const problem = buildProblem();
if (problem && !isCi) console.warn(`web-bundle-text.test.ts skipped: ${problem}`);

/** The chunks loaded at start: the entry script, the chunks it preloads and, transitively, those it imports statically. */
function mainChunks(): Map<string, string> {
  if (problem) throw new Error(problem);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*\ssrc="\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/web/index.html has no module script');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const chunks = new Map<string, string>();
  const queue = [entry, ...preloads];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (chunks.has(file)) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    chunks.set(file, code);
    // Static imports and re-exports (`import{a as b}from"./x.js"`, `import"./x.js"`); not `import("./x.js")`.
    for (const m of code.matchAll(/(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]));
    }
  }
  return chunks;
}

/** Every JavaScript chunk of the build, lazy ones included. */
function allChunks(): string[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8'));
}

/** The plain strings in a piece of copy (functions' templates left out). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const webStrings = new Set(strings(nl));
/**
 * Sentences only the room holds (not also the web copy's), long enough to be its own and without characters a
 * minifier escapes, so they appear in the built code as written.
 */
const ownSentences = (room: unknown) => strings(room).filter((s) => s.length >= 30 && !webStrings.has(s) && !/["'`\\$\n]/.test(s));

const rooms = {
  'public site (text/nl/public-site.ts)': ownSentences(publicSiteText),
  'collegevoorstel (text/nl/proposal.ts)': ownSentences(proposalText),
  'help pages (text/nl/help.ts)': ownSentences(helpText),
};

describe.skipIf(!!problem && !isCi)('the web app\'s main chunk', () => {
  it('is found, and holds the web copy', () => {
    const main = [...mainChunks().values()].join('\n');
    expect(main).toContain(nl.errors.network);
    expect(main).toContain(nl.form.conflictTitle);
  });

  it.each(Object.entries(rooms))('leaves out the copy of the %s', (_, sentences) => {
    expect(sentences.length, 'sentences to look for').toBeGreaterThan(5);
    // They are in the build (a lazy chunk), so not finding them in the main chunk means something.
    const everything = allChunks().join('\n');
    expect(sentences.filter((s) => !everything.includes(s)), 'sentences missing from the whole build').toEqual([]);
    const found = [...mainChunks()].flatMap(([file, code]) => sentences.filter((s) => code.includes(s)).map((s) => `${file}: ${s}`));
    expect(found, 'sentences in the main chunk').toEqual([]);
  });
});
