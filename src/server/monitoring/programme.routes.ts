import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZActivityFilter } from '../../domain/schemas.ts';
import { ZMyActivity, ZProgrammeActivity, ZRoadmap } from '../../domain/plan-views.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import { fileName } from '../http/download.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import { listMyActivities, listProgrammeActivities } from './programme-activities.ts';
import { getRoadmap, roadmapCalendar } from './roadmap.ts';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** The programme's activity table, the roadmap and its calendar, and the actor's own activities. */
export function registerProgrammeRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/plans/:id/activities', {
    schema: {
      tags: ['plans'], summary: 'De activiteitentabel van een programma, gefilterd',
      params: ZIdParam,
      querystring: ZActivityFilter,
      response: { 200: z.array(ZProgrammeActivity), ...problems },
    },
  }, async (req) => listProgrammeActivities(db, req.params.id, req.query, ctxOf(req)));

  r.get('/plans/:id/roadmap', {
    schema: {
      tags: ['plans'],
      summary: 'Planning per kwartaal: activiteiten op de kwartalen van het programma, wat dit kwartaal af moet en wat over tijd is (filters als de activiteitentabel; asOf: peildatum, standaard vandaag)',
      params: ZIdParam,
      querystring: ZActivityFilter.extend({ asOf: z.iso.date().optional() }),
      response: { 200: ZRoadmap, ...problems },
    },
  }, async (req) => {
    const { asOf, ...filter } = req.query;
    return getRoadmap(db, req.params.id, filter, ctxOf(req), asOf);
  });

  r.get('/plans/:id/roadmap.ics', {
    schema: {
      tags: ['plans'],
      summary: 'De planning als iCalendar-bestand: gedateerde activiteiten en terugkerende overleggen (filters als de activiteitentabel; in het auditlogboek)',
      params: ZIdParam,
      querystring: ZActivityFilter,
      response: { 200: fileResponse(ICS_TYPE, 'De planning als iCalendar-bestand (.ics)'), ...problems },
    },
  }, async (req, reply) => {
    const { plan, ics } = await roadmapCalendar(db, req.params.id, req.query, ctxOf(req), app.publicUrl ?? `${req.protocol}://${req.host}`);
    await writeAudit(db, req.auditActor, {
      action: 'export', organisationId: plan.ownerId, entity: 'plans', entityId: plan.id, after: { format: 'ics', filter: req.query },
    });
    reply.header('content-disposition', `attachment; filename="planning-${fileName(plan.title)}.ics"`);
    return reply.type(ICS_TYPE).send(ics);
  });

  r.get('/me/activities', {
    schema: {
      tags: ['plans'], summary: 'Mijn activiteiten: waarvoor ik verantwoordelijk ben of waarbij mijn organisatie betrokken is, met plan, thema, voortgang en de ronde die op mijn update wacht',
      response: { 200: z.array(ZMyActivity), ...problems },
    },
  }, async (req) => listMyActivities(db, ctxOf(req)));
}
