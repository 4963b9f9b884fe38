/**
 * Writes the API's OpenAPI document – what GET /api/v1/openapi.json answers – without a server or a database, for the
 * OpenAPI linter (`npm run lint:api`, redocly.yaml, docs/api.md).
 * Usage: node --import tsx scripts/openapi.ts [file]   (default: dist/openapi.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/server/db/client.ts';

const out = process.argv[2] ?? 'dist/openapi.json';

/** Building the app and its document reads nothing: a database that is asked anything fails the script. */
const noDb: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('scripts/openapi.ts has no database')),
  exec: () => Promise.reject(new Error('scripts/openapi.ts has no database')),
  transaction: () => Promise.reject(new Error('scripts/openapi.ts has no database')),
  close: () => Promise.resolve(),
};

const app = await buildApp(noDb);
await app.ready();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
console.log(`${out}: ${Object.keys(app.swagger().paths ?? {}).length} paths`);
await app.close();
