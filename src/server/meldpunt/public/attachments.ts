import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { nl } from '../../../text/nl.ts';
import type { FieldError } from '../../../domain/errors.ts';

/*
 * Attachments of a melding (issue 13, docs/privacy.md): JPEG, PNG or PDF, told by the content (magic bytes), never by
 * the name; at most 5 files of at most 10 MB. Before anything is stored:
 * - a photo is decoded and encoded again with sharp: turned upright by its orientation, then written without any
 *   metadata (EXIF, XMP, IPTC, GPS, ICC profile – sharp keeps none unless asked);
 * - a PDF gets its document information (author, creator, producer, title …) and its XMP packets overwritten with
 *   spaces (the same length, so the file's offsets stay right). A PDF whose metadata we cannot reach (compressed
 *   object streams, a compressed metadata stream, encryption) or that holds a photo with EXIF is refused with the
 *   reason: better no file than a file that betrays the reporter.
 */

const F = nl.meldpuntPublic.fields;
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export type MediaType = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface Upload { name: string; bytes: Buffer }
export interface CleanFile { mediaType: MediaType; bytes: Buffer; sha256: string }

/** The media type by the first bytes, or null. */
export function sniff(bytes: Buffer): MediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  return null;
}

/** Writes spaces over a range of the buffer. */
const blank = (buf: Buffer, from: number, to: number) => buf.fill(0x20, from, to);

const INFO_KEYS = /\/(Author|Creator|Producer|Title|Subject|Keywords|CreationDate|ModDate)\s*(\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g;

/** The PDF with its document information and XMP blanked, or null when its metadata cannot be reached. */
export function neutralisePdf(input: Buffer): Buffer | null {
  const out = Buffer.from(input);
  const text = out.toString('latin1');
  if (/\/ObjStm\b|\/Encrypt\b/.test(text)) return null;
  for (const m of text.matchAll(INFO_KEYS)) {
    const start = m.index + m[0].length - m[2].length;
    // "(…)" becomes "()" and spaces: a valid empty string of the same length.
    out.write(m[2].startsWith('(') ? '()' : '<>', start, 'latin1');
    blank(out, start + 2, start + m[2].length);
  }
  let packets = 0;
  for (const m of text.matchAll(/<\?xpacket begin[\s\S]*?<\?xpacket end[^>]*>|<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g)) {
    blank(out, m.index, m.index + m[0].length);
    packets++;
  }
  // A metadata stream we could not read (compressed), or a photo inside that still carries EXIF or XMP.
  if ((text.match(/\/Type\s*\/Metadata\b/g) ?? []).length > packets) return null;
  const after = out.toString('latin1');
  if (after.includes('Exif\0\0') || after.includes('http://ns.adobe.com/xap/')) return null;
  return out;
}

/** Checks and cleans the uploads; the field errors say per file what is wrong. */
export async function cleanUploads(uploads: Upload[]): Promise<{ files: CleanFile[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const files: CleanFile[] = [];
  const nonEmpty = uploads.filter((u) => u.bytes.length > 0);
  if (nonEmpty.length > MAX_FILES) return { files, errors: [{ path: 'bestanden', message: F.tooManyFiles }] };
  for (const u of nonEmpty) {
    const name = u.name.slice(0, 100) || 'bestand';
    if (u.bytes.length > MAX_FILE_BYTES) { errors.push({ path: 'bestanden', message: F.fileTooBig(name) }); continue; }
    const type = sniff(u.bytes);
    if (!type) { errors.push({ path: 'bestanden', message: F.fileType(name) }); continue; }
    let bytes: Buffer | null;
    if (type === 'application/pdf') {
      bytes = neutralisePdf(u.bytes);
      if (!bytes) { errors.push({ path: 'bestanden', message: F.pdfHidden(name) }); continue; }
    } else {
      try {
        const image = sharp(u.bytes, { failOn: 'error', limitInputPixels: 50_000_000 });
        const meta = await image.metadata();
        if (meta.format !== (type === 'image/jpeg' ? 'jpeg' : 'png')) throw new Error('format');
        // Without withMetadata()/keepExif(): the output has no EXIF, XMP, IPTC or GPS.
        bytes = type === 'image/jpeg' ? await image.rotate().jpeg({ quality: 85, mozjpeg: true }).toBuffer() : await image.rotate().png().toBuffer();
      } catch {
        errors.push({ path: 'bestanden', message: F.fileBroken(name) });
        continue;
      }
    }
    files.push({ mediaType: type, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return { files, errors };
}
