import { z } from 'zod';
import { ZId } from './schemas.ts';

/*
 * Importing measurements from open-data files (CBS/Politie StatLine exports, and plain tables of region code,
 * indicator, period and value): the request, and the preview that shows what an import would write before anything is
 * written. The server parses and matches (src/server/modules/open-data/); the web app shows the preview.
 */

/** The largest file Regie takes: a StatLine export of all municipalities over many periods stays well below it. */
export const MAX_IMPORT_CHARS = 10 * 1024 * 1024;
/**
 * Columns per line: a StatLine export has a column per period and subject (some hundreds for monthly figures over
 * years); a table a handful. The review sent 100,000.
 */
export const MAX_IMPORT_COLUMNS = 1000;
/** Characters per cell: the longest StatLine heading is about 120. */
export const MAX_IMPORT_CELL_CHARS = 1000;
/**
 * Figures per file: all municipalities over twenty years and a dozen series is about 100,000. Each figure is kept in
 * memory while the file is compared; a file of empty cells ("x;x;x…") is 5 million figures in 10 MB.
 */
export const MAX_IMPORT_VALUES = 500_000;

export const ZMeasurementImportRequest = z.object({
  fileName: z.string().trim().min(1, { message: 'Verplicht veld' }).max(255),
  content: z.string().max(MAX_IMPORT_CHARS, { message: 'Het bestand is te groot: maximaal 10 MB' }),
  /** Per series in the file (its key), the indicator of the plan it goes to; null: not imported. Unnamed series are
   * matched on the indicator's import key, else on its name. */
  mapping: z.record(z.string().max(300), ZId.nullable()).optional(),
});
export type TMeasurementImportRequest = z.infer<typeof ZMeasurementImportRequest>;

/** The commit names the preview it confirms: when the data changed since, the import is refused (409). */
export const ZMeasurementImportCommit = ZMeasurementImportRequest.extend({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Bekijk eerst de voorbeeldweergave' }),
});
export type TMeasurementImportCommit = z.infer<typeof ZMeasurementImportCommit>;

export const IMPORT_FORMATS = ['statline', 'table'] as const;
export const IMPORT_CHANGES = ['new', 'changed', 'unchanged'] as const;

export const ZImportError = z.object({ line: z.number().int(), message: z.string() });
export type TImportError = z.infer<typeof ZImportError>;

const ZArea = z.object({ code: z.string(), name: z.string() });

export const ZImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS).nullable(),
  title: z.string().nullable(),
  /** The source the file names ("Politie"), written on each measurement. */
  source: z.string().nullable(),
  lineCount: z.number().int(),
  /** The series (columns or indicator names) in the file, and the indicator each goes to. */
  series: z.array(z.object({
    key: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    unit: z.string().nullable(),
    periods: z.array(z.string()),
    indicatorId: ZId.nullable(),
    /** How the indicator was chosen: by the request, by its import key, by its name, or not at all. */
    matchedBy: z.enum(['mapping', 'import_key', 'name', 'none']),
  })),
  areas: z.object({
    /** The plan owner's own municipality, and whether the file has figures for it. */
    own: ZArea.extend({ isInFile: z.boolean() }).nullable(),
    /** The plan's reference areas, and whether the file has figures for each. */
    references: z.array(ZArea.extend({ isInFile: z.boolean() })),
    /** Regions in the file that are neither: skipped. */
    otherCount: z.number().int(),
    /** Region names or codes Regie does not know, with the first line each appears on. */
    unknown: z.array(z.object({ text: z.string(), line: z.number().int() })),
    unknownCount: z.number().int(),
  }),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    /** Figures of the own or reference areas without a value in the file ("." in StatLine). */
    missing: z.number().int(),
  }),
  changes: z.array(z.object({
    line: z.number().int(),
    indicatorId: ZId,
    areaCode: z.string().nullable(),
    areaName: z.string(),
    periodLabel: z.string(),
    value: z.number(),
    isProvisional: z.boolean(),
    previousValue: z.number().nullable(),
    change: z.enum(IMPORT_CHANGES),
  })),
  errors: z.array(ZImportError),
  errorCount: z.number().int(),
  /** Whether the file can be imported: no errors, and at least one figure to write or compare. */
  isValid: z.boolean(),
  /** Names this preview; the commit sends it back. */
  fingerprint: z.string(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;
