import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { canonicalJson, comparePlanContents, planContent, withoutPersonalData, type TPlanComparison } from '../../domain/plan-content.ts';
import { can, type TAction } from '../../domain/permissions.ts';
import {
  allowedSteps, type TDocumentKind, type TDocumentVersion, type TPlanVersions, type TVersionAdopt, type TVersionCouncil,
  type TVersionStage, type TVersionStep,
} from '../../domain/versions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { DOCUMENT_FORMATS, planDocumentSource, type DocumentFormat, type DocumentSource } from './index.ts';
import { renderHtml } from './html.ts';
import { stampAdoption } from './tree.ts';
import { exportPlan, readsPeopleOf } from '../plans/plan-queries.ts';
import { getRound } from '../monitoring/rounds.ts';
import { fromRow, getRecord } from '../core/read.ts';
import { differsFromVersion, LATEST_VERSION_SQL, sha256 } from '../plans/plan-status.ts';
import { plans as plansDef } from '../plans/resources.ts';
import { versionSubject } from '../plans/served-version.ts';

/*
 * Frozen document versions (ADR 0014). Adoption freezes a document source – its content as canonical JSON, that
 * text's SHA-256 and the Word, PDF and HTML files rendered once – in `document_versions`, whose trigger refuses any
 * later change to them. Afterwards a version only moves forward: ter kennisname to the council, published. The live
 * plan's status mirrors its newest version, and turns back to 'draft' as soon as its content differs from it.
 */

/** Which document a version is of: the plan itself, a progress report of one closed round, the evaluation. */
export interface DocumentTarget {
  document: TDocumentKind;
  planId: string;
  roundId?: string | null;
}

type SourceOf = (db: Db, target: DocumentTarget, ctx: RequestContext) => Promise<DocumentSource>;

/** The report module (and ECharts with it) loads on the first report adopted, not at start-up. */
const reports = () => import('./reports.ts');

/**
 * The document kinds that can be adopted, each with its source (ADR 0014, 0016): the plan, the progress report of a
 * closed round (its frozen snapshot: 409 for an open round) and the evaluation report (live figures, frozen now).
 */
export const DOCUMENT_SOURCES: Record<TDocumentKind, SourceOf> = {
  plan: (db, t, ctx) => planDocumentSource(db, t.planId, ctx),
  progress_report: async (db, t, ctx) => (await reports()).progressReportSource(db, t.roundId!, ctx),
  evaluation: async (db, t, ctx) => (await reports()).evaluationSource(db, t.planId, ctx),
};

/**
 * The progress report of a round as a target: its plan is the round's. 404 (in words) for a round that does not
 * exist or that the actor may not read – the rounds are the staff's (ADR 0016).
 */
export async function progressReportTarget(db: Db, ctx: RequestContext, roundId: string): Promise<DocumentTarget> {
  const round = await getRound(db, ctx, roundId);
  return { document: 'progress_report', planId: round.planId, roundId: round.id };
}

const FACTS = `id, owner_id, plan_id, document, round_id, number, title, status, adopted_by, adopted_on, decision_reference,
  council_body, council_on, published_at, content_hash, created_at, version, updated_at,
  (select u.quarter from update_rounds u where u.id = document_versions.round_id) as round_quarter`;

const notFound = () => new AppError('not_found', 'Versie niet gevonden');


async function authorizeVersion(tx: Db, ctx: RequestContext, row: { owner_id: string; status: TVersionStage }, action: TAction) {
  if (ctx.isSystem) return;
  const subject = await versionSubject(tx, row.owner_id, row.status);
  if (!can(ctx.actor, 'read', subject)) throw notFound();
  if (action !== 'read' && !can(ctx.actor, action, subject)) {
    throw new AppError('forbidden', 'Vaststellen, ter kennisname zenden en publiceren doet de adviseur van het plan');
  }
}

/**
 * Adopts a document: freezes its content and files as the next version, and – for the plan itself – sets the plan's
 * status and adoption facts. Refused when nothing changed since the newest version, or when the date lies ahead.
 */
export async function adoptVersion(db: Db, ctx: RequestContext, target: DocumentTarget, input: TVersionAdopt): Promise<TDocumentVersion> {
  if (input.adoptedOn > todayInNetherlands()) {
    throw new AppError('validation', 'De datum van het besluit ligt in de toekomst', [
      { path: 'adoptedOn', message: 'Een besluit dat nog niet is genomen kan niet worden vastgelegd: kies vandaag of eerder' },
    ]);
  }
  const source = DOCUMENT_SOURCES[target.document];
  const id = await db.transaction(async (tx) => {
    // The plan row is locked: two adoptions of one plan get consecutive numbers, and no edit slips in between.
    const [plan] = await tx.query<{ owner_id: string }>('select owner_id from plans where id = $1 for update', [target.planId]);
    if (!plan) throw new AppError('not_found', 'Plan niet gevonden');
    if (!ctx.isSystem && !can(ctx.actor, 'create', await versionSubject(tx, plan.owner_id, 'adopted'))) {
      await getRecord(tx, plansDef, target.planId, ctx); // 404 for who may not even read the plan
      throw new AppError('forbidden', 'Vaststellen doet de adviseur van het plan');
    }
    const doc = await source(tx, target, ctx);
    const content = canonicalJson(doc.content);
    const hash = sha256(content);
    const [latest] = await tx.query<{ number: number; content_hash: string; content: string }>(LATEST_VERSION_SQL, [target.planId, target.document, target.roundId ?? null]);
    // A plan is unchanged when the comparison shows nothing (as its status says); a report when its figures are the same.
    const isUnchanged = latest && (target.document === 'plan' ? !(await differsFromVersion(tx, target.planId, latest.content)) : latest.content_hash === hash);
    if (isUnchanged) {
      throw new AppError('validation', `Er is niets gewijzigd sinds versie ${latest.number}: die is al vastgesteld`, [
        { path: 'content', message: `Gelijk aan versie ${latest.number}` },
      ]);
    }
    const number = (latest?.number ?? 0) + 1;
    const tree = stampAdoption(doc.tree, { number, ...input });
    // Each renderer gets its own copy: none can change what the next one draws.
    const html = renderHtml(structuredClone(tree));
    const docx = await DOCUMENT_FORMATS.docx.render(structuredClone(tree));
    const pdf = await DOCUMENT_FORMATS.pdf.render(structuredClone(tree));
    const id = randomUUID();
    await tx.query(
      `insert into document_versions (id, owner_id, plan_id, document, round_id, number, title, adopted_by, adopted_on,
         decision_reference, content, content_hash, html, docx, pdf, created_by_user_id, created_by_label)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [id, plan.owner_id, target.planId, target.document, target.roundId ?? null, number, doc.title, input.adoptedBy, input.adoptedOn,
        input.decisionReference ?? null, content, hash, html, docx, pdf, ctx.audit.userId, ctx.audit.label],
    );
    if (target.document === 'plan') {
      await tx.query(
        `update plans set status = 'adopted', adopted_by = $2, adopted_on = $3, decision_reference = $4, version = version + 1,
           updated_at = now() where id = $1`,
        [target.planId, input.adoptedBy, input.adoptedOn, input.decisionReference ?? null],
      );
    }
    const [facts] = await tx.query(`select ${FACTS} from document_versions where id = $1`, [id]);
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId: plan.owner_id, entity: 'versions', entityId: id, after: fromRow(facts) });
    return id;
  });
  return getVersion(db, ctx, id);
}

/** Moves a version one step on: ter kennisname to the council or a committee, or published. */
export async function stepVersion(
  db: Db, ctx: RequestContext, id: string, step: TVersionStep, input: { version: number } & Partial<TVersionCouncil>,
): Promise<TDocumentVersion> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown> & { owner_id: string; status: TVersionStage; plan_id: string }>(
      `select ${FACTS} from document_versions where id = $1 for update`, [id],
    );
    if (!row) throw notFound();
    await authorizeVersion(tx, ctx, row, 'update');
    if (row.version !== input.version) {
      throw new AppError('conflict', 'Deze versie is intussen door iemand anders bijgewerkt. Laad opnieuw en probeer het nog eens.', [
        { path: 'version', message: 'Verouderde versie' },
      ]);
    }
    if (!allowedSteps(row.status).includes(step)) throw refusedStep(row.status, step);
    let stage: TVersionStage;
    if (step === 'council') {
      if (input.councilOn! < String(row.adopted_on)) {
        throw new AppError('validation', 'De raad kan een versie pas na de vaststelling ter kennisname krijgen', [
          { path: 'councilOn', message: `Kies ${String(row.adopted_on)} (de datum van vaststelling) of later` },
        ]);
      }
      stage = 'sent_to_council';
      await tx.query(
        `update document_versions set status = $2, council_body = $3, council_on = $4, version = version + 1, updated_at = now() where id = $1`,
        [id, stage, input.councilBody, input.councilOn],
      );
    } else {
      stage = 'published';
      await tx.query(`update document_versions set status = $2, published_at = now(), version = version + 1, updated_at = now() where id = $1`, [id, stage]);
    }
    if (row.document === 'plan') await mirrorStage(tx, row.plan_id, id, stage);
    const [after] = await tx.query(`select ${FACTS} from document_versions where id = $1`, [id]);
    await writeAudit(tx, ctx.audit, { action: 'update', organisationId: row.owner_id, entity: 'versions', entityId: id, before: fromRow(row), after: fromRow(after) });
  });
  return getVersion(db, ctx, id);
}

function refusedStep(stage: TVersionStage, step: TVersionStep): AppError {
  const message = stage === 'published' ? 'Deze versie is al gepubliceerd'
    : step === 'council' ? 'Deze versie is al ter kennisname aan de raad gezonden' : 'Deze stap kan niet meer';
  return new AppError('validation', message, [{ path: 'status', message }]);
}

/** The live plan follows its newest version's stage – unless it is a new draft since (then it stays one). */
async function mirrorStage(tx: Db, planId: string, versionId: string, stage: TVersionStage) {
  await tx.query(
    `update plans set status = $3, updated_at = now() where id = $1 and status <> 'draft'
       and $2 = (select id from document_versions where plan_id = $1 and document = 'plan' order by number desc limit 1)`,
    [planId, versionId, stage],
  );
}

/** A version's frozen content as stored (canonical JSON). */
async function versionContentOf(tx: Db, id: string): Promise<string> {
  return (await tx.query<{ content: string }>('select content from document_versions where id = $1', [id]))[0].content;
}

/** One version's facts; 404 for who may not read it. */
export async function getVersion(db: Db, ctx: RequestContext, id: string): Promise<TDocumentVersion> {
  const [row] = await db.query<Record<string, unknown> & { owner_id: string; status: TVersionStage }>(`select ${FACTS} from document_versions where id = $1`, [id]);
  if (!row) throw notFound();
  await authorizeVersion(db, ctx, row, 'read');
  return fromRow(row) as TDocumentVersion;
}

/** The versions of a plan and its reports the actor may read, newest first per document, and whether the live plan differs from its newest. */
export async function listVersions(db: Db, ctx: RequestContext, planId: string): Promise<TPlanVersions> {
  return db.transaction(async (tx) => {
    const [plan] = await tx.query<{ owner_id: string }>('select owner_id from plans where id = $1', [planId]);
    if (!plan) throw new AppError('not_found', 'Plan niet gevonden');
    const rows = await tx.query<Record<string, unknown> & { owner_id: string; status: TVersionStage; document: string; content_hash: string }>(
      // The plan's versions first, then the progress reports by quarter, then the evaluations; newest first in each.
      `select ${FACTS} from document_versions where plan_id = $1
         order by case document when 'plan' then 0 when 'progress_report' then 1 else 2 end, round_quarter desc, number desc`, [planId],
    );
    const subjects = new Map<TVersionStage, boolean>();
    const readable = async (stage: TVersionStage) => {
      if (ctx.isSystem) return true;
      if (!subjects.has(stage)) subjects.set(stage, can(ctx.actor, 'read', await versionSubject(tx, plan.owner_id, stage)));
      return subjects.get(stage)!;
    };
    const visible = [];
    for (const r of rows) if (await readable(r.status)) visible.push(r);
    const live = await getRecord(tx, plansDef, planId, ctx).then(() => true, () => false);
    if (!live && !visible.length) throw new AppError('not_found', 'Plan niet gevonden');
    const latest = rows.find((r) => r.document === 'plan');
    const isVisible = latest && visible.includes(latest);
    return {
      versions: visible.map(fromRow) as TDocumentVersion[],
      latestPlanVersionId: isVisible ? String(latest.id) : null,
      hasChanges: isVisible && live ? await differsFromVersion(tx, planId, await versionContentOf(tx, String(latest.id))) : null,
    };
  });
}

/**
 * The versions of an organisation's plans that the actor may read, newest first per plan: where the council finds
 * what was adopted, also of a plan whose live text is a draft again (and therefore closed to it).
 */
export async function listOrganisationVersions(db: Db, ctx: RequestContext, organisationId: string): Promise<TDocumentVersion[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<Record<string, unknown> & { status: TVersionStage }>(
      `select ${FACTS} from document_versions where owner_id = $1
         order by plan_id, case document when 'plan' then 0 when 'progress_report' then 1 else 2 end, round_quarter desc, number desc`,
      [organisationId],
    );
    const readable = new Map<TVersionStage, boolean>();
    for (const stage of new Set(rows.map((r) => r.status))) {
      readable.set(stage, ctx.isSystem || can(ctx.actor, 'read', await versionSubject(tx, organisationId, stage)));
    }
    return rows.filter((r) => readable.get(r.status)).map(fromRow) as TDocumentVersion[];
  });
}

/** A version's stored file, exactly as adopted. */
export async function versionDocument(db: Db, ctx: RequestContext, id: string, format: DocumentFormat) {
  const [row] = await db.query<{ owner_id: string; status: TVersionStage; title: string; number: number; body: Uint8Array | string }>(
    `select owner_id, status, title, number, ${format} as body from document_versions where id = $1`, [id],
  );
  if (!row) throw notFound();
  await authorizeVersion(db, ctx, row, 'read');
  const body = typeof row.body === 'string' ? Buffer.from(row.body) : Buffer.from(row.body.buffer, row.body.byteOffset, row.body.byteLength);
  return { ownerId: row.owner_id, title: `${row.title} versie ${row.number}`, body, type: DOCUMENT_FORMATS[format].type };
}

/** A version's frozen content (for the comparison), under its read rules. */
async function versionContent(tx: Db, ctx: RequestContext, planId: string, id: string): Promise<Record<string, unknown>> {
  const [row] = await tx.query<{ owner_id: string; status: TVersionStage; content: string }>(
    `select owner_id, status, content from document_versions where id = $1 and plan_id = $2 and document = 'plan'`, [id, planId],
  );
  if (!row) throw notFound();
  await authorizeVersion(tx, ctx, row, 'read');
  return JSON.parse(row.content) as Record<string, unknown>;
}

/** What changed between two versions of a plan, or between a version and the live draft ('draft'). */
export async function comparePlanVersions(db: Db, ctx: RequestContext, planId: string, from: string, to: string): Promise<TPlanComparison> {
  return db.transaction(async (tx) => {
    const before = await versionContent(tx, ctx, planId, from);
    // The draft only for who reads the live plan: a reader served a version has no draft to compare (ADR 0020).
    const after = to === 'draft'
      ? (planContent(await getRecord(tx, plansDef, planId, ctx).then(() => exportPlan(tx, planId, ctx))) as Record<string, unknown>)
      : await versionContent(tx, ctx, planId, to);
    // Both sides through the same JSON text: the live side compares exactly as a frozen one would. Who may not read
    // personal data compares what the documents print (the export already is that for them).
    const [{ owner_id: ownerId }] = await tx.query<{ owner_id: string }>('select owner_id from plans where id = $1', [planId]);
    const visible = (await readsPeopleOf(tx, ctx, ownerId)) ? (c: Record<string, unknown>) => c : withoutPersonalData;
    return comparePlanContents(visible(before), visible(JSON.parse(canonicalJson(after)) as Record<string, unknown>));
  });
}
