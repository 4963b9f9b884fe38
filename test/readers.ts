import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Api, Session } from './api.ts';

/*
 * Generated files opened the way users open them: downloads as bytes, the parts of a zip (.docx, .xlsx), and the real
 * readers – LibreOffice converts Word and Excel files to PDF, poppler renders PDFs and reads their text. Without the
 * readers the tests that need them are skipped, loudly; in CI they are required (.ci/run installs them).
 */

/** A download as bytes (the test client reads bodies as text). */
export async function download(api: Api, url: string, session: Session | null = api.session) {
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const res = await api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** Walks a zip's central directory (a .docx or .xlsx is a zip); `visit` returns true to stop. */
function walkZip(zip: Buffer, visit: (name: string, read: () => Buffer) => boolean): void {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const read = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    };
    if (visit(zip.toString('utf8', at + 46, at + 46 + nameLength), read)) return;
    at += 46 + skip;
  }
}

/** One file out of a zip, as text. */
export function unzipEntry(zip: Buffer, name: string): string | null {
  let found: string | null = null;
  walkZip(zip, (entry, read) => {
    if (entry === name) found = read().toString('utf8');
    return found !== null;
  });
  return found;
}

/** The names of the files in a zip. */
export function zipEntries(zip: Buffer): string[] {
  const names: string[] = [];
  walkZip(zip, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

/** Text without any white space: table cells wrap titles over lines. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!);
/** The text of an XML or HTML part, without its markup. */
export const textOfXml = (xml: string) => unescapeXml(xml.replace(/<[^>]+>/g, ''));

const MISSING = ['soffice', 'pdftoppm', 'pdftotext'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

/** Whether the real readers are here; in CI their absence fails the run, elsewhere it is said loudly. */
export function hasReaders(what: string): boolean {
  if (MISSING.length && process.env.CI) throw new Error(`${what} needs ${MISSING.join(', ')} in CI`);
  if (MISSING.length) console.warn(`\n*** SKIPPED: ${what} needs ${MISSING.join(', ')} (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils) ***\n`);
  return MISSING.length === 0;
}

/** A scratch folder for the readers, removed afterwards. */
export async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'regie-readers-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice converts a Word or Excel file to PDF (or saves it again, as .xlsx); it fails the test when it cannot. The new file's path. */
export function convertToPdf(dir: string, file: string, format: 'pdf' | 'xlsx' = 'pdf'): string {
  const out = join(dir, `lo-${format}`);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', format, '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
  const converted = join(out, basename(file).replace(/\.[a-z]+$/, `.${format}`));
  if (!existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${format}`);
  return converted;
}

/** Renders a PDF's first pages with pdftoppm and reads its text with pdftotext: its page count and text. */
export function readPdf(dir: string, pdf: string): { pages: number; text: string } {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { stdio: ['ignore', 'pipe', 'ignore'] }).toString())![1]);
  const prefix = join(dir, `page-${basename(dirname(pdf))}-${basename(pdf, '.pdf')}`);
  execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '2', pdf, prefix], { stdio: 'pipe' });
  // pdftoppm pads the page number to the digits of the document's last page.
  const first = readFileSync(`${prefix}-${'1'.padStart(String(pages).length, '0')}.png`);
  if (first.subarray(1, 4).toString() !== 'PNG') throw new Error(`pdftoppm did not render ${pdf}`);
  return { pages, text: execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\u00ad/g, '') };
}

/**
 * A Word document and our PDF of it opened in the real readers: LibreOffice converts the .docx to PDF, pdftoppm renders
 * both PDFs, and the text of each must hold every expected string. Their page counts.
 */
export function readWithRealReaders(files: { docx: Buffer; pdf: Buffer }, expected: string[]): Promise<{ pdf: number; libreOffice: number }> {
  return withScratch(async (dir) => {
    writeFileSync(join(dir, 'doc.docx'), files.docx);
    writeFileSync(join(dir, 'doc.pdf'), files.pdf);
    const [pdf, libreOffice] = [join(dir, 'doc.pdf'), convertToPdf(dir, join(dir, 'doc.docx'))].map((file) => {
      const { pages, text } = readPdf(dir, file);
      for (const t of expected) expect(squeeze(text), `${t} in ${file}`).toContain(squeeze(t));
      return pages;
    });
    return { pdf, libreOffice };
  });
}

/** What poppler reads of a PDF: pdfinfo's facts and XMP metadata, the structure tree (tags), and each page's size and text. */
export interface PdfInspection {
  /** `pdfinfo`: Title, Tagged, Pages … one per line. */
  info: string;
  /** `pdfinfo -meta`: the XMP metadata (dc:language, pdfuaid:part). */
  meta: string;
  /** `pdfinfo -struct`: the structure tree, one element per line (a heading with its text), its children indented under it. */
  structure: string;
  pages: { width: number; height: number; text: string }[];
}

export function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  return withScratch(async (dir) => {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    // poppler warns on stderr about attributes it does not know (BorderColor as an array); only stdout counts.
    const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const sizes = [...run('pdfinfo', '-f', '1', '-l', '100000', file).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)];
    // pdftotext separates the pages by a form feed.
    const texts = run('pdftotext', '-raw', file, '-').replace(/\u00ad/g, '').split('\f');
    return {
      info: run('pdfinfo', file),
      meta: run('pdfinfo', '-meta', file),
      // -struct, not -struct-text: the elements without their text, in a tenth of a second rather than half a minute.
      structure: run('pdfinfo', '-struct', file),
      pages: sizes.map((m, i) => ({ width: Number(m[1]), height: Number(m[2]), text: texts[i] ?? '' })),
    };
  });
}

/** Each element of a structure tree whose line starts with `tag` ("Table", "TH"), with the lines indented under it. */
export function structureElements(structure: string, tag: string): string[] {
  const lines = structure.split('\n');
  const indent = (line: string) => line.length - line.trimStart().length;
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (line.trimStart().split(/[\s:]/)[0] !== tag) return;
    let end = i + 1;
    while (end < lines.length && (indent(lines[end]) > indent(line) || !lines[end].trim())) end++;
    found.push(lines.slice(i, end).join('\n'));
  });
  return found;
}
