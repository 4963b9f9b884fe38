import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { fillToken } from '../src/server/meldpunt/public/abuse.ts';

/*
 * The public meldformulier as a browser without JavaScript sends it (issue 13): urlencoded and multipart posts, the
 * hidden fields of a page, and a photo with GPS in its EXIF. For test/api/meldpunt-public.test.ts and the privacy proof.
 */

export interface FormFile { name: string; type: string; bytes: Buffer }

/** A multipart/form-data body. */
export function multipart(fields: Record<string, string>, files: FormFile[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----regie${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="bestanden"; filename="${f.name}"\r\ncontent-type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const urlencoded = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The value of a hidden (or any) input of a page. */
export const inputValue = (html: string, name: string) =>
  new RegExp(`name="${name}"[^>]*? value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

/** A photo whose EXIF has a camera maker and a GPS position. */
export const photoWithGps = (marker = 'EXIFMARKER') => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03030' } }).jpeg()
  .withExif({ IFD0: { Make: marker, Artist: `${marker}-ARTIST` }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 16/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 14/1 0/1' } })
  .toBuffer();

export interface Submit {
  category?: string;
  answers?: Record<string, string>;
  fields?: Record<string, string>;
  files?: FormFile[];
  key?: string;
  inject?: Partial<InjectOptions>;
}

/** Step 3 of the form, posted as a browser does (the fill time long past). */
export async function submitForm(app: FastifyInstance, address: string, s: Submit = {}) {
  const answers = s.answers ?? { wat: 'Er wordt ’s nachts gehandeld bij de garageboxen.', waar: 'Garageboxen achter de Dorpsstraat' };
  const body = multipart({
    stap: '3', categorie: s.category ?? 'ondermijning', sleutel: s.key ?? randomBytes(18).toString('base64url'), tijd: fillToken(Date.now() - 60_000),
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`q_${k}`, v])), ...s.fields,
  }, s.files);
  const res = await app.inject({ method: 'POST', url: `/openbaar/${address}/melden/melding`, ...body, ...s.inject, headers: { ...body.headers, ...s.inject?.headers } } as InjectOptions);
  return { status: res.statusCode, html: res.body, headers: res.headers };
}

/** The meldcode and phrase on a receipt. */
export const secretsOf = (html: string) => ({
  code: /data-testid="meldcode">([^<]+)</.exec(html)?.[1] ?? '',
  phrase: /data-testid="meldzin">([^<]+)</.exec(html)?.[1] ?? '',
});
