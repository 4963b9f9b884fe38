import { randomUUID } from 'node:crypto';
import {
  DEFAULT_CATEGORIES, meldnummer, type Duty, type TCategoryFields, type TMeldingSource, type TMeldingStatus, type TQuestion,
  type TReporter,
} from '../../domain/meldpunt.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import { logProcessing } from './processing-log.ts';

/*
 * The meldpunt's own repository (ADR 0023): the SQL of categories and meldingen, apart from the generic record layer,
 * so no full-record audit diff ever sees a melding. Every list and count of meldingen goes through `meldingScope`, the
 * SQL form of `canOnMelding` (domain/meldpunt.ts).
 */

/** The processing activity of the meldpunt in the register (Logboek Dataverwerkingen). */
export const MELDPUNT_PROCESSING = 'meldpunt';

export interface Category extends TCategoryFields {
  id: string;
  municipalityId: string;
  version: number;
}

interface CategoryRow {
  id: string; municipality_id: string; key: string; name: string; description: string; questions: TQuestion[];
  handling_text: string; response_days: number; referral_url: string | null; no_action_retention_months: number;
  is_active: boolean; position: number; version: number;
}
const toCategory = (r: CategoryRow): Category => ({
  id: r.id, municipalityId: r.municipality_id, key: r.key, name: r.name, description: r.description, questions: r.questions,
  handlingText: r.handling_text, responseDays: r.response_days, referralUrl: r.referral_url,
  noActionRetentionMonths: r.no_action_retention_months, isActive: r.is_active, position: r.position, version: r.version,
});

/** A municipality's categories in their order (active ones only unless asked). */
export async function listCategories(db: Db, municipalityId: string, { activeOnly = true } = {}): Promise<Category[]> {
  const rows = await db.query<CategoryRow>(
    `select * from meldpunt_categories where municipality_id = $1 ${activeOnly ? 'and is_active' : ''} order by position, name`,
    [municipalityId],
  );
  return rows.map(toCategory);
}

export async function categoryById(db: Db, id: string): Promise<Category | null> {
  const [row] = await db.query<CategoryRow>('select * from meldpunt_categories where id = $1', [id]);
  return row ? toCategory(row) : null;
}

/** Gives a municipality the default categories (seeds 000, 003) when it has none; returns them. */
export async function ensureDefaultCategories(db: Db, municipalityId: string, referralUrl?: string): Promise<Category[]> {
  return db.transaction(async (tx) => {
    const existing = await listCategories(tx, municipalityId, { activeOnly: false });
    if (existing.length > 0) return existing;
    for (const c of DEFAULT_CATEGORIES) {
      await tx.query(
        `insert into meldpunt_categories (id, municipality_id, key, name, description, questions, handling_text, response_days,
           referral_url, no_action_retention_months, is_active, position)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [randomUUID(), municipalityId, c.key, c.name, c.description, JSON.stringify(c.questions), c.handlingText, c.responseDays,
          c.referralUrl ? (referralUrl ?? c.referralUrl) : null, c.noActionRetentionMonths, c.isActive, c.position],
      );
    }
    return listCategories(tx, municipalityId, { activeOnly: false });
  });
}

export interface NewMelding {
  municipalityId: string;
  categoryId: string;
  source: TMeldingSource;
  answers: Record<string, string>;
  /** Contact details; empty or undefined: anonymous. */
  reporter?: TReporter;
  shareConsent?: boolean;
  internalReporterId?: string | null;
  /** A hash of the client's idempotency key: a second submission with it returns the first melding. */
  idempotencyHash?: string | null;
  /** Demo data and imports: when it was received (default now). */
  receivedAt?: string;
  status?: TMeldingStatus;
}

export interface CreatedMelding { id: string; number: string; isNew: boolean }

/**
 * Stores a melding in the caller's transaction: the next meldnummer of its municipality and year (under a transaction
 * lock, so two submissions never share one), the contact details encrypted, and its first event. With an idempotency
 * hash already used, nothing is written and the first melding is returned.
 */
export async function insertMelding(tx: Db, cipher: DataCipher, m: NewMelding, traceId: string): Promise<CreatedMelding> {
  if (m.idempotencyHash) {
    const [seen] = await tx.query<{ id: string; year: number; sequence: number }>(
      'select id, year, sequence from meldingen where idempotency_hash = $1', [m.idempotencyHash]);
    if (seen) return { id: seen.id, number: meldnummer(seen.year, seen.sequence), isNew: false };
  }
  const receivedAt = m.receivedAt ?? new Date().toISOString();
  const year = Number(new Date(receivedAt).toLocaleString('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }));
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`meldnummer:${m.municipalityId}:${year}`]);
  const [{ next }] = await tx.query<{ next: number }>(
    'select coalesce(max(sequence), 0) + 1 as next from meldingen where municipality_id = $1 and year = $2', [m.municipalityId, year]);
  const id = randomUUID();
  const reporter = Object.fromEntries(Object.entries(m.reporter ?? {}).filter(([, v]) => typeof v === 'string' && v.trim()));
  const inserted = await tx.query<{ id: string }>(
    `insert into meldingen (id, municipality_id, category_id, year, sequence, source, status, answers, reporter_enc, share_consent,
       internal_reporter_id, idempotency_hash, received_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     on conflict (idempotency_hash) do nothing returning id`,
    [id, m.municipalityId, m.categoryId, year, next, m.source, m.status ?? 'nieuw', JSON.stringify(m.answers),
      Object.keys(reporter).length ? cipher.encryptJson(reporter) : null, !!m.shareConsent && Object.keys(reporter).length > 0,
      m.internalReporterId ?? null, m.idempotencyHash ?? null, receivedAt],
  );
  if (inserted.length === 0) {
    // A concurrent submission with the same key won the race.
    const [seen] = await tx.query<{ id: string; year: number; sequence: number }>(
      'select id, year, sequence from meldingen where idempotency_hash = $1', [m.idempotencyHash]);
    return { id: seen.id, number: meldnummer(seen.year, seen.sequence), isNew: false };
  }
  await tx.query(
    `insert into melding_events (id, melding_id, kind, to_status, actor_id, at) values ($1, $2, 'received', $3, $4, $5)`,
    [randomUUID(), id, m.status ?? 'nieuw', m.internalReporterId ?? null, receivedAt],
  );
  await logProcessing(tx, traceId, { activity: 'melding ontvangen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [id] });
  return { id, number: meldnummer(year, next), isNew: true };
}

/**
 * Need-to-know as SQL (the same rule as `canOnMelding`): the meldingen of the municipalities and categories the
 * actor handles, and the internal signals the actor reported. `alias` is the meldingen table's alias in the query,
 * `categoryAlias` that of its meldpunt_categories join; the returned parameters start at `$first`.
 */
export function meldingScope(userId: string | null, duties: readonly Duty[], alias: string, categoryAlias: string, first: number):
  { sql: string; params: unknown[] } {
  const handled = duties.filter((d) => d.duty === 'behandelaar');
  const all = handled.filter((d) => d.categoryKey === null).map((d) => d.organisationId);
  const scoped = handled.filter((d) => d.categoryKey !== null).map((d) => `${d.organisationId}:${d.categoryKey}`);
  return {
    sql: `(${alias}.municipality_id = any($${first}::uuid[])
           or (${alias}.municipality_id::text || ':' || ${categoryAlias}.key) = any($${first + 1}::text[])
           or (${alias}.internal_reporter_id is not null and ${alias}.internal_reporter_id = $${first + 2}::uuid))`,
    params: [all, scoped, userId],
  };
}
