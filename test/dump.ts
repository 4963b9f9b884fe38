import type { Db } from '../src/server/db/client.ts';

/*
 * A full dump of the database as text, for the privacy tests (ADR 0023): every row of every table of the schema, each
 * table under its name, bytea as hex – the audit trail, the processing log and every index table included. A value that
 * is not in it is nowhere in the database.
 */
export async function dumpDatabase(db: Db): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: string }>(`select t::text as row from "${table_name}" t`);
    parts.push(`## ${table_name}\n${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n').toLowerCase();
}

/** The forms a value may take in a dump: as text (lower case, as the dump is), or as the hex of bytea. */
export const dumpForms = (value: string) => [value.toLowerCase(), Buffer.from(value).toString('hex')];

/** The values (in any of their forms) that a dump or log text contains. */
export const foundIn = (text: string, values: readonly string[]) =>
  values.filter((v) => dumpForms(v).some((f) => text.toLowerCase().includes(f)));
