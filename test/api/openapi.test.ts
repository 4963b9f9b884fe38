import { describe, expect, it } from 'vitest';
import { useApi } from '../api.ts';

/*
 * The OpenAPI document describes every route the server answers under /api/v1 (review 2026-12, section 16: the
 * /auth routes were missing), so a route can never again be left out: this test compares it with the route table.
 */

const ctx = useApi();

/** Routes that are not part of the API: the document itself, its browsable docs page and their assets. */
const NOT_API = [/^\/api\/v1\/openapi\.json$/, /^\/api\/v1\/docs/];

describe('the OpenAPI document', () => {
  it('has every API route of the server, with its method', async () => {
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const missing = ctx.api.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/') && !NOT_API.some((re) => re.test(r.url)))
      .map((r) => ({ method: r.method.toLowerCase(), path: r.url.replace(/:(\w+)/g, '{$1}') }))
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('names the /auth routes', async () => {
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of ['login', 'logout', 'me', 'options', 'password', 'setup', 'password-reset']) {
      expect(Object.keys(doc.paths), path).toContain(`/api/v1/auth/${path}`);
    }
  });
});
