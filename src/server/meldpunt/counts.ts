import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MELDPUNT_SOURCE, monthPeriod, monthsBetween } from '../../domain/meldpunt-overview.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM, writeAudit, type AuditActor } from '../core/audit.ts';
import { todayInNetherlands } from '../core/clock.ts';

/*
 * Counts for the safety plan (issue 13, part 5): an indicator linked to a meldpunt category (`meldpunt_category_key`)
 * gets one measurement per month – the meldingen of that category in the indicator owner's municipality received that
 * month (Europe/Amsterdam), merged duplicates left out – with source "Meldpunt (Regie)". A month's measurement is
 * updated in place when its count changes, never written twice; the running month is provisional. The same path as an
 * open-data import (monitoring/open-data/import.ts): set-based inserts and updates, one audit row with ids and counts.
 * Only counts leave the meldpunt: no melding, no content, no reporter.
 */

export interface CountsResult { indicators: number; created: number; updated: number; unchanged: number }

interface Linked { id: string; owner_id: string; category_id: string | null }
interface Stored { id: string; indicator_id: string; period_start: string; value: number; is_provisional: boolean }

/** The lock under which counting runs: two servers (or the timer and a request) never count at once. */
const COUNTS_LOCK = 'meldpunt-counts';

/**
 * Brings the linked indicators' measurements in step with the meldingen, in one transaction: of one municipality, or
 * of all (the daily run). `tryLock`: skip (null) when another run holds the lock rather than wait.
 */
export async function refreshCounts(db: Db, opts: { municipalityId?: string; now?: Date; audit?: AuditActor; tryLock?: boolean } = {}):
  Promise<CountsResult | null> {
  const now = opts.now ?? new Date();
  const month = todayInNetherlands(now).slice(0, 7);
  return db.transaction(async (tx) => {
    if (opts.tryLock) {
      const [{ ok }] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock(hashtext($1)) as ok', [COUNTS_LOCK]);
      if (!ok) return null;
    } else await tx.query('select pg_advisory_xact_lock(hashtext($1))', [COUNTS_LOCK]);
    const linked = await tx.query<Linked>(
      `select i.id, i.owner_id, c.id as category_id from indicators i
         left join meldpunt_categories c on c.municipality_id = i.owner_id and c.key = i.meldpunt_category_key
        where i.meldpunt_category_key is not null and ($1::uuid is null or i.owner_id = $1::uuid)`,
      [opts.municipalityId ?? null],
    );
    const result: CountsResult = { indicators: linked.length, created: 0, updated: 0, unchanged: 0 };
    if (!linked.length) return result;
    const counted = await tx.query<{ category_id: string; month: string; n: number }>(
      `select m.category_id, to_char(m.received_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, count(*)::int as n
         from meldingen m where m.category_id = any($1::uuid[]) and m.status <> 'samengevoegd' group by 1, 2`,
      [linked.map((l) => l.category_id).filter(Boolean)],
    );
    const firsts = await tx.query<{ municipality_id: string; first: string }>(
      `select municipality_id, to_char(min(received_at) at time zone 'Europe/Amsterdam', 'YYYY-MM') as first from meldingen
        where municipality_id = any($1::uuid[]) group by 1`,
      [[...new Set(linked.map((l) => l.owner_id))]],
    );
    const stored = await tx.query<Stored>(
      `select id, indicator_id, period_start, value, is_provisional from measurements
        where indicator_id = any($1::uuid[]) and source = $2 and kind = 'value' and area is null and area_code is null
        order by created_at, id`,
      [linked.map((l) => l.id), MELDPUNT_SOURCE],
    );
    const countOf = new Map(counted.map((c) => [`${c.category_id}|${c.month}`, c.n]));
    const firstOf = new Map(firsts.map((f) => [f.municipality_id, f.first]));
    const existing = new Map<string, Stored>();
    for (const s of stored) if (!existing.has(`${s.indicator_id}|${s.period_start}`)) existing.set(`${s.indicator_id}|${s.period_start}`, s);

    const created: { id: string; ownerId: string; indicatorId: string; label: string; start: string; end: string; value: number; isProvisional: boolean }[] = [];
    const updated: { id: string; value: number; isProvisional: boolean }[] = [];
    for (const l of linked) {
      // From the municipality's first melding (or the earliest month already measured) up to the running month.
      const measured = stored.filter((s) => s.indicator_id === l.id).map((s) => s.period_start.slice(0, 7));
      const first = [firstOf.get(l.owner_id), ...measured].filter((m): m is string => !!m).sort()[0];
      if (!first) continue;
      for (const m of monthsBetween(first, month)) {
        const value = l.category_id ? (countOf.get(`${l.category_id}|${m}`) ?? 0) : 0;
        const isProvisional = m === month;
        const p = monthPeriod(m);
        const before = existing.get(`${l.id}|${p.start}`);
        if (!before) created.push({ id: randomUUID(), ownerId: l.owner_id, indicatorId: l.id, label: p.label, start: p.start, end: p.end, value, isProvisional });
        else if (before.value !== value || before.is_provisional !== isProvisional) updated.push({ id: before.id, value, isProvisional });
        else result.unchanged++;
      }
    }
    if (created.length) {
      await tx.query(
        `insert into measurements (id, owner_id, indicator_id, period_label, period_start, period_end, kind, value, source, is_provisional)
         select t.id, t.owner_id, t.indicator_id, t.period_label, t.period_start, t.period_end, 'value', t.value, $1, t.is_provisional
           from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[], $8::numeric[], $9::boolean[])
             as t(id, owner_id, indicator_id, period_label, period_start, period_end, value, is_provisional)`,
        [MELDPUNT_SOURCE, created.map((c) => c.id), created.map((c) => c.ownerId), created.map((c) => c.indicatorId), created.map((c) => c.label),
          created.map((c) => c.start), created.map((c) => c.end), created.map((c) => c.value), created.map((c) => c.isProvisional)],
      );
    }
    if (updated.length) {
      await tx.query(
        `update measurements m set value = t.value, is_provisional = t.is_provisional, version = m.version + 1, updated_at = now()
           from unnest($1::uuid[], $2::numeric[], $3::boolean[]) as t(id, value, is_provisional) where m.id = t.id`,
        [updated.map((u) => u.id), updated.map((u) => u.value), updated.map((u) => u.isProvisional)],
      );
    }
    result.created = created.length;
    result.updated = updated.length;
    if (created.length || updated.length) {
      // Ids and counts of what changed; a count of meldingen is no personal data.
      await writeAudit(tx, opts.audit ?? SYSTEM, {
        action: 'import', organisationId: opts.municipalityId ?? null, entity: 'measurements', entityId: null,
        after: { source: MELDPUNT_SOURCE, created: created.map((c) => c.id), updated: updated.map((u) => u.id) },
      });
    }
    return result;
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The daily run, started with the server (start.ts): first a minute after start, then every 24 hours, under the
 * advisory lock (another server's run is skipped). Returns the stop.
 */
export function scheduleCounts(app: FastifyInstance, db: Db, { firstAfter = 60_000, every = DAY } = {}): () => void {
  const run = () => refreshCounts(db, { tryLock: true }).catch((err: unknown) => app.log.error({ err: (err as Error).message }, 'meldpunt counts failed'));
  let daily: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    daily = setInterval(() => void run(), every);
    daily.unref();
  }, firstAfter);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
