import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { ZId, ZVersion } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import { problems, ZIdParam } from './errors.ts';
import type { RequestContext } from '../core/access.ts';
import { getRecord, listRecords } from '../core/read.ts';
import type { ResourceDef, Row } from '../core/resource.ts';
import { createRecord, deleteRecord, updateRecord } from '../core/write.ts';

/*
 * The generic routes of a definition (ADR 0003, 0019): list, read, create, update (PATCH with version) and delete,
 * with their OpenAPI schemas taken from the definition. A room registers its own definitions.
 */

const isUuid = (id: string) => ZId.safeParse(id).success;

/** A PATCH body: every field optional and without its default (absent means unchanged), plus the version. */
function patchSchema(def: ResourceDef) {
  const shape: Record<string, z.ZodOptional> = Object.fromEntries(
    Object.entries(def.fields.shape).map(([k, s]) => {
      const inner = s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : (s as z.ZodType);
      return [k, inner.optional()];
    }),
  );
  return z.strictObject({ ...shape, ...ZVersion.shape });
}

/** Registers the generic routes of each definition; `withoutList`: definitions whose list the room answers itself. */
export function registerResourceRoutes(
  app: FastifyInstance,
  db: Db,
  ctxOf: (req: FastifyRequest) => RequestContext,
  defs: readonly ResourceDef[],
  withoutList: readonly ResourceDef[] = [],
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const def of defs) {
    const tags = [def.name];
    const filter = z.object(Object.fromEntries(def.filters.map((f) => [f, z.string().max(100).optional()])));
    if (!withoutList.includes(def)) {
      r.get(`/${def.name}`, { schema: { tags, summary: `${def.label}: lijst`, querystring: filter, response: { 200: z.array(def.output), ...problems } } },
        async (req) => {
          const q: Row = req.query;
          // A filter on an id that is not a uuid matches nothing.
          if (Object.entries(q).some(([k, v]) => k.endsWith('Id') && typeof v === 'string' && v && !isUuid(v))) return [];
          return (await def.served?.list(db, ctxOf(req), q)) ?? listRecords(db, def, q, ctxOf(req));
        });
    }
    r.get(`/${def.name}/:id`, { schema: { tags, summary: `${def.label}: lezen`, params: ZIdParam, response: { 200: def.output, ...problems } } },
      async (req) => getRecord(db, def, req.params.id, ctxOf(req)).catch(async (e: unknown) => {
        // Who may not read the record may read it as another state serves it (a frozen version, ADR 0020).
        const served = e instanceof AppError && e.code === 'not_found' ? await def.served?.get(db, ctxOf(req), req.params.id) : null;
        if (served) return served;
        throw e;
      }));
    r.post(`/${def.name}`, { schema: { tags, summary: `${def.label}: aanmaken`, body: def.fields, response: { 201: def.output, ...problems } } },
      // The service validates the raw body again with the rules between fields (the route schema checks each field).
      async (req, reply) => reply.status(201).send(await createRecord(db, def, req.body, ctxOf(req))));
    r.patch(`/${def.name}/:id`, { schema: { tags, summary: `${def.label}: wijzigen (met versie)`, params: ZIdParam, body: patchSchema(def), response: { 200: def.output, ...problems } } },
      async (req) => updateRecord(db, def, req.params.id, req.body, ctxOf(req)));
    r.delete(`/${def.name}/:id`, {
      schema: { tags, summary: `${def.label}: verwijderen`, params: ZIdParam, querystring: z.object({ version: z.coerce.number().int().optional() }), response: { 204: z.null(), ...problems } },
    }, async (req, reply) => {
      await deleteRecord(db, def, req.params.id, req.query.version, ctxOf(req));
      return reply.status(204).send(null);
    });
  }
}
