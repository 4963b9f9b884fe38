import { describe, expect, it } from 'vitest';
import { useApi } from '../api.ts';

/*
 * The OpenAPI document describes every route the server answers under /api/v1 (review 2026-12, section 16: the
 * /auth routes were missing), so a route can never again be left out: this test compares it with the route table.
 * It also declares what each route answers (issue 11): a success with its media type – JSON, or a download as a binary
 * string – and errors as problem documents. `npm run lint:api` lints the same document (redocly.yaml, docs/api.md).
 */

const ctx = useApi();

/** Routes that are not part of the API: the document itself, its browsable docs page and their assets. */
const NOT_API = [/^\/api\/v1\/openapi\.json$/, /^\/api\/v1\/docs/];

/** The server's API routes, as the document writes them: lower-case method, `{id}` for `:id`. */
const apiRoutes = () => ctx.api.app.routeTable
  .filter((r) => r.url.startsWith('/api/v1/') && !NOT_API.some((re) => re.test(r.url)))
  .map((r) => ({ method: r.method.toLowerCase(), path: r.url.replace(/:(\w+)/g, '{$1}') }));

describe('the OpenAPI document', () => {
  it('has every API route of the server, with its method', async () => {
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const missing = apiRoutes()
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('declares what every route answers when it succeeds: 200 and 201 with their media type, JSON or a binary file', async () => {
    type Content = Record<string, { schema?: { type?: string; format?: string } }>;
    type Operation = { responses: Record<string, { description?: string; content?: Content }> };
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const problems: string[] = [];
    for (const r of apiRoutes()) {
      const name = `${r.method.toUpperCase()} ${r.path}`;
      const responses = doc.paths[r.path]?.[r.method]?.responses ?? {};
      const success = Object.keys(responses).filter((status) => /^[23]\d\d$/.test(status));
      // @fastify/swagger writes this placeholder for a route without a response schema: nothing is declared.
      const placeholder = success.length === 1 && responses['200']?.description === 'Default Response' && !responses['200'].content;
      if (!success.length || placeholder) problems.push(`${name}: no success answer declared`);
      for (const status of ['200', '201'].filter((s) => responses[s] && !placeholder)) {
        const content = responses[status].content ?? {};
        if (!Object.keys(content).length) problems.push(`${name} ${status}: no media type`);
        for (const [type, media] of Object.entries(content)) {
          if (type === 'application/json' ? !media.schema : media.schema?.type !== 'string' || media.schema.format !== 'binary') {
            problems.push(`${name} ${status} ${type}: ${JSON.stringify(media.schema)}`);
          }
        }
      }
      for (const [status, response] of Object.entries(responses).filter(([s]) => /^4\d\d$/.test(s))) {
        if (Object.keys(response.content ?? {}).join() !== 'application/problem+json') problems.push(`${name} ${status}: not a problem document`);
      }
    }
    expect(problems).toEqual([]);
    // The downloads, by their media type.
    const media = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content ?? {});
    expect(media('/api/v1/plans/{id}/document.pdf')).toEqual(['application/pdf']);
    expect(media('/api/v1/versions/{id}/document.docx')).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(media('/api/v1/rounds/{id}/report.html')).toEqual(['text/html']);
    expect(media('/api/v1/plans/{id}/programme.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(media('/api/v1/indicators/{id}/chart.svg')).toEqual(['image/svg+xml']);
    expect(media('/api/v1/plans/{id}/roadmap.ics')).toEqual(['text/calendar']);
    expect(media('/api/v1/audit.csv')).toEqual(['text/csv']);
  });

  it('is published for anyone at the base path, with a semantic version whose major is the path\'s (NL API Design Rules)', async () => {
    const res = await ctx.api.as(null).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const version = (res.body as { info: { version: string } }).info.version;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(`/api/v${version.split('.')[0]}/`).toBe('/api/v1/');
  });

  it('answers a path with a trailing slash with 404, not a redirect (NL API Design Rules, /core/no-trailing-slash)', async () => {
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const plain = Object.keys(doc.paths).filter((path) => doc.paths[path].get && !path.includes('{'));
    expect(plain.length).toBeGreaterThan(5);
    for (const path of plain) {
      const res = await ctx.api.app.inject({ method: 'GET', url: `${path}/` });
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toMatch(/^application\/problem\+json/);
    }
  });

  it('names the /auth routes', async () => {
    const doc = (await ctx.api.get('/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of ['login', 'logout', 'me', 'options', 'password', 'setup', 'password-reset']) {
      expect(Object.keys(doc.paths), path).toContain(`/api/v1/auth/${path}`);
    }
  });
});
