import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Api, Session } from './api.ts';

/*
 * Helpers for tests of generated documents (council document, reports): downloads as bytes, a look inside a .docx, and
 * the real readers – LibreOffice, pdftoppm, pdftotext – where installed.
 */

/** A download as bytes (the test client reads bodies as text). */
export async function download(api: Api, url: string, session: Session | null = api.session) {
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const res = await api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** One file out of a zip (a .docx is one), read from its central directory. */
export function unzipEntry(zip: Buffer, name: string): string | null {
  const bytes = unzipBytes(zip, name);
  return bytes ? bytes.toString('utf8') : null;
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

function unzipBytes(zip: Buffer, name: string): Buffer | null {
  let found: Buffer | null = null;
  walkZip(zip, (entry, read) => {
    if (entry !== name) return false;
    found = read();
    return true;
  });
  return found;
}

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

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!);
/** Text of a document without its markup or any white space: table cells wrap titles over lines. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
export const textOfXml = (xml: string) => unescapeXml(xml.replace(/<[^>]+>/g, ''));

/**
 * The real readers a test needs, or the ones missing. In CI they are required (.ci/run installs them); locally a
 * test is skipped, loudly.
 */
export function missingReaders(what: string): string[] {
  const missing = ['soffice', 'pdftoppm', 'pdftotext'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length && process.env.CI) throw new Error(`The real-reader test needs ${missing.join(', ')} in CI`);
  if (missing.length) console.warn(`\n*** SKIPPED: the real-reader test of ${what} needs ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils) ***\n`);
  return missing;
}

/**
 * Reads a document as its users' software does: LibreOffice converts the .docx to PDF, pdftoppm renders our PDF and
 * LibreOffice's, and pdftotext of each must hold every expected text. Returns the page counts.
 */
export function readWithRealReaders(files: { docx: Buffer; pdf: Buffer }, expected: string[]): { pdf: number; libreOffice: number } {
  const dir = mkdtempSync(join(tmpdir(), 'regie-documents-'));
  try {
    writeFileSync(join(dir, 'doc.docx'), files.docx);
    writeFileSync(join(dir, 'doc.pdf'), files.pdf);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, 'doc.docx')], { stdio: 'pipe', timeout: 120_000 });
    const pages: number[] = [];
    for (const [n, pdf] of [join(dir, 'doc.pdf'), join(dir, 'lo', 'doc.pdf')].entries()) {
      pages.push(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]));
      execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '2', pdf, join(dir, `page${n}`)], { stdio: 'pipe' });
      // pdftoppm pads the page number to the width of the page count: page0-1.png, page0-01.png.
      const first = readdirSync(dir).filter((f) => f.startsWith(`page${n}-`)).sort()[0];
      expect(first, `a page image of ${pdf}`).toBeDefined();
      expect(readFileSync(join(dir, first)).subarray(1, 4).toString()).toBe('PNG');
      const text = squeeze(execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\u00ad/g, ''));
      for (const t of expected) expect(text, `${t} in ${pdf}`).toContain(squeeze(t));
    }
    return { pdf: pages[0], libreOffice: pages[1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
