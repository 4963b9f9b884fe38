import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../../domain/errors.ts';
import type {
  TImportError, TImportPreview, TImportResult, TMeasurementImportCommit, TMeasurementImportRequest,
} from '../../../domain/measurement-import.ts';
import type { TRegion } from '../../../domain/schemas.ts';
import type { Db } from '../../db/client.ts';
import { authorize, type RequestContext } from '../../core/access.ts';
import { writeAudit } from '../../core/audit.ts';
import { runIsolated, uploadText } from '../../core/upload.ts';
import { fromRow, getRecord, listRecords } from '../../core/read.ts';
import type { Record_ } from '../../core/resource.ts';
import * as R from '../../plans/resources.ts';
import { seriesKey, type ParsedFile } from './parse.ts';

/*
 * Importing measurements into a plan's indicators from an open-data file. The preview parses the file, matches its
 * regions (CBS codes, or StatLine's names) and its series (to indicators, by the request's mapping, the indicator's
 * import key or its name), and compares with what is stored: new, changed, unchanged. Nothing is written. The commit
 * does the same in one transaction and writes all or nothing, audited as one `import` event. Figures of the plan
 * owner's municipality become the indicator's own values; figures of the plan's reference areas become reference
 * measurements with their CBS code; other regions are skipped. Importing the same file again changes nothing.
 */

/** Older names StatLine used for a region. */
const REGION_ALIASES: Record<string, string> = { 'friesland (pv)': 'PV21', nederland: 'NL01' };

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The CBS regions Regie knows (reference data, migration 0009). */
export async function listRegions(db: Db): Promise<TRegion[]> {
  return (await db.query('select code, name, kind, province_code from cbs_regions order by kind, name')).map(fromRow) as TRegion[];
}

interface ImportContext {
  plan: Record_;
  ownCode: string | null;
  indicators: Record_[];
  regions: Map<string, TRegion>;
  regionByName: Map<string, TRegion>;
}

/** The plan, for who may import into it: 404 for who may not read it, 403 for who may not add measurements. */
async function importablePlan(tx: Db, planId: string, ctx: RequestContext): Promise<Record_> {
  const plan = await getRecord(tx, R.plans, planId, ctx);
  await authorize(tx, ctx, R.measurements, { planId, ownerId: plan.ownerId }, 'create');
  return plan;
}

async function loadContext(tx: Db, planId: string, ctx: RequestContext): Promise<ImportContext> {
  const plan = await importablePlan(tx, planId, ctx);
  const [owner] = await tx.query<{ cbs_code: string | null }>('select cbs_code from organisations where id = $1', [plan.ownerId]);
  const regionList = await listRegions(tx);
  const regions = new Map(regionList.map((r) => [r.code, r]));
  const regionByName = new Map(regionList.map((r) => [nameKey(r.name), r]));
  for (const [alias, code] of Object.entries(REGION_ALIASES)) regionByName.set(alias, regions.get(code)!);
  const indicators = await listRecords(tx, R.indicators, { planId });
  return { plan, ownCode: owner?.cbs_code ?? null, indicators, regions, regionByName };
}

interface Planned {
  line: number;
  indicatorId: string;
  areaCode: string | null;
  areaName: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  isProvisional: boolean;
  existing: { id: string; version: number; value: number; isProvisional: boolean } | null;
  change: 'new' | 'changed' | 'unchanged';
}

interface Stored {
  id: string;
  version: number;
  indicator_id: string;
  area_code: string | null;
  period_start: string;
  period_end: string;
  value: number;
  is_provisional: boolean;
}

const keyOf = (indicatorId: string, areaCode: string | null, start: string, end: string) => `${indicatorId}|${areaCode ?? ''}|${start}|${end}`;

/** Which indicator each series goes to, and how it was chosen. */
function matchSeries(parsed: ParsedFile, c: ImportContext, mapping: Record<string, string | null> | undefined) {
  const ids = new Set(c.indicators.map((i) => i.id));
  const unknown = Object.values(mapping ?? {}).filter((id) => id && !ids.has(id));
  if (unknown.length) {
    throw new AppError('validation', 'Kies indicatoren van dit plan', [{ path: 'mapping', message: 'Deze indicator hoort niet bij dit plan' }]);
  }
  return parsed.series.map((s) => {
    if (mapping && s.key in mapping) return { ...s, indicatorId: mapping[s.key], matchedBy: mapping[s.key] ? 'mapping' as const : 'none' as const };
    const byKey = c.indicators.find((i) => i.importKey === s.key);
    if (byKey) return { ...s, indicatorId: byKey.id, matchedBy: 'import_key' as const };
    const byName = c.indicators.find((i) => seriesKey(String(i.name)) === s.key);
    return byName ? { ...s, indicatorId: byName.id, matchedBy: 'name' as const } : { ...s, indicatorId: null, matchedBy: 'none' as const };
  });
}

/**
 * The file read in a worker thread with its own memory limit (parse.ts, core/upload.ts): a file that needs more
 * memory or time than that is one error, and the server is not held up meanwhile. Who may import is checked first;
 * the reading (seconds for a large file) happens outside any transaction: PGlite has one connection for everyone.
 */
async function readFile(db: Db, planId: string, content: string, ctx: RequestContext): Promise<ParsedFile> {
  await db.transaction((tx) => importablePlan(tx, planId, ctx));
  const read = await runIsolated<ParsedFile>(new URL('./parse.ts', import.meta.url), 'parseMeasurementFile', content);
  if (read.ok) return read.value;
  const message = `${uploadText.tooComplex}: kies een kleiner bestand, bijvoorbeeld alleen de regio’s en perioden die u nodig hebt`;
  return { format: null, title: null, source: null, series: [], values: [], errors: [{ line: 1, message }], lineCount: 0 };
}

/** The preview: parse, match and compare with what is stored. */
async function planImport(tx: Db, c: ImportContext, request: TMeasurementImportRequest, parsed: ParsedFile) {
  const series = matchSeries(parsed, c, request.mapping);
  const indicatorOf = new Map(series.map((s) => [s.key, s.indicatorId]));
  const references = (c.plan.referenceAreaCodes as string[]).filter((code) => code !== c.ownCode);
  const errors: TImportError[] = [...parsed.errors];
  const unknown = new Map<string, number>();
  const inFile = new Set<string>();
  const others = new Set<string>();
  const periods = new Map<string, Set<string>>(series.map((s) => [s.key, new Set()]));
  const firstLine = new Map<string, number>();
  const wanted: Omit<Planned, 'existing' | 'change'>[] = [];
  let missing = 0;

  for (const v of parsed.values) {
    periods.get(v.seriesKey)?.add(v.period.label);
    const region = v.regionCode ? c.regions.get(v.regionCode) : c.regionByName.get(nameKey(v.regionName ?? ''));
    if (!region) {
      const text = v.regionCode ?? v.regionName ?? '';
      if (!unknown.has(text)) unknown.set(text, v.line);
      continue;
    }
    const isOwn = region.code === c.ownCode;
    if (!isOwn && !references.includes(region.code)) {
      others.add(region.code);
      continue;
    }
    inFile.add(region.code);
    const indicatorId = indicatorOf.get(v.seriesKey);
    if (!indicatorId) continue;
    if (v.value === null) {
      missing++;
      continue;
    }
    const areaCode = isOwn ? null : region.code;
    const key = keyOf(indicatorId, areaCode, v.period.periodStart, v.period.periodEnd);
    if (firstLine.has(key)) {
      errors.push({ line: v.line, message: `Dubbele waarde voor ${region.name}, ${v.period.label} (regel ${v.line}; ook op regel ${firstLine.get(key)})` });
      continue;
    }
    firstLine.set(key, v.line);
    wanted.push({
      line: v.line, indicatorId, areaCode, areaName: region.name, value: v.value, periodLabel: v.period.label,
      periodStart: v.period.periodStart, periodEnd: v.period.periodEnd, isProvisional: v.period.isProvisional,
    });
  }

  const ids = [...new Set(wanted.map((w) => w.indicatorId))];
  const stored = ids.length
    ? await tx.query<Stored>(
        `select id, version, indicator_id, area_code, period_start, period_end, value, is_provisional from measurements
          where indicator_id = any($1::uuid[]) and kind = 'value' and (area_code is not null or area is null)
          order by created_at, id`,
        [ids],
      )
    : [];
  const existing = new Map<string, Stored>();
  for (const s of stored) {
    const key = keyOf(s.indicator_id, s.area_code, s.period_start, s.period_end);
    if (!existing.has(key)) existing.set(key, s);
  }
  const planned: Planned[] = wanted.map((w) => {
    const s = existing.get(keyOf(w.indicatorId, w.areaCode, w.periodStart, w.periodEnd));
    const before = s ? { id: s.id, version: s.version, value: s.value, isProvisional: s.is_provisional } : null;
    const change = !before ? 'new' : before.value === w.value && before.isProvisional === w.isProvisional ? 'unchanged' : 'changed';
    return { ...w, existing: before, change };
  });

  const area = (code: string) => ({ code, name: c.regions.get(code)?.name ?? code, isInFile: inFile.has(code) });
  const count = (change: Planned['change']) => planned.filter((p) => p.change === change).length;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([errors.length, planned.map((p) => [p.indicatorId, p.areaCode, p.periodStart, p.periodEnd, p.value, p.isProvisional, p.existing?.id, p.existing?.version])]))
    .digest('hex');
  const preview: TImportPreview = {
    fileName: request.fileName,
    format: parsed.format,
    title: parsed.title,
    source: parsed.source,
    lineCount: parsed.lineCount,
    series: series.map((s) => ({ ...s, periods: [...(periods.get(s.key) ?? [])] })),
    areas: {
      own: c.ownCode ? area(c.ownCode) : null,
      references: references.map(area),
      otherCount: others.size,
      unknown: [...unknown.entries()].slice(0, 50).map(([text, line]) => ({ text, line })),
      unknownCount: unknown.size,
    },
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), missing },
    changes: planned.map((p) => ({
      line: p.line, indicatorId: p.indicatorId, areaCode: p.areaCode, areaName: p.areaName, periodLabel: p.periodLabel,
      value: p.value, isProvisional: p.isProvisional, previousValue: p.existing?.value ?? null, change: p.change,
    })),
    errors: errors.sort((a, b) => a.line - b.line).slice(0, 200),
    errorCount: errors.length,
    isValid: errors.length === 0,
    fingerprint,
  };
  return { preview, planned, parsed };
}

/** What an import would write, without writing anything. */
export async function previewImport(db: Db, planId: string, request: TMeasurementImportRequest, ctx: RequestContext): Promise<TImportPreview> {
  const parsed = await readFile(db, planId, request.content, ctx);
  return db.transaction(async (tx) => (await planImport(tx, await loadContext(tx, planId, ctx), request, parsed)).preview);
}

/** The source written on imported measurements: the file's table and source, or its name. */
function sourceText(parsed: ParsedFile, fileName: string): string {
  const text = `${parsed.title ?? fileName}${parsed.source ? ` (bron: ${parsed.source})` : ''}`;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Writes the import the preview showed: all in one transaction, or nothing. */
export async function commitImport(db: Db, planId: string, request: TMeasurementImportCommit, ctx: RequestContext): Promise<TImportResult> {
  const file = await readFile(db, planId, request.content, ctx);
  return db.transaction(async (tx) => {
    const c = await loadContext(tx, planId, ctx);
    const { preview, planned, parsed } = await planImport(tx, c, request, file);
    if (!preview.isValid) {
      throw new AppError('validation', 'Het bestand bevat fouten; er is niets geïmporteerd', preview.errors.map((e) => ({ path: 'content', message: e.message })));
    }
    if (preview.fingerprint !== request.fingerprint) {
      throw new AppError('conflict', 'De gegevens zijn veranderd sinds de voorbeeldweergave. Bekijk de voorbeeldweergave opnieuw; er is niets geïmporteerd.');
    }
    const created = planned.filter((p) => p.change === 'new').map((p) => ({ ...p, id: randomUUID() }));
    const updated = planned.filter((p) => p.change === 'changed');
    const source = sourceText(parsed, request.fileName);
    if (created.length) {
      await tx.query(
        `insert into measurements (id, owner_id, indicator_id, period_label, period_start, period_end, kind, value, area, area_code, source, is_provisional)
         select t.id, $1, t.indicator_id, t.period_label, t.period_start, t.period_end, 'value', t.value, t.area, t.area_code, $2, t.is_provisional
           from unnest($3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[], $8::numeric[], $9::text[], $10::text[], $11::boolean[])
             as t(id, indicator_id, period_label, period_start, period_end, value, area, area_code, is_provisional)`,
        [
          c.plan.ownerId, source, created.map((p) => p.id), created.map((p) => p.indicatorId), created.map((p) => p.periodLabel),
          created.map((p) => p.periodStart), created.map((p) => p.periodEnd), created.map((p) => p.value),
          created.map((p) => (p.areaCode ? p.areaName : null)), created.map((p) => p.areaCode), created.map((p) => p.isProvisional),
        ],
      );
    }
    if (updated.length) {
      await tx.query(
        `update measurements m set value = t.value, is_provisional = t.is_provisional, source = $1, version = m.version + 1, updated_at = now()
           from unnest($2::uuid[], $3::numeric[], $4::boolean[]) as t(id, value, is_provisional) where m.id = t.id`,
        [source, updated.map((p) => p.existing!.id), updated.map((p) => p.value), updated.map((p) => p.isProvisional)],
      );
    }
    const result = { created: created.length, updated: updated.length, unchanged: preview.counts.unchanged };
    if (created.length || updated.length) {
      await writeAudit(tx, ctx.audit, {
        action: 'import', organisationId: c.plan.ownerId, entity: 'plans', entityId: planId,
        after: {
          fileName: request.fileName, format: preview.format, source, ...result,
          measurements: [...created, ...updated].map((p) => ({
            id: 'id' in p ? p.id : p.existing!.id, indicatorId: p.indicatorId, areaCode: p.areaCode, periodLabel: p.periodLabel,
            value: p.value, isProvisional: p.isProvisional, ...(p.existing ? { before: { value: p.existing.value, isProvisional: p.existing.isProvisional } } : {}),
          })),
        },
      });
    }
    return result;
  });
}
