import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../../domain/errors.ts';

/** PostgreSQL's deadlock (40P01) and serialization failure (40001): the transaction may simply be run again. */
const isRetryable = (err: unknown) => ['40P01', '40001'].includes((err as { code?: string }).code ?? '');

/** A database or a transaction in it: the one interface repositories use, on PGlite and on PostgreSQL alike. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction: everything it wrote is undone when it throws. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both drivers return these PostgreSQL types in the same JavaScript shape: bigint (int8) and numeric as numbers
// (cents stay far below 2^53), date as 'YYYY-MM-DD', timestamptz as an ISO string.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const toIso = (v: string) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
const parsers: Record<number, (v: string) => unknown> = {
  [INT8]: Number,
  [NUMERIC]: Number,
  [DATE]: (v) => v,
  [TIMESTAMPTZ]: toIso,
};

/** Opens embedded PostgreSQL in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pgl = await PGlite.create(dataDir, { parsers });
  // PGlite is single-connection: serialise transactions so two requests never interleave inside one.
  let queue: Promise<unknown> = Promise.resolve();
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>, inTx: boolean): Db => ({
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      if (!inTx) await queue;
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await q.exec(sql);
    },
    transaction(fn) {
      if (inTx) return fn(this);
      const run = queue.then(() => pgl.transaction((tx) => fn(wrap(tx, true))));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => pgl.close(),
  });
  return wrap(pgl, false);
}

/** Connects to a PostgreSQL server. */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: { getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser },
  });
  // An idle connection that the server drops (restart, failover) must not take the process down; the pool replaces it.
  pool.on('error', (err) => console.error('PostgreSQL connection lost:', err.message));
  await pool.query('select 1');
  const wrap = (client: pg.Pool | pg.PoolClient, inTx: boolean): Db => ({
    kind: 'postgres',
    async query(sql, params) {
      return (await client.query(sql, params)).rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      if (inTx) return fn(this);
      const attempt = async () => {
        const conn = await pool.connect();
        try {
          await conn.query('begin');
          const result = await fn(wrap(conn, true));
          await conn.query('commit');
          return result;
        } catch (err) {
          await conn.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          conn.release();
        }
      };
      // A deadlock or serialization failure undid the whole transaction: it runs once more, then the client is told.
      try {
        return await attempt();
      } catch (err) {
        if (!isRetryable(err)) throw err;
        try {
          return await attempt();
        } catch (again) {
          if (!isRetryable(again)) throw again;
          throw new AppError('conflict', 'Iemand anders wijzigde dit tegelijk met u. Laad opnieuw en probeer het nog eens.');
        }
      }
    },
    close: () => pool.end(),
  });
  return wrap(pool, false);
}
