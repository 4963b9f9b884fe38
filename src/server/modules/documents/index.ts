import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import type { DocumentTree } from './tree.ts';

/** The formats of every document (council document, reports), with their media type and renderer. */
export const DOCUMENT_FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderDocx },
  pdf: { type: 'application/pdf', render: renderPdf },
  html: { type: 'text/html; charset=utf-8', render: (doc: DocumentTree) => Promise.resolve(Buffer.from(renderHtml(doc))) },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;
