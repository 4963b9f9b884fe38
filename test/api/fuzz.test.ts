import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultCategories } from '../../src/server/meldpunt/repository.ts';
import { make, useApi } from '../api.ts';

/*
 * A standing fuzz test, generated from the OpenAPI document (issue 11): every operation, as an anonymous caller (now
 * and then with a bogus API token) and as an adviser of a municipality with a real programme, with garbage path ids,
 * garbage query strings and garbage bodies. Whatever comes in, the server never answers 5xx, and every 4xx is a
 * problem document (application/problem+json with a code and a title). A success must be one the document declares,
 * in a media type it declares.
 *
 * The inputs come from fast-check with a fixed seed and a bounded number of runs, so a run is repeatable; a failure
 * names the request. Per OpenAPI schema type one generator of plausible values (real ids for uuids, values that match
 * a pattern, enum members), mixed with junk (wrong types, huge strings, NUL characters, nulls, arrays for objects,
 * nested junk, unknown fields). Operations run in the order GET, writes, DELETE last, so deletions of the fixture come
 * after everything else has used it.
 */

const ctx = useApi();

/**
 * The seed of every property, and how many requests each operation gets per caller. FUZZ_SEED and FUZZ_RUNS explore
 * further by hand (`FUZZ_SEED=7 FUZZ_RUNS=50 npx vitest run --project pglite test/api/fuzz.test.ts`).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261211);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
/** Operations that draw a document, chart or workbook, or freeze a version, take a while: fewer runs. */
const SLOW = /\.(pdf|docx|html|svg|xlsx|ics|csv)$|\/versions$|\/measurement-imports/;
const SLOW_RUNS = Math.max(1, Math.round(RUNS / 2));

/** POST /auth/logout as the adviser would end the session every later request uses. */
const SKIPPED_FOR_ADVISER = new Set(['post /api/v1/auth/logout']);
/** Answers in the 5xx range by design: password reset by e-mail on an installation without SMTP (503 unavailable). */
const DESIGNED_5XX: Record<string, { status: number; code: string }> = {
  'post /api/v1/auth/password-reset': { status: 503, code: 'unavailable' },
};

type Schema = {
  type?: string | string[]; format?: string; pattern?: string; enum?: unknown[]; const?: unknown;
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; items?: Schema; properties?: Record<string, Schema>;
  required?: string[]; additionalProperties?: Schema | boolean; minimum?: number; maximum?: number; minLength?: number;
  maxLength?: number; minItems?: number; maxItems?: number;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Request = { url: string; body?: unknown; raw?: { payload: string; type: string }; bearer?: string };

/** Real ids of the fixture, by the collection (path segment) or parameter they stand for. */
const ids: Record<string, string> = {};
let doc: { paths: Record<string, Record<string, Operation>> };

const JUNK_STRINGS = [
  '', ' ', 'null', 'undefined', '0', '-1', '1e400', 'NaN', 'true', '[]', '{}', '\u0000', 'a\u0000b', '%00', '\uFEFF',
  '\uD800', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ ÿ', "' or '1'='1", '"; drop table plans; --', '../../etc/passwd', '<script>alert(1)</script>',
  '=HYPERLINK("x")', '2023-02-30', '2023-13-01', '9999-99-99', '2024-Q5', 'x'.repeat(100_000),
];
/** Anything JSON can carry where something else belongs. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { '': null }),
  fc.constantFrom(...JUNK_STRINGS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ a: [[[[[[[[[[{ b: 'deep' }]]]]]]]]]] }),
  fc.constant(JSON.parse('{"__proto__":{"isPlatformAdmin":true},"constructor":{"prototype":{"x":1}}}') as unknown),
);

const realIds = () => fc.constantFrom(...Object.values(ids));

/** Which fixture a uuid field names, by its name: planId → the plan, ownerId → the municipality, responsibleIds → a person. */
const ID_FIELDS: [RegExp, string][] = [
  [/^(plan|jointPlan|parentPlan)Ids?$/, 'plans'], [/^themeIds?$/, 'themes'], [/^goalIds?$/, 'goals'],
  [/^activityIds?$/, 'activities'], [/^indicatorIds?$/, 'indicators'], [/^budgetLineIds?$/, 'budget-lines'],
  [/^roundIds?$/, 'rounds'], [/^(owner|organisation|funder)Ids?$/, 'organisations'], [/^userIds?$/, 'userId'],
  [/^(responsible|stakeholder|portfolioHolder|official|member)Ids?$/, 'people'],
];

/** A uuid: mostly the fixture's id that the field names (or any real id), sometimes in upper case or unknown. */
function uuid(field?: string): fc.Arbitrary<string> {
  const named = ID_FIELDS.find(([re]) => field && re.test(field))?.[1];
  const real = named ? fc.constant(ids[named]) : realIds();
  return fc.oneof({ arbitrary: real, weight: 6 }, { arbitrary: realIds(), weight: 1 }, { arbitrary: fc.uuid(), weight: 1 }, {
    arbitrary: real.map((id) => id.toUpperCase()), weight: 1,
  });
}

function patternArbitrary(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

/**
 * How a value is made: `clean` stays within the schema as far as a generator can (type, enum, pattern, bounds) – the
 * way past validation into the services and the database; `dirty` puts junk at any depth, now and then.
 */
type Mode = { dirty: boolean; depth: number; field?: string };

/** A plausible value of a schema: of its type, within its enum, pattern and bounds. */
function plausible(schema: Schema, m: Mode): fc.Arbitrary<unknown> {
  const sub = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (sub.length) return fc.oneof(...sub.map((s) => value(s, m)));
  if (schema.allOf?.length) return value(schema.allOf[0], m);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = [schema.type ?? 'any'].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => plausible({ ...schema, type }, m)));
  const min = schema.minimum ?? -1000;
  const max = Math.min(schema.maximum ?? 5000, Number.MAX_SAFE_INTEGER);
  switch (types[0]) {
    case 'string': {
      if (schema.format === 'uuid') return uuid(m.field);
      if (schema.format === 'email') return fc.constantFrom('a@b.nl', 'adviseur@regie.test', 'geen-adres', `${'x'.repeat(250)}@b.nl`);
      if (schema.format === 'date') return fc.oneof(fc.constantFrom('2023-01-01', '2024-02-29', '2023-02-29', '1900-01-01'), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
      const matching = schema.pattern ? patternArbitrary(schema.pattern) : null;
      const text = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 30, 30)) });
      return matching ?? text;
    }
    case 'integer':
      // A record's version (optimistic locking): a PATCH with the version it has now gets through.
      if (m.field === 'version' && !m.dirty) return fc.integer({ min: 1, max: 3 });
      return m.dirty ? fc.oneof(fc.integer({ min, max }), fc.integer()) : fc.integer({ min, max });
    case 'number':
      return m.dirty ? fc.oneof(fc.integer({ min, max }), fc.double({ noNaN: true, noDefaultInfinity: true })) : fc.integer({ min, max });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (m.depth > 3) return fc.constant([]);
      const field = m.field;
      return fc.array(value(schema.items ?? {}, { ...m, depth: m.depth + 1, field }), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      if (m.depth > 3) return fc.constant({});
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, value(s, { ...m, depth: m.depth + 1, field: k })]));
      const known = fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      if (typeof schema.additionalProperties === 'object') {
        const extra = value(schema.additionalProperties, { ...m, depth: m.depth + 1, field: undefined });
        return fc.tuple(known, fc.dictionary(fc.string({ maxLength: 12 }), extra, { maxKeys: 3 })).map(([obj, more]) => ({ ...more, ...obj }));
      }
      if (!m.dirty) return known;
      // Now and then a field nobody asked for.
      return fc.tuple(known, fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 2 }), fc.nat(2))
        .map(([obj, more, n]) => (n === 0 ? { ...more, ...obj } : obj));
    }
    default:
      return junk;
  }
}

/** A value for a schema: plausible, and in dirty mode junk now and then, at any depth. */
function value(schema: Schema, m: Mode): fc.Arbitrary<unknown> {
  return m.dirty ? fc.oneof({ arbitrary: plausible(schema, m), weight: 6 }, { arbitrary: junk, weight: 1 }) : plausible(schema, m);
}

/** A path parameter: the real id of what the path names, or garbage (not a uuid, upper case, unknown, very long). */
function pathValue(path: string, name: string): fc.Arbitrary<string> {
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1];
  const real = ids[name === 'id' ? before : name] ?? ids.plans;
  return fc.oneof(
    { arbitrary: fc.constant(encodeURIComponent(real)), weight: 4 },
    { arbitrary: fc.constant(real.toUpperCase()), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom('not-a-uuid', '0', '-1', 'null', 'a'.repeat(5000), `${real}x`, 'plans', '..', '%ZZ', '%00'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent), weight: 1 },
  );
}

/** A query string: the operation's parameters (plausible or junk, sometimes repeated), unknown keys, or broken encoding. */
function queryString(params: Parameter[]): fc.Arbitrary<string> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  type Pair = [string, string];
  // A parameter once, or repeated (?status=a&status=b).
  const entry = (p: Parameter): fc.Arbitrary<Pair[]> => fc.array(value(p.schema ?? {}, { dirty: true, depth: 0, field: p.name }).map(asText), { minLength: 1, maxLength: 2 })
    .map((vs) => vs.map((v): Pair => [p.name, v]));
  const known = fc.subarray(params).chain((ps) => ps.reduce(
    (acc, p) => fc.tuple(acc, entry(p)).map(([a, b]) => [...a, ...b]), fc.constant<Pair[]>([]),
  ));
  const unknown = fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...JUNK_STRINGS.slice(0, -1))), { maxLength: 2 });
  return fc.oneof(
    { arbitrary: fc.tuple(known, unknown).map(([k, u]) => new URLSearchParams([...k, ...u]).toString()), weight: 6 },
    { arbitrary: fc.constantFrom('%ZZ', 'a=%E0%A4%A', 'a[b][c]=1&a=2', '=&=&&', `x=${'y'.repeat(20_000)}`), weight: 1 },
  );
}

/** A request body: the schema's (mostly plausible, with junk inside), junk, text that is no JSON, or far too much. */
function requestBody(op: Operation): fc.Arbitrary<Pick<Request, 'body' | 'raw'>> {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: junk.map((body) => ({ body })), weight: 1 });
  return fc.oneof(
    { arbitrary: value(schema, { dirty: false, depth: 0 }).map((body) => ({ body })), weight: 4 },
    { arbitrary: value(schema, { dirty: true, depth: 0 }).map((body) => ({ body })), weight: 4 },
    { arbitrary: junk.map((body) => ({ body })), weight: 2 },
    { arbitrary: fc.constantFrom(
      { payload: '{"a":', type: 'application/json' },
      { payload: 'title=x', type: 'application/x-www-form-urlencoded' },
      { payload: 'gewoon tekst', type: 'text/plain' },
      { payload: `{"title":"${'x'.repeat(3 * 1024 * 1024)}"}`, type: 'application/json' },
    ).map((raw) => ({ raw })), weight: 1 },
  );
}

function requestFor(path: string, method: string, op: Operation): fc.Arbitrary<Request> {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const url = fc.tuple(...pathParams.map((p) => pathValue(path, p.name)))
    .map((values) => pathParams.reduce((u, p, i) => u.replace(`{${p.name}}`, values[i]), path));
  const body = method === 'get' || method === 'delete' ? fc.constant({}) : requestBody(op);
  return fc.record({ url, query: queryString(query), body, bearer: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom('junk', 'regie_0000', 'x'.repeat(500)), weight: 1 }) })
    .map(({ url: u, query: q, body: b, bearer }) => ({ url: q ? `${u}?${q}` : u, ...b, ...(bearer ? { bearer } : {}) }));
}

async function send(method: string, req: Request, as: 'anonymous' | 'adviser') {
  const session = as === 'adviser' ? ctx.api.session : null;
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  if (as === 'anonymous' && req.bearer) headers.authorization = `Bearer ${req.bearer}`;
  let payload: string | undefined;
  if (req.raw) {
    headers['content-type'] = req.raw.type;
    payload = req.raw.payload;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  }
  return ctx.api.app.inject({ method: method.toUpperCase() as 'GET', url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
}

/** What must hold for every answer. */
function check(key: string, op: Operation, res: Awaited<ReturnType<typeof send>>) {
  const type = String(res.headers['content-type'] ?? '');
  const designed = DESIGNED_5XX[key];
  if (res.statusCode >= 500) {
    expect(designed && res.statusCode === designed.status && res.json().code === designed.code, `${res.statusCode}: ${res.body.slice(0, 300)}`).toBe(true);
  }
  if (res.statusCode >= 400) {
    expect(type, `${res.statusCode} ${res.body.slice(0, 200)}`).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(typeof problem.code, res.body).toBe('string');
    expect(typeof problem.title, res.body).toBe('string');
    return;
  }
  const declared = op.responses[String(res.statusCode)];
  expect(declared, `${res.statusCode} is not in the document`).toBeDefined();
  if (declared?.content && res.statusCode !== 204) expect(Object.keys(declared.content)).toContain(type.split(';')[0].trim());
}

beforeAll(async () => {
  const { api } = ctx;
  doc = (await api.get('/openapi.json')).body;
  const org = await make.municipality(api);
  const plan = await make.plan(api, { ownerId: org.id });
  const theme = await make.theme(api, { planId: plan.id });
  const goal = await make.goal(api, { themeId: theme.id });
  const activity = await make.activity(api, { themeId: theme.id });
  const indicator = await make.indicator(api, { planId: plan.id });
  const measurement = await make.measurement(api, { indicatorId: indicator.id });
  const budgetLine = await make.budgetLine(api, { planId: plan.id });
  const spending = await make.spendingEntry(api, { budgetLineId: budgetLine.id });
  const task = await make.regularTask(api, { planId: plan.id });
  const decision = await make.decision(api, { planId: plan.id });
  const person = await make.person(api, { organisationId: org.id });
  const occurrence = await api.create(`/activities/${activity.id}/occurrences`, { occurredOn: '2024-03-01' });
  const round = await api.create(`/plans/${plan.id}/rounds`, { quarter: '2024-Q1' });
  const closed = await api.post(`/rounds/${round.id}/close`, { version: round.version });
  if (closed.status !== 200) throw new Error(`closing the round: ${closed.status}`);
  const version = await make.publishedVersion(api, plan.id);
  // The adviser handles the municipality's meldpunt too, so the meldpunt's routes get past their rules.
  const [category] = await ensureDefaultCategories(ctx.db, org.id);
  await ctx.db.query(`insert into meldpunt_duties (user_id, organisation_id, duty) values ($1, $2, 'behandelaar')`, [api.session!.userId, org.id]);
  const melding = await api.create('/meldpunt/signals', { municipalityId: org.id, categoryId: category.id, answers: { wat: 'Fuzz', waar: 'Fuzzstraat' } });
  Object.assign(ids, {
    organisations: org.id, organisationId: org.id, plans: plan.id, themes: theme.id, goals: goal.id, activities: activity.id,
    indicators: indicator.id, measurements: measurement.id, 'budget-lines': budgetLine.id, 'spending-entries': spending.id,
    'regular-tasks': task.id, decisions: decision.id, people: person.id, rounds: round.id, versions: version.id,
    occurrenceId: occurrence.id, meldingen: melding.id, categories: category.id, municipality: org.id, tokenId: randomUUID(), userId: api.session!.userId, unknown: randomUUID(),
  });
});

const ORDER: Record<string, number> = { get: 0, post: 1, put: 1, patch: 1, delete: 2 };

describe('fuzzing every operation of the OpenAPI document', () => {
  it('covers the whole document', () => {
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(count).toBeGreaterThan(100);
  });

  // The document is read in beforeAll, so the operations run inside one test, in a fixed order; a failure names each
  // failing operation, its caller and the request fast-check made.
  it('never answers 5xx, and every 4xx is a problem document', async () => {
    const operations = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => ORDER[a.method] - ORDER[b.method]);
    const failures: string[] = [];
    const succeeded = new Set<string>();
    for (const { path, method, op } of operations) {
      const key = `${method} ${path}`;
      for (const as of ['anonymous', 'adviser'] as const) {
        if (as === 'adviser' && SKIPPED_FOR_ADVISER.has(key)) continue;
        try {
          await fc.assert(
            fc.asyncProperty(requestFor(path, method, op), async (req) => {
              const res = await send(method, req, as);
              if (res.statusCode < 300) succeeded.add(key);
              check(key, op, res);
            }),
            { seed: SEED, numRuns: SLOW.test(path) ? SLOW_RUNS : RUNS, endOnFailure: true },
          );
        } catch (err) {
          failures.push(`${method.toUpperCase()} ${path} as ${as}: ${String((err as Error).message).slice(0, 1500)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The generators get past validation: most operations answered some request with a success.
    expect(succeeded.size).toBeGreaterThan(operations.length / 2);
  }, 300_000);
});
