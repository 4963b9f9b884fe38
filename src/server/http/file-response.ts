import { z } from 'zod';

/**
 * The body of a download: the bytes (a Buffer) or the text of a file. In the OpenAPI document a binary string
 * (`type: string, format: binary`); never serialised as JSON – Fastify sends a Buffer, and a string with a media type
 * that is not JSON, as it is.
 */
export const ZFileBody = z
  .custom<Buffer | string>((v) => typeof v === 'string' || Buffer.isBuffer(v), 'Een bestand')
  .meta({ type: 'string', format: 'binary' });

/**
 * A route's 200 answer that is a file, for its response schema beside `problems`:
 * `response: { 200: fileResponse('application/pdf', 'Het document als PDF'), ...problems }`. It takes the
 * Content-Type the route sends; the document names its media type without parameters (`text/html`, not
 * `text/html; charset=utf-8`).
 */
export const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType.split(';')[0].trim()]: { schema: ZFileBody } },
});
