import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Api, Session } from './api.ts';

/*
 * Helpers for the tests of generated documents: downloads as bytes, the text inside a .docx, and the real readers
 * (LibreOffice, poppler) – which CI requires and a local run skips, loudly, when they are missing.
 */

/** A download as bytes (the test client reads bodies as text). */
export async function download(api: Api, url: string, session: Session | null = api.session) {
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const res = await api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** One file out of a zip (a .docx is one), read from its central directory. */
export function unzipEntry(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return null;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!);
/** Text of a document without its markup or any white space: table cells wrap titles over lines. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
export const textOfXml = (xml: string) => unescapeXml(xml.replace(/<[^>]+>/g, ''));

/** The real readers missing on this machine; throws in CI, where they are required; warns loudly otherwise. */
export function missingReaders(what: string): string[] {
  const missing = ['soffice', 'pdftoppm', 'pdftotext'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length && process.env.CI) throw new Error(`The real-reader test needs ${missing.join(', ')} in CI`);
  if (missing.length) console.warn(`\n*** SKIPPED: the real-reader test of ${what} needs ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils) ***\n`);
  return missing;
}

/** A scratch folder for the readers, removed afterwards. */
export async function withScratchDir<T>(work: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'regie-documents-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice converts a .docx to PDF (it fails on a file it cannot open); returns the PDF's path. */
export function convertWithLibreOffice(dir: string, name: string, docx: Buffer): string {
  writeFileSync(join(dir, `${name}.docx`), docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, `${name}.docx`)], { stdio: 'pipe', timeout: 120_000 });
  return join(dir, 'lo', `${name}.pdf`);
}

/** The text of a PDF as pdftotext reads it, without soft hyphens. */
export const pdfText = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\u00ad/g, '');
